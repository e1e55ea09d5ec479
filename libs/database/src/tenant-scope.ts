import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { beginWith, queryPrepared } from './prepared-statements';
import type { PreparedStatement } from './prepared-statements';

/**
 * Caller-data tables carry row-level security keyed on `app.client_id`: a query sees only the rows of
 * the client named for its transaction. Every read or write of caller data runs inside one of these
 * scopes, so a query that forgets its tenant filter still returns nothing of another client.
 */
@Injectable()
export class TenantScope {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction that sees only `clientId`'s caller data. Joins `manager`'s transaction
   * if given. `ahead`: the statements the work sends first, sent with the begin (see beginWith).
   */
  run<T>(clientId: string, work: (tx: EntityManager) => Promise<T>, manager?: EntityManager, ahead: PreparedStatement[] = []): Promise<T> {
    return this.within(manager, ENTER_CLIENT, [clientId], work, ahead);
  }

  /**
   * `run` for the client an id belongs to, found inside the same transaction in the statement that
   * enters the scope (one round trip, not two). `ownerSql` is an SQL expression giving that client's
   * id; `missing` is thrown when it gives none.
   */
  runAsOwner<T>(ownerSql: string, params: unknown[], missing: () => Error, work: (tx: EntityManager, clientId: string) => Promise<T>): Promise<T> {
    const enter = `SELECT set_config('app.client_id', coalesce((${ownerSql})::text, ''), true) AS client_id, set_config('app.tenant_scope', '', true)`;
    return this.transaction<T, { client_id: string }>(enter, params, (tx, [row]) => {
      if (!row?.client_id) throw missing();
      return work(tx, row.client_id);
    });
  }

  /**
   * For the few operations that must cross clients on purpose: the worker's deletion and retention
   * sweeps, and finding a delivery by its id before its password is checked. Callers name why.
   */
  runAcrossClients<T>(reason: AcrossClientsReason, work: (tx: EntityManager) => Promise<T>, manager?: EntityManager): Promise<T> {
    return this.within(manager, ENTER_ALL_CLIENTS, [reason], work);
  }

  /** In `manager`'s transaction if it has one (`ahead` then simply goes out when the work sends it), else in a new one. */
  private async within<T>(manager: EntityManager | undefined, enter: string, params: unknown[], work: (tx: EntityManager) => Promise<T>, ahead: PreparedStatement[] = []): Promise<T> {
    if (!manager?.queryRunner?.isTransactionActive) return this.transaction(enter, params, (tx) => work(tx), ahead);
    await queryPrepared(manager, enter, params);
    return work(manager);
  }

  /**
   * DataSource.transaction, entered by the statement `enter` (sent with START TRANSACTION in one write:
   * see beginWith), except that what must happen after the commit but need not hold the connection
   * (the audit chain: see afterReleaseOf) is awaited once the connection is back in the pool. The
   * caller still returns only after it; the pool serves other requests meanwhile.
   */
  private async transaction<T, R = Record<string, unknown>>(enter: string, params: unknown[], work: (tx: EntityManager, entered: R[]) => Promise<T>, ahead: PreparedStatement[] = []): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const waits: Promise<unknown>[] = [];
    runner.data = { ...runner.data, [AFTER_RELEASE]: waits };
    let result: T;
    try {
      const entered = await beginWith<R>(runner, enter, params, ahead);
      result = await work(runner.manager, entered);
      // The work may have committed already, with its last statement (WriteBatch.runAndCommit).
      if (runner.isTransactionActive) await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    await Promise.all(waits);
    return result;
  }
}

const ENTER_CLIENT = `SELECT set_config('app.client_id', $1, true), set_config('app.tenant_scope', '', true)`;
const ENTER_ALL_CLIENTS = `SELECT set_config('app.tenant_scope', 'all', true), set_config('app.scope_reason', $1, true)`;

const AFTER_RELEASE = 'waitsAfterRelease';

/**
 * Where after-commit work of a transaction begun by TenantScope may put what the caller must still
 * wait for without holding the connection; undefined for other transactions (then await it in the
 * after-commit hook itself).
 */
export function afterReleaseOf(runner: QueryRunner): Promise<unknown>[] | undefined {
  const waits: unknown = runner.data?.[AFTER_RELEASE];
  return Array.isArray(waits) ? waits : undefined;
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
