import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PersonalData } from '#audit';

/**
 * Failed sign-ins per account, keyed by a keyed hash of the e-mail address typed (known or not), so
 * failures on one account never lock another and unknown addresses lock exactly like real ones.
 */
@PersonalData({ dataRole: 'controller', category: 'operator_user_security', purposes: ['security'] })
@Entity('login_failures')
export class LoginFailure {
  @PrimaryColumn('varchar', { length: 80, primaryKeyConstraintName: 'pk_login_failures' })
  accountKey: string;

  @Column('int')
  failures: number;

  @Column('timestamptz')
  lastFailureAt: Date;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;
}
