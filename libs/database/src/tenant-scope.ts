import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Caller-data tables carry row-level security keyed on `app.client_id`: a query sees only the rows of
 * the client named for its transaction. Every read or write of caller data runs inside one of these
 * scopes, so a query that forgets its tenant filter still returns nothing of another client.
 */
@Injectable()
export class TenantScope {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction that sees only `clientId`'s caller data. Joins `manager`'s transaction if given. */
  run<T>(clientId: string, work: (tx: EntityManager) => Promise<T>, manager?: EntityManager): Promise<T> {
    return this.within(manager, async (tx) => {
      await tx.query(`SELECT set_config('app.client_id', $1, true), set_config('app.tenant_scope', '', true)`, [clientId]);
      return work(tx);
    });
  }

  /**
   * `run` for the client an id belongs to, found inside the same transaction in the statement that
   * enters the scope (one round trip, not two). `ownerSql` is an SQL expression giving that client's
   * id; `missing` is thrown when it gives none.
   */
  runAsOwner<T>(ownerSql: string, params: unknown[], missing: () => Error, work: (tx: EntityManager, clientId: string) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      const [row]: { client_id: string }[] = await tx.query(
        `SELECT set_config('app.client_id', coalesce((${ownerSql})::text, ''), true) AS client_id, set_config('app.tenant_scope', '', true)`,
        params,
      );
      if (!row?.client_id) throw missing();
      return work(tx, row.client_id);
    });
  }

  /**
   * For the few operations that must cross clients on purpose: the worker's deletion and retention
   * sweeps, and finding a delivery by its id before its password is checked. Callers name why.
   */
  runAcrossClients<T>(reason: AcrossClientsReason, work: (tx: EntityManager) => Promise<T>, manager?: EntityManager): Promise<T> {
    return this.within(manager, async (tx) => {
      await tx.query(`SELECT set_config('app.tenant_scope', 'all', true), set_config('app.scope_reason', $1, true)`, [reason]);
      return work(tx);
    });
  }

  private within<T>(manager: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (manager?.queryRunner?.isTransactionActive) return work(manager);
    return this.dataSource.transaction(work);
  }
}

export type AcrossClientsReason =
  | 'deletion_outbox'
  | 'retention_sweep'
  | 'delivery_credential_check'
  | 'usage_report'
  | 'data_subject_search'
  | 'break_glass'
  | 'notifications';

/** SQL for a migration: row-level security on a caller-data table keyed on its client_id. */
export const tenantIsolationSql = (table: string) => [
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY ${table}_tenant_isolation ON ${table}
     USING (client_id = nullif(current_setting('app.client_id', true), '')::uuid
            OR current_setting('app.tenant_scope', true) = 'all')
     WITH CHECK (client_id = nullif(current_setting('app.client_id', true), '')::uuid
            OR current_setting('app.tenant_scope', true) = 'all')`,
];
