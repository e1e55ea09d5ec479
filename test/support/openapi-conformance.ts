import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, any>;

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

/**
 * Checks a JSON value against an OpenAPI 3.0 schema of the kinds this API's document uses ($ref,
 * allOf, oneOf, anyOf, nullable, enum, formats, properties, required, items, additionalProperties).
 * Strict on purpose: a property the schema does not declare is an error, so a response that carries
 * an undocumented (or leaked) field fails. Returns one line per problem, empty when it conforms.
 */
export function schemaProblems(document: OpenAPIObject, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    return target ? schemaProblems(document, target as Schema, value, at) : [`${at}: unknown schema ${schema.$ref}`];
  }
  if (value === null) return schema.nullable || schema.oneOf?.some((s: Schema) => s.nullable) ? [] : [`${at}: null is not allowed`];
  if (schema.allOf) return (schema.allOf as Schema[]).flatMap((s) => schemaProblems(document, s, value, at));
  if (schema.oneOf) {
    const fits = (schema.oneOf as Schema[]).filter((s) => schemaProblems(document, s, value, at).length === 0).length;
    return fits === 1 ? [] : [`${at}: matches ${fits} of the oneOf schemas, not exactly one`];
  }
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((s) => schemaProblems(document, s, value, at).length === 0)) return [`${at}: matches none of the anyOf schemas`];
  const actual = typeOf(value);
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  if (type && type !== actual && !(type === 'number' && actual === 'integer')) return [`${at}: expected ${type}, got ${actual}`];
  if (type === 'string' && schema.format && FORMATS[schema.format] && !FORMATS[schema.format].test(value as string)) return [`${at}: not a ${schema.format}`];
  if (type === 'array') return (value as unknown[]).flatMap((item, i) => schemaProblems(document, schema.items ?? {}, item, `${at}[${i}]`));
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    const properties: Record<string, Schema> = schema.properties ?? {};
    const problems = (schema.required ?? []).filter((key: string) => !(key in object)).map((key: string) => `${at}.${key}: required but missing`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) problems.push(...schemaProblems(document, properties[key], item, `${at}.${key}`));
      else if (schema.additionalProperties && schema.additionalProperties !== true) problems.push(...schemaProblems(document, schema.additionalProperties, item, `${at}.${key}`));
      else if (!schema.additionalProperties) problems.push(`${at}.${key}: not in the documented schema`);
    }
    return problems;
  }
  return [];
}

/** The operation of the document that serves this concrete path, and what it documents for this status. */
export function documentedResponse(
  document: OpenAPIObject,
  method: string,
  path: string,
  status: number,
): { template: string; content: Record<string, { schema?: Schema }>; headers: Record<string, { required?: boolean; schema?: Schema }> } {
  const bare = path.split('?')[0];
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = (item as Record<string, any>)[method.toLowerCase()];
    if (!pattern.test(bare) || !operation) continue;
    const response = operation.responses?.[String(status)];
    if (!response) throw new Error(`${method} ${template} does not document status ${status}`);
    return { template, content: response.content ?? {}, headers: response.headers ?? {} };
  }
  throw new Error(`no documented operation for ${method} ${bare}`);
}
