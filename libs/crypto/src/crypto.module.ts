import { Module } from '@nestjs/common';
import { KeyStore } from './key-store';
import { SecretHasher } from './secret-hasher';

/** Needs AppConfig (ConfigModule) and a TypeORM DataSource (the database module) in the container. */
@Module({
  providers: [SecretHasher, KeyStore],
  exports: [SecretHasher, KeyStore],
})
export class CryptoModule {}
