import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { User } from './user.entity';

/** A one-time second-factor code for a lost authenticator; shown once, stored as an argon2id hash. */
@PersonalData({ dataRole: 'controller', category: 'operator_user_credential', purposes: ['security'] })
@Entity('user_recovery_codes')
@Index('ix_user_recovery_codes_user', ['userId'])
export class RecoveryCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user_recovery_codes' })
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_recovery_codes_user' })
  user?: User;

  @Column('text')
  codeHash: string;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
