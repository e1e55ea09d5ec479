import { EntityManager } from 'typeorm';
import type { SqlPart } from '#database';
import type { AccessRequest } from './access-policy';

/** A refusal that comes from the data subject, not from who asks. */
export interface SubjectRefusal {
  code: 'processing_restricted' | 'caller_permission_missing';
  message: string;
}

/**
 * What the people the data is about decided: restrictions and objections (GDPR art. 18, 21) and express
 * permission for marketing (D3). Declared here so the one access policy can ask it; implemented by the
 * compliance library, which keeps those registers and sits above access in the dependency order.
 */
export abstract class SubjectDecisions {
  abstract refusal(request: AccessRequest, manager?: EntityManager): Promise<SubjectRefusal | null>;

  /**
   * `refusal` as SQL giving one value plus how to read it, so the policy can ask it in the same round
   * trip as its other facts; null when this request needs more than one query (marketing).
   */
  abstract refusalQuery(request: AccessRequest): { part: SqlPart; decide(value: unknown): SubjectRefusal | null } | null;

  /** The ids among `records` whose subjects refused `request.purpose` (lists leave them out). */
  abstract withheld(request: AccessRequest, records: { type: string; id: string }[], manager?: EntityManager): Promise<Set<string>>;
}
