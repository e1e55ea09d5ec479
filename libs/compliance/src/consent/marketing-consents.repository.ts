import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { MarketingConsent } from './marketing-consent.entity';

export type ConsentChanges = Partial<Pick<MarketingConsent, 'name' | 'email' | 'emailHash' | 'phone' | 'phoneHash'>>;

/** The SQL on `marketing_consents`: the register and data subjects' requests. Every method takes the caller's manager or transaction. */
@Injectable()
export class MarketingConsentsRepository {
  record(tx: EntityManager, fields: Partial<MarketingConsent>): Promise<MarketingConsent> {
    return tx.save(tx.create(MarketingConsent, fields));
  }

  save(tx: EntityManager, consent: MarketingConsent): Promise<MarketingConsent> {
    return tx.save(consent);
  }

  /** The register, newest first, at most `limit` consents. */
  newestFirst(manager: EntityManager, limit: number): Promise<MarketingConsent[]> {
    return manager.find(MarketingConsent, { order: { givenAt: 'DESC' }, take: limit });
  }

  /** The consent, row-locked until the transaction ends (two withdrawals of it take turns). */
  lock(tx: EntityManager, id: string): Promise<MarketingConsent | null> {
    return tx.findOne(MarketingConsent, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markWithdrawn(tx: EntityManager, ids: string[], at: Date, channel: string): Promise<void> {
    await tx.update(MarketingConsent, { id: In(ids) }, { withdrawnAt: at, withdrawalChannel: channel });
  }

  /** Consents not withdrawn that cover any of these keyed hashes (e-mail or phone). */
  activeFor(manager: EntityManager, hashes: string[]): Promise<MarketingConsent[]> {
    if (!hashes.length) return Promise.resolve([]);
    return manager.find(MarketingConsent, {
      where: [
        { emailHash: In(hashes), withdrawnAt: IsNull() },
        { phoneHash: In(hashes), withdrawnAt: IsNull() },
      ],
    });
  }

  /** Consents not withdrawn of client contacts and prospects (not callers'), oldest first. */
  activeOfContactsAndProspects(manager: EntityManager): Promise<MarketingConsent[]> {
    return manager.find(MarketingConsent, {
      where: { withdrawnAt: IsNull(), subjectType: In(['client_contact', 'prospect']) },
      order: { givenAt: 'ASC' },
    });
  }

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
