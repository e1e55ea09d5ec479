import * as generic from '#errors';

/** The codes this library's refusals carry besides the generic ones (COMMON_ERROR_CODES); listed in the API document. */
export const CLIENTS_ERROR_CODES = [
  'already_terminated',
] as const;
export type ClientsErrorCode = (typeof CLIENTS_ERROR_CODES)[number];

/** The generic errors, narrowed to this library's codes: its throw sites use these, so a misspelt code fails typecheck. */
export class ConflictError extends generic.ConflictError<ClientsErrorCode> {}
export class InvalidInputError extends generic.InvalidInputError<ClientsErrorCode> {}
