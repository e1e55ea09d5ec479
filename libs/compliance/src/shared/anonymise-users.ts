import type { EntityManager } from 'typeorm';

/** The marker an anonymised account's e-mail address starts with. */
export const ERASED_EMAIL_PREFIX = 'erased+';

/**
 * Anonymises user accounts in place: the e-mail address becomes `erased+<id>@erased.invalid`, the
 * password can never match, the account is disabled. The row (its id) stays, because past audit events
 * name it as their actor and the accountability record is never edited. Returns the ids changed now.
 */
export async function anonymiseUsers(tx: EntityManager, ids: string[], now: Date): Promise<string[]> {
  if (!ids.length) return [];
  // Wrapped in a SELECT: the driver answers a bare UPDATE ... RETURNING with [rows, count].
  const rows: { id: string }[] = await tx.query(
    `WITH changed AS (
       UPDATE users SET email = '${ERASED_EMAIL_PREFIX}' || id || '@erased.invalid', password_hash = '!erased', disabled_at = coalesce(disabled_at, $2)
        WHERE id = ANY($1::uuid[]) AND email NOT LIKE '${ERASED_EMAIL_PREFIX}%'
        RETURNING id)
     SELECT id FROM changed`,
    [ids, now],
  );
  return rows.map((r) => r.id);
}
