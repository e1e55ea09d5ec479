export { InvalidObjectKeyError, ObjectNotFoundError, ObjectStorage } from './object-storage';
export type { ListedObject, PutOptions } from './object-storage';
export { LocalObjectStorage } from './local-object-storage';
export { S3ObjectStorage } from './s3-object-storage';
export type { S3StorageConfig } from './s3-object-storage';
export { createObjectStorage } from './create-object-storage';
export { StorageModule } from './storage.module';
