import { createHash } from 'node:crypto';
import type { AuditDetails, AuditEvent } from './audit-event.entity';

export const GENESIS_HASH = '0'.repeat(64);

type ChainFields = Omit<AuditEvent, 'id' | 'hash' | 'canonical'>;

const sortedDetails = (details: AuditDetails) =>
  Object.fromEntries(Object.keys(details).sort().map((key) => [key, details[key]]));

/** The exact text that is hashed: fixed field order, details with sorted keys, ISO time. */
export function canonicalText(event: ChainFields): string {
  return JSON.stringify([
    'cv-audit-1',
    event.seq,
    event.occurredAt.toISOString(),
    event.actorId,
    event.actorRole,
    event.clientId,
    event.dataRole,
    event.purpose,
    event.action,
    event.subjectType,
    event.subjectId,
    event.outcome,
    sortedDetails(event.details),
    event.prevHash,
  ]);
}

export const chainHash = (canonical: string) => createHash('sha256').update(canonical, 'utf8').digest('hex');

/** Why a stored event does not belong to the chain, or null when it does. */
export function brokenLink(event: AuditEvent & { seq: string }, previous: { seq: string; hash: string } | null): string | null {
  const expectedSeq = previous ? (BigInt(previous.seq) + 1n).toString() : '1';
  if (event.seq !== expectedSeq) return `sequence gap: expected ${expectedSeq}`;
  if (event.prevHash !== (previous?.hash ?? GENESIS_HASH)) return 'previous hash does not match the preceding event';
  if (canonicalText(event) !== event.canonical) return 'stored fields differ from the hashed text';
  if (chainHash(event.canonical!) !== event.hash) return 'hash does not match the hashed text';
  return null;
}
