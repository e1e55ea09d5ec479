import type { IntakeField } from '#clients';
import { InvalidInputError } from './errors';
import { checkCustomFields, CustomFieldValue } from './intake-rules';

export type { CustomFieldValue } from './intake-rules';

/**
 * Checks a message's custom fields against the client's intake script (its current processing
 * instructions) with the rules the agent console also uses (intake-rules.ts). Returns the cleaned
 * values; throws InvalidInputError naming every problem found. Field names come from the client's
 * script, so naming them leaks no caller data.
 */
export function validateCustomFields(fields: readonly IntakeField[], input: unknown): Record<string, CustomFieldValue> {
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new InvalidInputError('customFields must be an object');
  const { clean, problems } = checkCustomFields(fields, input as Record<string, unknown>);
  if (problems.length) throw new InvalidInputError(problems.map((p) => p.message).join('; '), 'intake_invalid');
  return clean;
}
