import type { Purpose } from '#audit';

export const DSR_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'human_review'] as const;
export type DsrType = (typeof DSR_TYPES)[number];

export const DSR_STATUSES = ['received', 'in_progress', 'completed', 'refused'] as const;
export type DsrStatus = (typeof DSR_STATUSES)[number];
export const OPEN_DSR_STATUSES: readonly DsrStatus[] = ['received', 'in_progress'];

export const DSR_SOURCES = ['data_subject', 'representative', 'regulator'] as const;
export type DsrSource = (typeof DSR_SOURCES)[number];

/** How the requester's identity was checked before anything is disclosed or changed. */
export const VERIFICATION_METHODS = ['not_verified', 'document', 'account_login', 'email_confirmation', 'known_contact', 'controller_confirmed'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** What the owning client tells the processor to do with its caller data (GDPR art. 28(3)(e)). */
export const CLIENT_INSTRUCTIONS = ['erase', 'export', 'rectify', 'restrict', 'refuse'] as const;
export type ClientInstruction = (typeof CLIENT_INSTRUCTIONS)[number];

export const FORWARD_STATUSES = ['awaiting_client', 'answered', 'closed'] as const;
export type ForwardStatus = (typeof FORWARD_STATUSES)[number];

/** Corrected values a rectification asks for. */
export interface Rectification {
  name?: string;
  email?: string;
  phone?: string;
}

export type MatchField = 'name' | 'email' | 'phone' | 'call';

/** One record found for the person; ids only. */
export interface RecordMatch {
  kind: 'user' | 'client_contact' | 'marketing_consent' | 'caller_message' | 'call' | 'recording';
  id: string;
  matchedOn: MatchField[];
}

/** Why a record was kept when erasure was asked for (seed 000: "provide, invoice and evidence our service"). */
export interface RetentionHold {
  basis: 'invoicing' | 'evidence_of_service' | 'contract' | 'legal_obligation' | 'suppression';
  reason: string;
  /** When the hold ends, if known. */
  until: string | null;
}

/** What happened to one record; `hold` is set exactly when the record (or part of it) was kept. */
export interface RecordOutcome {
  kind: RecordMatch['kind'] | 'suppression_entry';
  id: string;
  outcome: 'erased' | 'anonymised' | 'kept' | 'rectified' | 'unchanged' | 'restricted' | 'exported' | 'not_found';
  hold?: RetentionHold;
  note?: string;
}

export interface OperationReport {
  operation: 'erase' | 'rectify' | 'restrict' | 'export' | 'refuse';
  at: string;
  by: string;
  records: RecordOutcome[];
  /** Counts by outcome, for the list view. */
  summary: Record<string, number>;
  reason?: string;
  /** For a client's export: the one-time delivery that carries the messages and recordings. */
  deliveryId?: string;
}

/** Purposes a restriction stops: everything but storage, legal claims and security (GDPR art. 18(2)). */
export const RESTRICTION_PURPOSES: readonly Purpose[] = ['service_delivery', 'billing', 'quality_review', 'marketing'];
