import { Global, Module } from '@nestjs/common';
import { UsageLedger } from './usage-ledger';

/** The usage ledger, for every library that counts usage (global: it needs nothing but a transaction). */
@Global()
@Module({
  providers: [UsageLedger],
  exports: [UsageLedger],
})
export class UsageModule {}
