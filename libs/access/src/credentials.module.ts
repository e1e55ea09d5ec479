import { Module } from '@nestjs/common';
import { KeyedHasher } from './keyed-hash';
import { SessionsService } from './sessions.service';
import { UserSessionsRepository } from './user-sessions.repository';

/**
 * Sessions and keyed hashes alone, for processes without the HTTP guard (the worker's erasures end
 * sessions too). One instance per process, shared with AccessModule.
 */
@Module({
  providers: [KeyedHasher, SessionsService, UserSessionsRepository],
  exports: [KeyedHasher, SessionsService],
})
export class CredentialsModule {}
