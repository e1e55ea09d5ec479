import type { StorageConfig } from '#config';
import { LocalObjectStorage } from './local-object-storage';
import type { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';

export function createObjectStorage(config: StorageConfig): ObjectStorage {
  switch (config.driver) {
    case 'local':
      return new LocalObjectStorage(config.localDir);
    case 's3':
      return new S3ObjectStorage(config);
  }
}
