/**
 * What a log line may say of an error: its kind, message, codes and stack. Drivers attach the failing
 * query and its parameters (TypeORM's QueryFailedError) and the offending values (pg's `detail`),
 * which can be caller data, so those never reach a log line; nor does the message of a PostgreSQL
 * data exception (SQLSTATE class 22), which quotes the value it refused.
 */
export function loggableError(value: unknown): Record<string, unknown> {
  // pino-http hands custom error serializers pino's own serialization, the thrown error kept as `raw`.
  const error = value instanceof Error ? value : (value as { raw?: unknown } | null)?.raw;
  if (!(error instanceof Error)) return { type: typeof value, message: 'a non-Error value was thrown' };
  const { code, constraint, table } = error as Error & { code?: unknown; constraint?: unknown; table?: unknown };
  const driver = (error as { driverError?: { code?: unknown; constraint?: unknown; table?: unknown } }).driverError;
  const sqlState = typeof (code ?? driver?.code) === 'string' ? String(code ?? driver?.code) : undefined;
  const message = sqlState?.startsWith('22') ? `data exception (SQLSTATE ${sqlState})` : error.message;
  return {
    type: error.name,
    message,
    ...(code ?? driver?.code ? { code: code ?? driver?.code } : {}),
    ...(constraint ?? driver?.constraint ? { constraint: constraint ?? driver?.constraint } : {}),
    ...(table ?? driver?.table ? { table: table ?? driver?.table } : {}),
    // The stack without its first line, which repeats the message.
    stack: error.stack?.split('\n').slice(1).join('\n'),
    ...(error.cause !== undefined ? { cause: loggableError(error.cause) } : {}),
  };
}
