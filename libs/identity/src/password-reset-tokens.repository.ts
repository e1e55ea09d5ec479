import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { PasswordResetToken } from './password-reset-token.entity';

/** The SQL on `password_reset_tokens`. Every method takes the caller's manager or transaction. */
@Injectable()
export class PasswordResetTokensRepository {
  /** Stores a new token for the account; an unused older one stops working (one valid token at a time). */
  async replaceUnused(tx: EntityManager, fields: Pick<PasswordResetToken, 'userId' | 'tokenHash' | 'issuedBy' | 'expiresAt'>): Promise<void> {
    await tx.delete(PasswordResetToken, { userId: fields.userId, usedAt: IsNull() });
    await tx.insert(PasswordResetToken, fields);
  }

  /** The unused, unexpired token with this hash, row-locked so it is redeemed once. */
  lockRedeemable(tx: EntityManager, tokenHash: string, now: Date): Promise<PasswordResetToken | null> {
    return tx.findOne(PasswordResetToken, { where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(tx: EntityManager, id: string, usedAt: Date): Promise<void> {
    await tx.update(PasswordResetToken, { id }, { usedAt });
  }
}
