import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { User } from './user.entity';

/** An admin-issued, one-time, short-lived password reset; the token is kept only as a keyed SHA-256. */
@PersonalData({ dataRole: 'controller', category: 'operator_user_credential', purposes: ['security'] })
@Entity('password_reset_tokens')
@Index('uq_password_reset_tokens_hash', ['tokenHash'], { unique: true })
@Index('ix_password_reset_tokens_user', ['userId'])
export class PasswordResetToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_password_reset_tokens' })
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_password_reset_tokens_user' })
  user?: User;

  @Column('varchar', { length: 80 })
  tokenHash: string;

  @Column('uuid')
  issuedBy: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
