import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '#audit';
import { SecretHasher } from '#crypto';
import { NotFoundError } from '#errors';
import { ClientsService } from '#clients';
import { IngestKey } from './ingest-key.entity';

const KEY_PATTERN = /^cvik_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** Presented keys look like cvik_<key id>_<secret>: the id finds the row, the secret is checked against its hash. */
@Injectable()
export class IngestKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly hasher: SecretHasher,
    private readonly audit: AuditService,
  ) {}

  /** Returns the key once; only its hash is kept. */
  async issue(clientId: string, label: string | undefined, actor: { id: string }): Promise<{ id: string; key: string }> {
    await this.clients.get(clientId);
    const secret = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (tx) => {
      const row = await tx.save(
        tx.create(IngestKey, { clientId, label: label ?? null, secretHash: await this.hasher.hash(secret) }),
      );
      await this.audit.append(
        {
          actor: { id: actor.id, role: 'admin' },
          clientId,
          dataRole: 'controller',
          purpose: 'security',
          action: 'ingest_key.issue',
          subject: { type: 'ingest_key', id: row.id },
          outcome: 'success',
        },
        tx,
      );
      return { id: row.id, key: `cvik_${row.id.replace(/-/g, '')}_${secret}` };
    });
  }

  list(clientId: string): Promise<IngestKey[]> {
    return this.dataSource.getRepository(IngestKey).find({ where: { clientId }, order: { createdAt: 'ASC' } });
  }

  async revoke(clientId: string, keyId: string, actor: { id: string }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const result = await tx.update(IngestKey, { id: keyId, clientId, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) throw new NotFoundError('Ingest key');
      await this.audit.append(
        {
          actor: { id: actor.id, role: 'admin' },
          clientId,
          dataRole: 'controller',
          purpose: 'security',
          action: 'ingest_key.revoke',
          subject: { type: 'ingest_key', id: keyId },
          outcome: 'success',
        },
        tx,
      );
    });
  }

  async verify(presented: string): Promise<{ id: string; clientId: string } | null> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) return null;
    const id = match[1].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    // A terminated client's keys stop with its contract.
    const row = await this.dataSource.getRepository(IngestKey).findOne({ where: { id, revokedAt: IsNull(), client: { status: 'active' } }, relations: { client: true } });
    if (!row || !(await this.hasher.verify(row.secretHash, match[2]))) return null;
    await this.dataSource.getRepository(IngestKey).update({ id }, { lastUsedAt: new Date() });
    return { id: row.id, clientId: row.clientId };
  }
}
