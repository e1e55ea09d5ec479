import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';

export const CONSENT_SUBJECT_TYPES = ['client_contact', 'prospect', 'caller'] as const;
export type ConsentSubjectType = (typeof CONSENT_SUBJECT_TYPES)[number];
export const CONSENT_CHANNELS = ['web_form', 'email', 'phone', 'paper', 'in_person', 'in_call'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * A marketing opt-in, given by a positive action (seed 002, 004): what the person was shown, how and when
 * they agreed. A caller's consent is the express permission seed 000 requires before any marketing use.
 * Withdrawn at any time; withdrawal also puts the person on the suppression list.
 */
@PersonalData({ dataRole: 'controller', category: 'marketing_consent', purposes: ['marketing', 'legal_obligation'] })
@Entity('marketing_consents')
@Index('ix_marketing_consents_email_hash', ['emailHash'])
@Index('ix_marketing_consents_phone_hash', ['phoneHash'])
@Check('ck_marketing_consents_subject_type', `subject_type IN ('client_contact', 'prospect', 'caller')`)
@Check('ck_marketing_consents_channel', `channel IN ('web_form', 'email', 'phone', 'paper', 'in_person', 'in_call')`)
@Check('ck_marketing_consents_identifier', `email IS NOT NULL OR phone IS NOT NULL`)
@Check('ck_marketing_consents_caller_client', `subject_type <> 'caller' OR client_id IS NOT NULL`)
export class MarketingConsent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_marketing_consents' })
  id: string;

  @Column('varchar', { length: 16 })
  subjectType: ConsentSubjectType;

  /** For a caller: the client whose call it was; for a client contact: that client. */
  @Column('uuid', { nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  name: string | null;

  @Column('varchar', { length: 320, nullable: true })
  email: string | null;

  @Column('varchar', { length: 40, nullable: true })
  phone: string | null;

  @Column('char', { length: 64, nullable: true })
  emailHash: string | null;

  @Column('char', { length: 64, nullable: true })
  phoneHash: string | null;

  /** The exact wording the person agreed to. */
  @Column('text')
  wording: string;

  @Column('varchar', { length: 16 })
  channel: ConsentChannel;

  /** The positive action taken, e.g. "ticked the unticked opt-in box". */
  @Column('varchar', { length: 200 })
  positiveAction: string;

  @Column('timestamptz')
  givenAt: Date;

  @Column('uuid')
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column('timestamptz', { nullable: true })
  withdrawnAt: Date | null;

  @Column('varchar', { length: 16, nullable: true })
  withdrawalChannel: string | null;
}
