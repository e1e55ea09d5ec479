export { AppConfig, ConfigurationError, loadConfig, loadConfigOrExit } from './app-config';
export type { NotificationConfig, StorageConfig } from './app-config';
export { ConfigModule } from './config.module';
