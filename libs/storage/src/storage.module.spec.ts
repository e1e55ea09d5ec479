import { Test } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigModule, StorageConfig } from '#config';
import { LocalObjectStorage, ObjectStorage, S3ObjectStorage, StorageModule } from './index';

async function boot(storage: StorageConfig) {
  const config = Object.assign(new AppConfig(), { storage });
  const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), StorageModule] }).compile();
  return moduleRef;
}

describe('StorageModule', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'callvault-storage-module-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('provides the local driver on the configured directory', async () => {
    const moduleRef = await boot({ driver: 'local', localDir: join(dir, 'objects') });
    const storage = moduleRef.get(ObjectStorage);
    expect(storage).toBeInstanceOf(LocalObjectStorage);
    expect((storage as LocalObjectStorage).root).toBe(join(dir, 'objects'));
    await moduleRef.close();
  });

  it('provides the S3 driver when configured, and closes it on shutdown', async () => {
    const moduleRef = await boot({
      driver: 's3',
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      bucket: 'b',
      accessKeyId: 'k',
      secretAccessKey: 's',
    });
    const storage = moduleRef.get(ObjectStorage);
    expect(storage).toBeInstanceOf(S3ObjectStorage);
    const close = jest.spyOn(storage, 'close');
    await moduleRef.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
