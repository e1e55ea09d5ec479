import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '#config';
import { createObjectStorage } from './create-object-storage';
import { ObjectStorage } from './object-storage';

/** Provides the ObjectStorage driver chosen by config (STORAGE_DRIVER) to the whole app. */
@Global()
@Module({
  providers: [{ provide: ObjectStorage, inject: [AppConfig], useFactory: (config: AppConfig) => createObjectStorage(config.storage) }],
  exports: [ObjectStorage],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(private readonly storage: ObjectStorage) {}

  // The last shutdown phase, so other modules' onModuleDestroy can still read and write objects.
  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
