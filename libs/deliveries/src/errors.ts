import * as generic from '#errors';

/** The codes this library's refusals carry besides the generic ones (COMMON_ERROR_CODES); listed in the API document. */
export const DELIVERIES_ERROR_CODES = [
  'nothing_to_deliver',
  'recording_not_deliverable',
  'items_withheld',
  'delivery_credential',
  'delivery_consumed',
  'delivery_expired',
  'delivery_locked',
  'delivery_busy',
  'delivery_range',
  'receipt_mismatch',
  'delivery_not_sent',
  'no_delivery_contact',
] as const;
export type DeliveriesErrorCode = (typeof DELIVERIES_ERROR_CODES)[number];

/** The generic errors, narrowed to this library's codes: its throw sites use these, so a misspelt code fails typecheck. */
export class ConflictError extends generic.ConflictError<DeliveriesErrorCode> {}
export class InvalidInputError extends generic.InvalidInputError<DeliveriesErrorCode> {}

/**
 * 403: an operator asked for a delivery on a client's behalf, but nobody at the client would receive
 * its password (no email recipient or active webhook endpoint for delivery.ready). Nothing is created.
 */
export class NoDeliveryContactError extends generic.DomainError<DeliveriesErrorCode> {
  constructor() {
    super(
      'no_delivery_contact',
      403,
      "The client has no delivery contact, so its delivery's password could reach nobody: register an email recipient for delivery.ready in the client's notification settings (email must be configured) or a webhook endpoint for delivery.ready, or ask a user of the client to create the delivery",
    );
  }
}

/** 401 for a download: no credential, or not this delivery's password. */
export class DeliveryCredentialError extends generic.DomainError<DeliveriesErrorCode> {
  constructor(message = 'This delivery needs its id and one-time password (HTTP Basic)') {
    super('delivery_credential', 401, message);
  }
}

/** 410: the delivery was downloaded (and its recordings deleted), or it expired. */
export class DeliveryGoneError extends generic.DomainError<DeliveriesErrorCode> {
  constructor(reason: 'consumed' | 'expired') {
    super(`delivery_${reason}`, 410, reason === 'consumed' ? 'This delivery has already been downloaded' : 'This delivery has expired');
  }
}

/** 423: too many wrong passwords; the client can ask for a new delivery. */
export class DeliveryLockedError extends generic.DomainError<DeliveriesErrorCode> {
  constructor() {
    super('delivery_locked', 423, 'This delivery is locked after too many wrong passwords; create a new delivery');
  }
}

/** 409: another download of this delivery is running. */
export class DeliveryBusyError extends generic.DomainError<DeliveriesErrorCode> {
  constructor() {
    super('delivery_busy', 409, 'Another download of this delivery is running; try again when it has ended');
  }
}

/** 416: a delivery streams as a whole, once; partial requests are refused and never consume it. */
export class DeliveryRangeError extends generic.DomainError<DeliveriesErrorCode> {
  constructor() {
    super('delivery_range', 416, 'A delivery is downloaded as a whole; Range requests are not served');
  }
}

/** 409: the receipt's SHA-256 is not the one of the archive this delivery last sent completely. */
export class DeliveryReceiptMismatchError extends generic.DomainError<DeliveriesErrorCode> {
  constructor(bytes: number | null) {
    super(
      'receipt_mismatch',
      409,
      `The SHA-256 does not match the archive this delivery sent${bytes === null ? '' : ` (${bytes} bytes)`}; nothing was consumed. Download it again and send the SHA-256 of the whole file`,
    );
  }
}

/** 409: a receipt for a delivery that was never sent completely. */
export class DeliveryNotSentError extends generic.DomainError<DeliveriesErrorCode> {
  constructor() {
    super('delivery_not_sent', 409, 'This delivery has not been sent completely yet; download the whole archive, then send its SHA-256');
  }
}
