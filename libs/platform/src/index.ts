export { prepareDatabaseForStart, prepareDatabaseOrExit } from './database-start';
export { PlatformModule } from './platform.module';
export type { PlatformOverrides } from './platform.module';
export { schema } from './schema';
