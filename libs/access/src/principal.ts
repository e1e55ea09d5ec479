import type { Role } from '#audit';
import type { SessionScope } from './user-session.entity';

/**
 * Who is asking: a signed-in user (with the session its token belongs to), or the telephony system
 * holding one client's ingest key.
 */
export type Principal =
  | { kind: 'user'; id: string; role: Role; clientId: string | null; sessionId?: string; scope?: SessionScope }
  | { kind: 'ingest_key'; id: string; clientId: string };

export const actorOf = (principal: Principal) =>
  principal.kind === 'user'
    ? { id: principal.id, role: principal.role }
    : { id: principal.id, role: 'ingest_key' as const };
