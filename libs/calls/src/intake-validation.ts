import { isEmail, isISO8601 } from 'class-validator';
import type { IntakeField } from '#clients';
import { InvalidInputError } from '#errors';

export type CustomFieldValue = string | number | boolean;

const MAX_STRING = 2000;
const PHONE = /^\+?[0-9][0-9 ().-]{2,38}$/;

/** Does `value` fit the field's type? Messages name the field and the type, never the value. */
function typeProblem(field: IntakeField, value: unknown): string | null {
  const name = `customFields.${field.name}`;
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') return `${name} must be a string`;
      return value.length > MAX_STRING ? `${name} must be at most ${MAX_STRING} characters` : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${name} must be a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name} must be a boolean`;
    case 'email':
      return typeof value === 'string' && value.length <= 320 && isEmail(value) ? null : `${name} must be an email address`;
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? null : `${name} must be a phone number`;
    case 'date':
      return typeof value === 'string' && isISO8601(value, { strict: true }) ? null : `${name} must be an ISO 8601 date`;
    default:
      return `${name} has an unsupported type in the client's intake script`;
  }
}

/**
 * Checks a message's custom fields against the client's intake script (its current processing
 * instructions): no unknown field, every required one present, each of its declared type. Returns
 * the cleaned values (null or absent optional fields dropped); throws InvalidInputError naming every
 * problem found. Field names come from the client's script, so naming them leaks no caller data.
 */
export function validateCustomFields(fields: readonly IntakeField[], input: unknown): Record<string, CustomFieldValue> {
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new InvalidInputError('customFields must be an object');
  const values = input as Record<string, unknown>;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const problems: string[] = [];
  for (const name of Object.keys(values)) {
    if (!byName.has(name)) problems.push(`customFields.${name.slice(0, 64)} is not a field of this client's intake script`);
  }
  const clean: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    const value = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
    if (value === undefined || value === null || value === '') {
      if (field.required) problems.push(`customFields.${field.name} is required`);
      continue;
    }
    const problem = typeProblem(field, value);
    if (problem) problems.push(problem);
    else clean[field.name] = value as CustomFieldValue;
  }
  if (problems.length) throw new InvalidInputError(problems.join('; '), 'intake_invalid');
  return clean;
}
