import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, SubjectDecisions } from '#access';
import type { AccessRequest, SubjectRefusal } from '#access';
import type { SqlPart } from '#database';
import { ConsentService } from '../consent/consent.service';
import { ProcessingRestrictions } from '../dsr/processing-restrictions';

/** Caller records a data subject can restrict, by the name the access request gives them. */
const RECORD_KIND: Record<string, string> = { message: 'caller_message', call: 'call', recording: 'recording' };

const restrictedRefusal = (request: AccessRequest, kind: string, ids: string[]): SubjectRefusal => ({
  code: 'processing_restricted',
  message: `Processing for ${request.purpose} is restricted at the data subject's request (${kind} ${ids.join(', ')})`,
});

/**
 * The registers' answer to the access policy: a record whose subject restricted or objected to this
 * purpose is refused, and marketing needs each named caller's express permission (D3, D7).
 */
@Injectable()
export class RegisteredSubjectDecisions extends SubjectDecisions implements OnModuleInit {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly consent: ConsentService,
    private readonly restrictions: ProcessingRestrictions,
  ) {
    super();
  }

  onModuleInit(): void {
    this.policy.consult(this);
  }

  async refusal(request: AccessRequest, manager?: EntityManager): Promise<SubjectRefusal | null> {
    const named = [...(request.subject ? [request.subject] : []), ...(request.subjects ?? [])];
    const records = named.filter((s) => RECORD_KIND[s.type]).map((s) => ({ kind: RECORD_KIND[s.type], id: s.id }));
    if (request.purpose === 'marketing' && records.length !== named.length) {
      return { code: 'caller_permission_missing', message: 'Only callers named by their messages can be checked for marketing permission' };
    }
    for (const kind of new Set(records.map((r) => r.kind))) {
      const restricted = await this.restricted(kind, records, request, manager);
      if (restricted.size) return restrictedRefusal(request, kind, [...restricted]);
    }
    if (request.purpose !== 'marketing') return null;
    const messages = records.filter((r) => r.kind === 'caller_message').map((r) => r.id);
    const missing = [
      ...records.filter((r) => r.kind !== 'caller_message').map((r) => r.id),
      ...(await this.consent.callersWithoutPermission(request.clientId, messages, manager)),
    ];
    if (!missing.length && messages.length) return null;
    return {
      code: 'caller_permission_missing',
      message: `Caller data may not be used for marketing without the caller's express permission: none on record for ${missing.length} of ${records.length} callers (messages ${missing.join(', ')})`,
    };
  }

  /** Every purpose but marketing: the restrictions of the named records, read in the policy's one query. */
  refusalQuery(request: AccessRequest): { part: SqlPart; decide(value: unknown): SubjectRefusal | null } | null {
    if (request.purpose === 'marketing') return null;
    const named = [...(request.subject ? [request.subject] : []), ...(request.subjects ?? [])];
    const records = named.filter((s) => RECORD_KIND[s.type]).map((s) => ({ kind: RECORD_KIND[s.type], id: s.id }));
    if (!records.length) return { part: { sql: `SELECT '{}'::text[]`, params: [] }, decide: () => null };
    return {
      part: this.restrictions.restrictedPart(records, request.purpose),
      decide: (value) => {
        const pairs = (value as string[]).map((pair) => pair.split(' ') as [string, string]);
        // As `refusal`: the first kind named that has a restricted record decides the message.
        for (const kind of new Set(records.map((r) => r.kind))) {
          const ids = pairs.filter(([k]) => k === kind).map(([, id]) => id);
          if (ids.length) return restrictedRefusal(request, kind, ids.sort());
        }
        return null;
      },
    };
  }

  async withheld(request: AccessRequest, named: { type: string; id: string }[], manager?: EntityManager): Promise<Set<string>> {
    const records = named.filter((s) => RECORD_KIND[s.type]).map((s) => ({ kind: RECORD_KIND[s.type], id: s.id }));
    const withheld = new Set<string>();
    for (const kind of new Set(records.map((r) => r.kind))) for (const id of await this.restricted(kind, records, request, manager)) withheld.add(id);
    return withheld;
  }

  private restricted(kind: string, records: { kind: string; id: string }[], request: AccessRequest, manager?: EntityManager): Promise<Set<string>> {
    const ids = records.filter((r) => r.kind === kind).map((r) => r.id);
    return this.restrictions.restrictedAmong(kind, ids, request.purpose, manager);
  }
}
