import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { SecretHasher } from '#crypto';
import { NotFoundError } from '#errors';
import { ClientsService } from '#clients';
import { TooManyAttemptsError } from './errors';
import { IngestKey } from './ingest-key.entity';
import { IngestKeysRepository } from './ingest-keys.repository';
import { KeyedHasher } from './keyed-hash';

const KEY_PATTERN = /^cvik_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const HASH_PURPOSE = 'ingest-key';

/** Presented keys look like cvik_<key id>_<secret>: the id finds the row, the secret is checked against its hash. */
@Injectable()
export class IngestKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly keyedHasher: KeyedHasher,
    private readonly legacyHasher: SecretHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly keys: IngestKeysRepository,
  ) {}

  /** Returns the key once; only its keyed hash is kept. */
  async issue(clientId: string, label: string | undefined, actor: { id: string }): Promise<{ id: string; key: string }> {
    await this.clients.get(clientId);
    const secret = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (tx) => {
      const row = await this.keys.create(tx, { clientId, label: label ?? null, secretHash: this.keyedHasher.digest(HASH_PURPOSE, secret) });
      await this.event(tx, row, { id: actor.id, role: 'admin' }, 'ingest_key.issue', 'success');
      return { id: row.id, key: `cvik_${row.id.replace(/-/g, '')}_${secret}` };
    });
  }

  list(clientId: string): Promise<IngestKey[]> {
    return this.keys.ofClient(this.dataSource.manager, clientId);
  }

  async revoke(clientId: string, keyId: string, actor: { id: string }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.keys.revoke(tx, clientId, keyId, this.clock.now()))) throw new NotFoundError('Ingest key');
      await this.event(tx, { id: keyId, clientId }, { id: actor.id, role: 'admin' }, 'ingest_key.revoke', 'success');
    });
  }

  /**
   * The key's client when the secret matches; null otherwise. Wrong secrets are counted per key id and
   * audited; past INGEST_KEY_FAILURE_LIMIT within INGEST_KEY_BLOCK_SECONDS the key id is refused (429)
   * without any check until the block ends.
   */
  async verify(presented: string): Promise<{ id: string; clientId: string } | null> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) return null;
    const id = match[1].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    // A terminated client's keys stop with its contract.
    const row = await this.keys.findUnrevoked(this.dataSource.manager, id);
    if (!row || !(await this.clients.isActive(row.clientId))) return null;
    const now = this.clock.now();
    if (row.blockedUntil && row.blockedUntil > now) throw this.blocked(row.blockedUntil, now);
    const legacy = !KeyedHasher.isKeyedDigest(row.secretHash);
    const valid = legacy ? await this.legacyHasher.verify(row.secretHash, match[2]) : this.keyedHasher.matches(HASH_PURPOSE, row.secretHash, match[2]);
    if (!valid) {
      await this.recordFailure(row.id, now);
      return null;
    }
    // Keys issued before keyed hashing carry argon2id: rehashed on their first successful use.
    await this.keys.recordUse(this.dataSource.manager, id, now, legacy ? this.keyedHasher.digest(HASH_PURPOSE, match[2]) : undefined);
    return { id: row.id, clientId: row.clientId };
  }

  private async recordFailure(keyId: string, now: Date): Promise<void> {
    const windowMs = this.config.ingestKeyBlockSeconds * 1000;
    await this.dataSource.transaction(async (tx) => {
      const row = await this.keys.lockById(tx, keyId);
      if (!row) return;
      const fresh = !row.failureWindowStartedAt || row.failureWindowStartedAt.getTime() <= now.getTime() - windowMs;
      const failures = fresh ? 1 : row.failedAttempts + 1;
      const blocks = failures >= this.config.ingestKeyFailureLimit;
      const blockedUntil = blocks ? new Date(now.getTime() + windowMs) : row.blockedUntil;
      await this.keys.setFailureState(tx, keyId, blocks ? { failedAttempts: 0, failureWindowStartedAt: null, blockedUntil } : { failedAttempts: failures, failureWindowStartedAt: fresh ? now : row.failureWindowStartedAt });
      const actor = { id: keyId, role: 'ingest_key' as const };
      await this.event(tx, row, actor, 'ingest_key.verify', 'denied', { reason: 'wrong_secret', failures });
      if (blocks) await this.event(tx, row, actor, 'ingest_key.block', 'denied', { blockedUntil: blockedUntil!.toISOString() });
    });
  }

  private blocked(until: Date, now: Date): TooManyAttemptsError {
    return new TooManyAttemptsError('Too many failed attempts with this ingest key: try again later', 'ingest_key_blocked', (until.getTime() - now.getTime()) / 1000);
  }

  private event(
    tx: EntityManager,
    key: { id: string; clientId: string },
    actor: { id: string; role: 'admin' | 'ingest_key' },
    action: string,
    outcome: 'success' | 'denied',
    details?: Record<string, string | number>,
  ) {
    return this.audit.append({ actor, clientId: key.clientId, dataRole: 'controller', purpose: 'security', action, subject: { type: 'ingest_key', id: key.id }, outcome, details }, tx);
  }
}
