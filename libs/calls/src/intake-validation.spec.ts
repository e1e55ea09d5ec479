import type { IntakeField } from '#clients';
import { InvalidInputError } from '#errors';
import { validateCustomFields } from './intake-validation';

const script: IntakeField[] = [
  { name: 'account_number', type: 'string', required: true },
  { name: 'units', type: 'number', required: false },
  { name: 'emergency', type: 'boolean', required: false },
  { name: 'contact_email', type: 'email', required: false },
  { name: 'alt_phone', type: 'phone', required: false },
  { name: 'visit_on', type: 'date', required: false },
];

const problem = (input: unknown) => {
  try {
    validateCustomFields(script, input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error('expected a validation error');
};

describe('intake validation', () => {
  it('accepts values of the declared types and drops empty optional fields', () => {
    expect(
      validateCustomFields(script, {
        account_number: 'A-1',
        units: 3,
        emergency: false,
        contact_email: 'x@example.test',
        alt_phone: '+44 20 7946 0000',
        visit_on: '2026-11-23',
      }),
    ).toEqual({ account_number: 'A-1', units: 3, emergency: false, contact_email: 'x@example.test', alt_phone: '+44 20 7946 0000', visit_on: '2026-11-23' });
    expect(validateCustomFields(script, { account_number: 'A-1', units: null })).toEqual({ account_number: 'A-1' });
  });

  it('names an unknown field', () => {
    expect(problem({ account_number: 'A', favourite_colour: 'blue' })).toBe("customFields.favourite_colour is not a field of this client's intake script");
  });

  it('names a missing required field', () => {
    expect(problem({})).toBe('customFields.account_number is required');
    expect(problem(undefined)).toBe('customFields.account_number is required');
  });

  it('names the field of the wrong type without echoing the value', () => {
    const message = problem({ account_number: 'A', units: 'three', contact_email: 'secret-not-an-email', visit_on: '23/11/2026' });
    expect(message).toBe('customFields.units must be a number; customFields.contact_email must be an email address; customFields.visit_on must be an ISO 8601 date');
    expect(message).not.toContain('secret');
    expect(problem({ account_number: 7 })).toBe('customFields.account_number must be a string');
    expect(problem({ account_number: 'A', emergency: 'yes' })).toBe('customFields.emergency must be a boolean');
  });

  it('refuses a non-object', () => {
    expect(problem(['a'])).toBe('customFields must be an object');
  });
});
