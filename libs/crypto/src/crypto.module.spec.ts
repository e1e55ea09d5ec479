import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig } from '#config';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CryptoModule } from './crypto.module';
import { KeyStore } from './key-store';
import { SecretHasher } from './secret-hasher';
import { cryptoEntities, cryptoMigrations } from './index';

/** Stands in for ConfigModule and the database module: the two things CryptoModule needs. */
@Global()
@Module({
  providers: [
    { provide: AppConfig, useValue: Object.assign(new AppConfig(), { masterKey: randomBytes(32) }) },
    { provide: DataSource, useValue: new DataSource({ type: 'postgres', entities: cryptoEntities }) }, // never connected
  ],
  exports: [AppConfig, DataSource],
})
class FakeInfrastructure {}

describe('CryptoModule', () => {
  it('wires SecretHasher and KeyStore from AppConfig and the DataSource', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FakeInfrastructure, CryptoModule] }).compile();
    expect(moduleRef.get(SecretHasher)).toBeInstanceOf(SecretHasher);
    expect(moduleRef.get(KeyStore)).toBeInstanceOf(KeyStore);
    await moduleRef.close();
  });

  it('exports its entities and its one migration', () => {
    expect(cryptoEntities.map((e) => e.name)).toEqual(['ClientKey', 'DataKey']);
    expect(cryptoMigrations.map((m) => m.name)).toEqual(['CryptoKeys1700000000100']);
  });
});
