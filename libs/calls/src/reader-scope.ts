import type { Principal } from '#access';
import { NotFoundError } from '#errors';
import { InvalidInputError } from './errors';

/** Whose caller data a request may list, and the agent filter that applies on top. */
export interface ReaderScope {
  clientIds: string[];
  /** Set for operator staff: only what this agent logged, and only since `since`. */
  agent?: { id: string; since: Date };
}

export const isStaff = (principal: Principal): principal is Extract<Principal, { kind: 'user' }> =>
  principal.kind === 'user' && (principal.role === 'agent' || principal.role === 'supervisor');

/** Start of the working window: an agent reads back what it logged after this instant only. */
export const windowStart = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000);

/**
 * The clients a principal's list request covers. Client users: their own (a foreign clientId reads
 * as not found). Agents and supervisors: the clients they logged work for within the window.
 * Anyone else names the client; the access policy then decides whether they may.
 */
export async function readerScope(
  principal: Principal,
  requestedClientId: string | undefined,
  window: { now: Date; hours: number },
  agentClients: (agentId: string, since: Date) => Promise<string[]>,
): Promise<ReaderScope> {
  if (principal.kind === 'user' && principal.role === 'client') {
    if (requestedClientId && requestedClientId !== principal.clientId) throw new NotFoundError('Client');
    return { clientIds: [principal.clientId!] };
  }
  if (isStaff(principal)) {
    const since = windowStart(window.now, window.hours);
    const clients = await agentClients(principal.id, since);
    return { clientIds: requestedClientId ? clients.filter((c) => c === requestedClientId) : clients, agent: { id: principal.id, since } };
  }
  if (!requestedClientId) throw new InvalidInputError('clientId is required');
  return { clientIds: [requestedClientId] };
}

export interface Page {
  limit: number;
  /** Items strictly older than this one (keyset on createdAt, id). */
  before?: { createdAt: Date; id: string };
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** Newest first; ties broken by id, the same order the SQL uses. */
export const newestFirst = <T extends { createdAt: Date; id: string }>(a: T, b: T) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * For routes addressed by an item's id: another tenant's item must look exactly like a missing one,
 * so the policy's "client not found" is re-worded as the item's (the refusal is audited by the policy).
 */
export const asMissing = (what: string) => (error: unknown): never => {
  throw error instanceof NotFoundError ? new NotFoundError(what) : error;
};
