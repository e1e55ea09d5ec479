import { auditRetentionSetting } from '#audit';
import { AppConfig } from '#config';
import { prepareDatabase, UntrustedDatabaseLoginError } from '#database';
import { schema } from './schema';

/**
 * Before any process serves: the database exists and is migrated (as the owner, one process at a
 * time), the runtime login is provisioned and found unable to undo any protection, and the settings
 * only the owner may write are in place.
 */
export function prepareDatabaseForStart(config: AppConfig): Promise<string[]> {
  return prepareDatabase(config, schema, [auditRetentionSetting]);
}

/** Entry points: as prepareDatabaseForStart, but an untrusted runtime login stops the process with one line. */
export async function prepareDatabaseOrExit(config: AppConfig): Promise<void> {
  try {
    await prepareDatabaseForStart(config);
  } catch (error) {
    if (error instanceof UntrustedDatabaseLoginError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG: the operator must change the login, a restart will not help
    }
    throw error;
  }
}
