import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { RecoveryCode } from './recovery-code.entity';

/** The SQL on `user_recovery_codes`. Every method takes the caller's manager or transaction. */
@Injectable()
export class RecoveryCodesRepository {
  /** The account's codes become exactly these (hashed) ones. */
  async replace(tx: EntityManager, userId: string, codeHashes: string[]): Promise<void> {
    await tx.delete(RecoveryCode, { userId });
    await tx.insert(RecoveryCode, codeHashes.map((codeHash) => ({ userId, codeHash })));
  }

  async removeAll(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(RecoveryCode, { userId });
  }

  unusedOf(manager: EntityManager, userId: string): Promise<RecoveryCode[]> {
    return manager.find(RecoveryCode, { where: { userId, usedAt: IsNull() } });
  }

  /** True when this call spent the code: a conditional update, so two sign-ins racing with one code cannot both win. */
  async spend(manager: EntityManager, id: string, usedAt: Date): Promise<boolean> {
    const result = await manager.update(RecoveryCode, { id, usedAt: IsNull() }, { usedAt });
    return result.affected === 1;
  }
}
