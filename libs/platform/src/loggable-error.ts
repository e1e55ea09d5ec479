/**
 * What a log line may say of an error: its kind, message, codes and stack. Drivers attach the failing
 * query and its parameters (TypeORM's QueryFailedError) and the offending values (pg's `detail`),
 * which can be caller data, so those never reach a log line; nor does the message of a PostgreSQL
 * data exception (SQLSTATE class 22), which quotes the value it refused.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: 'a non-Error value was thrown' };
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
