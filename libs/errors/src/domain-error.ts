/**
 * Every refusal the domain makes is a DomainError: a stable code for machines, an HTTP status, and a
 * message that says what is wrong without echoing personal data. One filter in the API maps them.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', 404, `${what} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed', code = 'forbidden') {
    super(code, 403, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, code = 'conflict') {
    super(code, 409, message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, code = 'invalid_input') {
    super(code, 400, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', code = 'unauthenticated') {
    super(code, 401, message);
  }
}

/** Too many attempts on one credential or from one place; `retryAfterSeconds` becomes Retry-After. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    message: string,
    code: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, 429, message);
  }
}
