import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LoginFailure } from './login-failure.entity';

/** The SQL on `login_failures`, keyed by the keyed hash of the address typed. Every method takes the caller's manager or transaction. */
@Injectable()
export class LoginFailuresRepository {
  byAccountKey(manager: EntityManager, accountKey: string): Promise<LoginFailure | null> {
    return manager.findOneBy(LoginFailure, { accountKey });
  }

  /**
   * Counts one failure in one statement (concurrent failures of one account all count) and returns the
   * count; a previous failure before `forgetBefore` no longer counts, so the count starts again from one.
   */
  async countFailure(tx: EntityManager, accountKey: string, now: Date, forgetBefore: Date): Promise<number> {
    const [row]: { failures: number }[] = await tx.query(
      `INSERT INTO login_failures (account_key, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (account_key) DO UPDATE
         SET failures = CASE WHEN login_failures.last_failure_at < $3 THEN 1 ELSE login_failures.failures + 1 END, last_failure_at = $2
       RETURNING failures`,
      [accountKey, now, forgetBefore],
    );
    return row.failures;
  }

  async lockUntil(tx: EntityManager, accountKey: string, lockedUntil: Date): Promise<void> {
    await tx.update(LoginFailure, { accountKey }, { lockedUntil });
  }

  /** True when there was a count (or lock) to remove. */
  async remove(manager: EntityManager, accountKey: string): Promise<boolean> {
    const result = await manager.delete(LoginFailure, { accountKey });
    return (result.affected ?? 0) > 0;
  }
}
