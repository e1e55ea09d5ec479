import { ConflictError as AnyConflictError, DomainError, TooManyAttemptsError as AnyTooManyAttemptsError } from './domain-error';

/** A library's narrowed errors, as each library's errors.ts declares them. */
type Code = 'already_terminated' | 'account_locked';
class ConflictError extends AnyConflictError<Code> {}
class TooManyAttemptsError extends AnyTooManyAttemptsError<Code> {}

describe("errors narrowed to a library's codes", () => {
  it('stay the generic domain errors the API maps, with their name, status and code', () => {
    const error = new ConflictError('The client is already terminated', 'already_terminated');
    expect(error).toBeInstanceOf(AnyConflictError);
    expect(error).toBeInstanceOf(DomainError);
    expect({ name: error.name, status: error.status, code: error.code, message: error.message }).toEqual({
      name: 'ConflictError',
      status: 409,
      code: 'already_terminated',
      message: 'The client is already terminated',
    });
    expect(new ConflictError('Conflicts').code).toBe('conflict');
    expect(new TooManyAttemptsError('Locked', 'account_locked', 30)).toMatchObject({ status: 429, code: 'account_locked', retryAfterSeconds: 30 });
  });

  it('refuse, at typecheck, a code the library does not list', () => {
    // @ts-expect-error a misspelt code is not one of the library's codes (tsc fails if this line compiles)
    const misspelt = new ConflictError('The client is already terminated', 'already_terminatd');
    expect(misspelt.code).toBe('already_terminatd');
  });
});
