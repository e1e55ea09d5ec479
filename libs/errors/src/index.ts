export { COMMON_ERROR_CODES, ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError, TooManyAttemptsError, UnauthenticatedError } from './domain-error';
export type { CommonErrorCode } from './domain-error';
