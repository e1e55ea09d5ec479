import { Global, Module } from '@nestjs/common';
import { UsageLedger } from './usage-ledger';
import { UsageLedgerRepository } from './usage-ledger.repository';

/** The usage ledger, for every library that counts usage (global: it needs nothing but a transaction). */
@Global()
@Module({
  providers: [UsageLedger, UsageLedgerRepository],
  exports: [UsageLedger],
})
export class UsageModule {}
