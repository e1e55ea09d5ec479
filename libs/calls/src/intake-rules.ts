import isEmail from 'validator/lib/isEmail';
import isISO8601 from 'validator/lib/isISO8601';

/**
 * The rules a caller message must meet, written once: the API's validation and the agent console's
 * form both use this module (it imports nothing from Node or Nest, so the browser bundle can take it).
 */

export type IntakeFieldType = 'string' | 'number' | 'boolean' | 'email' | 'phone' | 'date';

/** The shape of one intake field as the client's instructions declare it. */
export interface IntakeFieldRule {
  name: string;
  label?: string;
  type: IntakeFieldType;
  required: boolean;
}

export type CustomFieldValue = string | number | boolean;

export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{2,38}$/;
export const MESSAGE_LIMITS = { callerName: 200, callerPhone: 40, callerEmail: 320, body: 10000, customString: 2000 } as const;

/** One thing wrong with a field: the field's path and a sentence that never repeats the value. */
export interface IntakeProblem {
  field: string;
  message: string;
}

const typeProblem = (field: IntakeFieldRule, value: unknown): string | null => {
  const name = `customFields.${field.name}`;
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') return `${name} must be a string`;
      return value.length > MESSAGE_LIMITS.customString ? `${name} must be at most ${MESSAGE_LIMITS.customString} characters` : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${name} must be a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name} must be a boolean`;
    case 'email':
      return typeof value === 'string' && value.length <= MESSAGE_LIMITS.callerEmail && isEmail(value) ? null : `${name} must be an email address`;
    case 'phone':
      return typeof value === 'string' && PHONE_PATTERN.test(value) ? null : `${name} must be a phone number`;
    case 'date':
      return typeof value === 'string' && isISO8601(value, { strict: true }) ? null : `${name} must be an ISO 8601 date`;
    default:
      return `${name} has an unsupported type in the client's intake script`;
  }
};

/**
 * Checks answers against an intake script: no unknown field, every required one present, each of its
 * declared type. Returns the cleaned values (empty optional fields dropped) and every problem found.
 */
export function checkCustomFields(fields: readonly IntakeFieldRule[], values: Record<string, unknown>): { clean: Record<string, CustomFieldValue>; problems: IntakeProblem[] } {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const problems: IntakeProblem[] = [];
  for (const name of Object.keys(values)) {
    if (!byName.has(name)) problems.push({ field: `customFields.${name.slice(0, 64)}`, message: `customFields.${name.slice(0, 64)} is not a field of this client's intake script` });
  }
  const clean: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    const value = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
    if (value === undefined || value === null || value === '') {
      if (field.required) problems.push({ field: `customFields.${field.name}`, message: `customFields.${field.name} is required` });
      continue;
    }
    const problem = typeProblem(field, value);
    if (problem) problems.push({ field: `customFields.${field.name}`, message: problem });
    else clean[field.name] = value as CustomFieldValue;
  }
  return { clean, problems };
}

/** The standard fields of a message, with the limits the API's DTO declares from the same constants. */
export function checkStandardFields(input: { callerName?: string; callerPhone?: string; callerEmail?: string | null; body?: string }): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const name = input.callerName ?? '';
  if (!name.length || name.length > MESSAGE_LIMITS.callerName) problems.push({ field: 'callerName', message: `callerName must be 1 to ${MESSAGE_LIMITS.callerName} characters` });
  const phone = input.callerPhone ?? '';
  if (phone.length > MESSAGE_LIMITS.callerPhone || !PHONE_PATTERN.test(phone)) problems.push({ field: 'callerPhone', message: 'callerPhone must be a phone number' });
  if (input.callerEmail && (input.callerEmail.length > MESSAGE_LIMITS.callerEmail || !isEmail(input.callerEmail))) problems.push({ field: 'callerEmail', message: 'callerEmail must be an email' });
  const body = input.body ?? '';
  if (!body.length || body.length > MESSAGE_LIMITS.body) problems.push({ field: 'body', message: `body must be 1 to ${MESSAGE_LIMITS.body} characters` });
  return problems;
}
