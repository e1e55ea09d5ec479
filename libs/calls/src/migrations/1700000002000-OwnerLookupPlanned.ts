import { MigrationInterface, QueryRunner } from 'typeorm';

const OWNER_LOOKUP = (language: 'sql' | 'plpgsql', body: string) => `CREATE OR REPLACE FUNCTION caller_data_owner(kind text, item uuid) RETURNS uuid
  LANGUAGE ${language} STABLE
  SET app.tenant_scope = 'all'
  SET app.scope_reason = 'owner_lookup'
  AS $$ ${body} $$`;

/**
 * The owner lookup runs on every access to a call, message or recording by id. As an SQL function with
 * SET clauses it cannot be inlined and Postgres planned its body on every call; PL/pgSQL keeps each
 * branch's plan for the session. Same answers, same scope.
 */
export class OwnerLookupPlanned1700000002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      OWNER_LOOKUP(
        'plpgsql',
        `BEGIN
           IF kind = 'call' THEN RETURN (SELECT client_id FROM calls WHERE id = item);
           ELSIF kind = 'message' THEN RETURN (SELECT client_id FROM caller_messages WHERE id = item);
           ELSIF kind = 'recording' THEN RETURN (SELECT client_id FROM recordings WHERE id = item);
           END IF;
           RETURN NULL;
         END`,
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      OWNER_LOOKUP(
        'sql',
        `SELECT CASE kind
           WHEN 'call' THEN (SELECT client_id FROM calls WHERE id = item)
           WHEN 'message' THEN (SELECT client_id FROM caller_messages WHERE id = item)
           WHEN 'recording' THEN (SELECT client_id FROM recordings WHERE id = item)
         END`,
      ),
    );
  }
}
