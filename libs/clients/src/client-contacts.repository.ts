import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { digitsOf, foldedOf, PersonSearchKeys } from '#database';
import { Client } from './client.entity';

/** A client business contact as a data subject's export shows it. */
export type ClientContactRow = {
  clientId: string;
  clientName: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  status: string;
  contractEndedAt: Date | null;
};

export type ContactChanges = Partial<Pick<Client, 'contactName' | 'contactEmail' | 'contactPhone'>>;

/**
 * The SQL on the contact columns of `clients` (controller data), as the compliance library works them:
 * found for a data subject, exported, corrected, erased, listed for marketing. Exported as it is, since
 * only this library touches the clients table; every method takes the caller's manager or transaction.
 */
@Injectable()
export class ClientContacts {
  /** Clients whose contact matches the person, oldest first, with the identifiers that matched. */
  matching(manager: EntityManager, keys: PersonSearchKeys): Promise<{ id: string; on_email: boolean; on_phone: boolean; on_name: boolean }[]> {
    return manager.query(
      `SELECT id, coalesce(lower(contact_email) = $1, false) AS on_email,
              ${digitsOf('contact_phone')} = ANY($2::text[]) AS on_phone,
              coalesce(${foldedOf('contact_name')} = $3, false) AS on_name
         FROM clients
        WHERE lower(contact_email) = $1 OR ${digitsOf('contact_phone')} = ANY($2::text[]) OR ($4 AND ${foldedOf('contact_name')} = $3)
        ORDER BY created_at`,
      [keys.email, keys.phones, keys.name, keys.nameAlone],
    );
  }

  find(manager: EntityManager, clientId: string): Promise<Client | null> {
    return manager.findOne(Client, { where: { id: clientId } });
  }

  /** Every client and former client, oldest first (marketing to business contacts; suppression decides). */
  all(manager: EntityManager): Promise<Client[]> {
    return manager.find(Client, { order: { createdAt: 'ASC' } });
  }

  /** True when the client exists and its contact now has these values. */
  async change(tx: EntityManager, clientId: string, changes: ContactChanges): Promise<boolean> {
    const result = await tx.update(Client, { id: clientId }, changes);
    return Boolean(result.affected);
  }

  async erase(tx: EntityManager, clientId: string): Promise<void> {
    await tx.update(Client, { id: clientId }, { contactName: null, contactEmail: null, contactPhone: null });
  }

  exportRows(manager: EntityManager, clientIds: string[]): Promise<ClientContactRow[]> {
    if (!clientIds.length) return Promise.resolve([]);
    return manager.query(
      `SELECT id AS "clientId", name AS "clientName", contact_name AS "contactName", contact_email AS "contactEmail",
              contact_phone AS "contactPhone", status, contract_ended_at AS "contractEndedAt"
         FROM clients WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
      [clientIds],
    );
  }

  /** Clients whose contract ended at or before `cutoff`, earliest end first, and whether a contact is still held. */
  endedBy(manager: EntityManager, cutoff: Date): Promise<{ id: string; hasContact: boolean }[]> {
    return manager.query(
      `SELECT id, (contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL) AS "hasContact"
         FROM clients WHERE status = 'terminated' AND contract_ended_at IS NOT NULL AND contract_ended_at <= $1
        ORDER BY contract_ended_at`,
      [cutoff],
    );
  }
}
