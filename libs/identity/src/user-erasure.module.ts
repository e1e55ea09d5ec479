import { Module } from '@nestjs/common';
import { CredentialsModule } from '#access';
import { AccountLockout } from './account-lockout';
import { LoginFailuresRepository } from './login-failures.repository';
import { UserErasure } from './user-erasure';
import { UserRecords } from './user-records';
import { UsersRepository } from './users.repository';

/** Erasure and what compliance needs of accounts, for the worker's retention sweep (which has no HTTP guard) and the API. */
@Module({
  imports: [CredentialsModule],
  providers: [AccountLockout, LoginFailuresRepository, UserErasure, UserRecords, UsersRepository],
  exports: [AccountLockout, UserErasure, UserRecords, UsersRepository],
})
export class UserErasureModule {}
