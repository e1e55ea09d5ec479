import { Call } from './call.entity';
import { CallerMessage } from './caller-message.entity';
import { ClientPublicKeyRecord } from './client-public-key.entity';
import { CallsAndRecordings1700000000500 } from './migrations/1700000000500-CallsAndRecordings';
import { CallsFromPhoneSystem1700000001500 } from './migrations/1700000001500-CallsFromPhoneSystem';
import { RecordingIngest1700000000510 } from './migrations/1700000000510-RecordingIngest';
import { CallerMessageReadAt1700000001620 } from './migrations/1700000001620-CallerMessageReadAt';
import { Recording } from './recording.entity';

export { Call } from './call.entity';
export { CallerMessage } from './caller-message.entity';
export { Recording } from './recording.entity';
export type { RecordingStatus } from './recording.entity';
export { ClientPublicKeyRecord } from './client-public-key.entity';

export { CallerDataErasureModule, CallerMessageNoticesModule, CallsModule, RecordingVaultModule } from './calls.module';
export { CallsService } from './calls.service';
export type { CallCreation, ListQuery, NewCall, NewMessage } from './calls.service';
export { CallerDataErasure, ERASED_CALLER_NUMBER } from './caller-data-erasure';
export type { ErasureRule } from './caller-data-erasure';
export { CallerDataOwners } from './caller-data-owners';
export { RecordingIngestService } from './recording-ingest.service';
export type { IngestedRecording, RecordingUpload } from './recording-ingest.service';
export { recordingView, RecordingsService } from './recordings.service';
export type { RecordingView } from './recordings.service';
export { parseRecordingStorageKey, RECORDINGS_PREFIX, recordingStorageKey, RecordingVault } from './recording-vault';
export type { RecordingLocation, SealResult } from './recording-vault';
export { ORPHAN_GRACE_MS, RECEIVING_TIMEOUT_MS, RECORDINGS_QUEUE, RecordingSweeper, RecordingSweepScheduler, SWEEP_RECORDINGS_JOB } from './recording-sweeper';
export type { SweepResult } from './recording-sweeper';
export { ClientPublicKeysService } from './client-public-keys.service';
export { CANONICAL_CONTENT_TYPE, declaredFormat, sniffAudio } from './audio-format';
export type { AudioFormat } from './audio-format';
export { validateCustomFields } from './intake-validation';
export type { CustomFieldValue } from './intake-validation';
export { RecordingTooLargeError, UnsupportedAudioError, UploadAbortedError } from './errors';

export const callsEntities = [Call, CallerMessage, Recording, ClientPublicKeyRecord];
export const callsMigrations = [CallsAndRecordings1700000000500, RecordingIngest1700000000510, CallsFromPhoneSystem1700000001500, CallerMessageReadAt1700000001620];
