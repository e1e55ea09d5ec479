import { Module } from '@nestjs/common';
import { ClientKeysRepository } from './client-keys.repository';
import { DataKeysRepository } from './data-keys.repository';
import { KeyStore } from './key-store';
import { SecretHasher } from './secret-hasher';

/** Needs AppConfig (ConfigModule) and a TypeORM DataSource (the database module) in the container. */
@Module({
  providers: [SecretHasher, KeyStore, ClientKeysRepository, DataKeysRepository],
  exports: [SecretHasher, KeyStore],
})
export class CryptoModule {}
