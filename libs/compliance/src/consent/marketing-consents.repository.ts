import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MarketingConsent } from './marketing-consent.entity';

export type ConsentChanges = Partial<Pick<MarketingConsent, 'name' | 'email' | 'emailHash' | 'phone' | 'phoneHash'>>;

/** The SQL on `marketing_consents` that data subjects' requests use. Every method takes the caller's transaction. */
@Injectable()
export class MarketingConsentsRepository {
  /** Consents recorded under either keyed hash, oldest first, with which matched. */
  matching(tx: EntityManager, emailHash: string | null, phoneHash: string | null): Promise<{ id: string; on_email: boolean; on_phone: boolean }[]> {
    if (!emailHash && !phoneHash) return Promise.resolve([]);
    return tx.query(
      `SELECT id, coalesce(email_hash = $1, false) AS on_email, coalesce(phone_hash = $2, false) AS on_phone
         FROM marketing_consents WHERE email_hash = $1 OR phone_hash = $2 ORDER BY given_at`,
      [emailHash, phoneHash],
    );
  }

  exportRows(tx: EntityManager, ids: string[]): Promise<Record<string, unknown>[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.query(
      `SELECT id, subject_type AS "subjectType", name, email, phone, wording, channel, positive_action AS "positiveAction",
              given_at AS "givenAt", withdrawn_at AS "withdrawnAt"
         FROM marketing_consents WHERE id = ANY($1::uuid[]) ORDER BY given_at`,
      [ids],
    );
  }

  async delete(tx: EntityManager, id: string): Promise<boolean> {
    return Boolean((await tx.delete(MarketingConsent, { id })).affected);
  }

  async change(tx: EntityManager, id: string, changes: ConsentChanges): Promise<boolean> {
    return Boolean((await tx.update(MarketingConsent, { id }, changes)).affected);
  }
}
