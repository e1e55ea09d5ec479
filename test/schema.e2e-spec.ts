import { DataSource } from 'typeorm';
import { dataSourceOptions, schemaDrift } from '#database';
import { schema } from '#platform';
import { createTestEnvironment, TestEnvironment } from './support/test-environment';

describe('schema', () => {
  let env: TestEnvironment;
  let owner: DataSource;

  beforeAll(async () => {
    env = await createTestEnvironment();
    owner = await new DataSource(dataSourceOptions(env.config.databaseUrl, schema, { as: 'owner', poolSize: 1 })).initialize();
  });

  afterAll(async () => {
    await owner?.destroy();
    await env?.destroy();
  });

  it('entities and migrations agree (no drift after migrating)', async () => {
    expect(await schemaDrift(owner)).toEqual([]);
  });

  it('has nothing left to migrate', async () => {
    expect(await owner.showMigrations()).toBe(false);
  });
});
