import * as generic from '#errors';

/** The codes this library's refusals carry besides the generic ones (COMMON_ERROR_CODES); listed in the API document. */
export const COMPLIANCE_ERROR_CODES = [
  'reason_required',
  'already_notified',
  'high_risk',
  'client_reports',
  'positive_action_required',
  'name_taken',
  'transfer_mechanism_required',
  'sub_processor_ended',
  'category_not_covered',
  'worker_unavailable',
  'request_closed',
  'extension_window_closed',
  'extension_limit',
  'wrong_request_type',
  'identity_not_verified',
  'operation_pending',
  'forward_closed',
  'export_not_instructed',
  'email_taken',
  'processing_restricted',
] as const;
export type ComplianceErrorCode = (typeof COMPLIANCE_ERROR_CODES)[number];

/** The generic errors, narrowed to this library's codes: its throw sites use these, so a misspelt code fails typecheck. */
export class ConflictError extends generic.ConflictError<ComplianceErrorCode> {}
export class ForbiddenError extends generic.ForbiddenError<ComplianceErrorCode> {}
export class InvalidInputError extends generic.InvalidInputError<ComplianceErrorCode> {}

/** 503: a job was queued but no worker finished it in time. */
export class WorkerUnavailableError extends generic.DomainError<ComplianceErrorCode> {
  constructor(message: string) {
    super('worker_unavailable', 503, message);
  }
}
