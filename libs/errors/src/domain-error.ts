/**
 * Every refusal the domain makes is a DomainError: a stable code for machines, an HTTP status, and a
 * message that says what is wrong without echoing personal data. One filter in the API maps them.
 *
 * The classes take the codes they may carry as a type parameter. Each library narrows them to its own
 * codes in its errors.ts (`class ConflictError extends generic.ConflictError<CallsErrorCode> {}`) and
 * throws through those, so a misspelt or unlisted code fails typecheck; the library's list of codes
 * is exported for the API document.
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The codes of the generic errors below when a throw site names none. */
export const COMMON_ERROR_CODES = ['not_found', 'forbidden', 'conflict', 'invalid_input', 'unauthenticated'] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

export class NotFoundError extends DomainError<'not_found'> {
  constructor(what: string) {
    super('not_found', 404, `${what} not found`);
  }
}

export class ForbiddenError<C extends string = string> extends DomainError<C | 'forbidden'> {
  constructor(message = 'Not allowed', code: C | 'forbidden' = 'forbidden') {
    super(code, 403, message);
  }
}

export class ConflictError<C extends string = string> extends DomainError<C | 'conflict'> {
  constructor(message: string, code: C | 'conflict' = 'conflict') {
    super(code, 409, message);
  }
}

export class InvalidInputError<C extends string = string> extends DomainError<C | 'invalid_input'> {
  constructor(message: string, code: C | 'invalid_input' = 'invalid_input') {
    super(code, 400, message);
  }
}

export class UnauthenticatedError<C extends string = string> extends DomainError<C | 'unauthenticated'> {
  constructor(message = 'Authentication required', code: C | 'unauthenticated' = 'unauthenticated') {
    super(code, 401, message);
  }
}

/** Too many attempts on one credential or from one place; `retryAfterSeconds` becomes Retry-After. */
export class TooManyAttemptsError<C extends string = string> extends DomainError<C> {
  constructor(
    message: string,
    code: C,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, 429, message);
  }
}
