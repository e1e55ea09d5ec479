/**
 * The words every audit event is written in. They live here, at the bottom of the domain libraries,
 * because the accountability record defines what can be said about an access; the access policy
 * and every domain use the same words.
 */
export const ROLES = ['agent', 'supervisor', 'admin', 'dpo', 'client'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who acted: a signed-in user's role, the telephony system's ingest key, the holder of a delivery's
 * one-time credential (actor id: the delivery; only the client's own users receive one), the worker,
 * or nobody yet.
 */
export type ActorRole = Role | 'ingest_key' | 'delivery_credential' | 'system' | 'anonymous';

/** processor: caller data held for one client. controller: the operator's own records. */
export const DATA_ROLES = ['processor', 'controller'] as const;
export type DataRole = (typeof DATA_ROLES)[number];

export const PURPOSES = [
  'service_delivery',
  'billing',
  'quality_review',
  'legal_obligation',
  'marketing',
  'security',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export type Outcome = 'success' | 'denied' | 'failure';
