import * as generic from '#errors';

/** The codes this library's refusals carry besides the generic ones (COMMON_ERROR_CODES); listed in the API document. */
export const ACCESS_ERROR_CODES = [
  'totp_enrolment_required',
  'origin_refused',
  'role',
  'purpose_refused',
  'instructions_refuse',
  'credential_for_client_users_only',
  'break_glass_required',
  'break_glass_reason',
  'break_glass_closed',
  'processing_restricted',
  'caller_permission_missing',
  'ingest_key_blocked',
] as const;
export type AccessErrorCode = (typeof ACCESS_ERROR_CODES)[number];

/** The generic errors, narrowed to this library's codes: its throw sites use these, so a misspelt code fails typecheck. */
export class ConflictError extends generic.ConflictError<AccessErrorCode> {}
export class ForbiddenError extends generic.ForbiddenError<AccessErrorCode> {}
export class InvalidInputError extends generic.InvalidInputError<AccessErrorCode> {}
export class TooManyAttemptsError extends generic.TooManyAttemptsError<AccessErrorCode> {}
export class UnauthenticatedError extends generic.UnauthenticatedError<AccessErrorCode> {}
