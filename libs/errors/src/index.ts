export { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError, TooManyAttemptsError, UnauthenticatedError } from './domain-error';
