import * as generic from '#errors';

/** The codes this library's refusals carry besides the generic ones (COMMON_ERROR_CODES); listed in the API document. */
export const CALLS_ERROR_CODES = [
  'external_ref_taken',
  'client_mismatch',
  'message_delivered',
  'intake_invalid',
  'public_key_invalid',
  'recording_exists',
  'recording_too_large',
  'unsupported_audio',
  'upload_aborted',
] as const;
export type CallsErrorCode = (typeof CALLS_ERROR_CODES)[number];

/** The generic errors, narrowed to this library's codes: its throw sites use these, so a misspelt code fails typecheck. */
export class ConflictError extends generic.ConflictError<CallsErrorCode> {}
export class ForbiddenError extends generic.ForbiddenError<CallsErrorCode> {}
export class InvalidInputError extends generic.InvalidInputError<CallsErrorCode> {}

/** 413: the recording is larger than RECORDING_MAX_BYTES (declared up front, or found while streaming). */
export class RecordingTooLargeError extends generic.DomainError<CallsErrorCode> {
  constructor(maxBytes: number) {
    super('recording_too_large', 413, `Recording exceeds the limit of ${maxBytes} bytes`);
  }
}

/** 415: the body is not one of the audio formats a phone system produces, or contradicts its Content-Type. */
export class UnsupportedAudioError extends generic.DomainError<CallsErrorCode> {
  constructor(message = 'Body is not WAV, MP3, OGG or M4A audio') {
    super('unsupported_audio', 415, message);
  }
}

/** The upload ended before its declared length (client went away); nothing was kept. */
export class UploadAbortedError extends generic.DomainError<CallsErrorCode> {
  constructor() {
    super('upload_aborted', 400, 'Upload ended before the recording was complete; nothing was stored');
  }
}
