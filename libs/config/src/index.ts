export { AppConfig, appRoleName, ConfigurationError, databaseName, loadConfig, loadConfigOrExit } from './app-config';
export type { NotificationConfig, StorageConfig } from './app-config';
export { ConfigModule } from './config.module';
export { parseTrustProxy } from './trust-proxy';
export type { TrustProxy } from './trust-proxy';
