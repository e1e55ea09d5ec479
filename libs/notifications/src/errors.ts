import * as generic from '#errors';

/** The codes this library's refusals carry besides the generic ones (COMMON_ERROR_CODES); listed in the API document. */
export const NOTIFICATIONS_ERROR_CODES = [
  'no_delivery_recipient',
] as const;
export type NotificationsErrorCode = (typeof NOTIFICATIONS_ERROR_CODES)[number];

/** The generic errors, narrowed to this library's codes: its throw sites use these, so a misspelt code fails typecheck. */
export class InvalidInputError extends generic.InvalidInputError<NotificationsErrorCode> {}
