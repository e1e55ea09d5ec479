import type { Role } from '#audit';

/** Who is asking: a signed-in user, or the telephony system holding one client's ingest key. */
export type Principal =
  | { kind: 'user'; id: string; role: Role; clientId: string | null }
  | { kind: 'ingest_key'; id: string; clientId: string };

export const actorOf = (principal: Principal) =>
  principal.kind === 'user'
    ? { id: principal.id, role: principal.role }
    : { id: principal.id, role: 'ingest_key' as const };
