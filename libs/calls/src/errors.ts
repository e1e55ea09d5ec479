import { DomainError } from '#errors';

/** 413: the recording is larger than RECORDING_MAX_BYTES (declared up front, or found while streaming). */
export class RecordingTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('recording_too_large', 413, `Recording exceeds the limit of ${maxBytes} bytes`);
  }
}

/** 415: the body is not one of the audio formats a phone system produces, or contradicts its Content-Type. */
export class UnsupportedAudioError extends DomainError {
  constructor(message = 'Body is not WAV, MP3, OGG or M4A audio') {
    super('unsupported_audio', 415, message);
  }
}

/** The upload ended before its declared length (client went away); nothing was kept. */
export class UploadAbortedError extends DomainError {
  constructor() {
    super('upload_aborted', 400, 'Upload ended before the recording was complete; nothing was stored');
  }
}
