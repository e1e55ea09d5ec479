import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';

/** What a session's token may do: everything its role allows, or only enrol a second factor. */
export const SESSION_SCOPES = ['full', 'totp_enrolment'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];

/**
 * One signed-in session: every access token names one (claim `sid`), and the guard refuses a token
 * whose session has ended, however the token reached it (bearer header or cookie).
 */
@PersonalData({ dataRole: 'controller', category: 'operator_user_session', purposes: ['security'] })
@Entity('user_sessions')
@Index('ix_user_sessions_user', ['userId'])
export class UserSession {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user_sessions' })
  id: string;

  @Column('uuid')
  userId: string;

  @Column('varchar', { length: 16 })
  scope: SessionScope;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When its token expires (the token's own `exp`); ended or expired rows are cleared at later sign-ins. */
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  /** A SessionEndReason: logout, password_changed, password_reset, disabled, erased, totp_enrolled, second_factor_reset. */
  @Column('varchar', { length: 32, nullable: true })
  endReason: string | null;
}
