import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditVerification } from './audit-verification.entity';

/** The SQL on `audit_verifications` (append-only). Every method takes the caller's manager or transaction. */
@Injectable()
export class AuditVerificationsRepository {
  async insert(manager: EntityManager, fields: Omit<AuditVerification, 'id'>): Promise<void> {
    await manager.insert(AuditVerification, fields);
  }

  async latest(manager: EntityManager): Promise<AuditVerification | null> {
    const [latest] = await manager.find(AuditVerification, { order: { verifiedAt: 'DESC', id: 'DESC' }, take: 1 });
    return latest ?? null;
  }
}
