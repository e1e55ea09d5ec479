import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';

/** The SQL on `audit_settings`, which only the owner writes (the application's login reads it). */
@Injectable()
export class AuditSettingsRepository {
  async setRetentionMonths(owner: QueryRunner, months: number): Promise<void> {
    await owner.query(`UPDATE audit_settings SET retention_months = $1`, [months]);
  }
}
