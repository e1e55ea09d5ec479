import * as generic from '#errors';

/** The codes this library's refusals carry besides the generic ones (COMMON_ERROR_CODES); listed in the API document. */
export const IDENTITY_ERROR_CODES = [
  'login_failed',
  'totp_required',
  'second_factor_invalid',
  'account_locked',
  'current_password_wrong',
  'password_unchanged',
  'reset_token_invalid',
  'totp_already_enrolled',
  'totp_not_enrolling',
  'totp_invalid',
  'email_taken',
  'cannot_disable_self',
  'user_disabled',
  'user_erased',
] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];

/** The generic errors, narrowed to this library's codes: its throw sites use these, so a misspelt code fails typecheck. */
export class ConflictError extends generic.ConflictError<IdentityErrorCode> {}
export class ForbiddenError extends generic.ForbiddenError<IdentityErrorCode> {}
export class InvalidInputError extends generic.InvalidInputError<IdentityErrorCode> {}
export class TooManyAttemptsError extends generic.TooManyAttemptsError<IdentityErrorCode> {}
export class UnauthenticatedError extends generic.UnauthenticatedError<IdentityErrorCode> {}
