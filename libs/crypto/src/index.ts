import { ClientKey } from './entities/client-key.entity';
import { DataKey } from './entities/data-key.entity';
import { CryptoKeys1700000000100 } from './migrations/1700000000100-CryptoKeys';

export {
  createDecryptStream,
  createEncryptStream,
  encryptedLength,
  MAX_HEADER_BYTES,
  MAX_KEY_ID_BYTES,
  plaintextLength,
  readHeader,
  RECORD_SIZE,
  RecordIntegrityError,
} from './record-cipher';
export type { RecordHeader } from './record-cipher';
export { deriveKey, generateDataKey, KeyUnwrapError, unwrapKey, wrapKey } from './key-wrapping';
export {
  generateOneTimePassword,
  hmacKeyed,
  normalizeOneTimePassword,
  SecretHasher,
} from './secret-hasher';
export { KeyValidationError, MIN_RSA_BITS, parseClientPublicKey } from './client-public-key';
export type { ClientPublicKey } from './client-public-key';
export { DataKeyNotFoundError, KeyStore } from './key-store';
export { CryptoModule } from './crypto.module';
export { ClientKey, DataKey, CryptoKeys1700000000100 };
export type { ClientKeyStatus } from './entities/client-key.entity';

export const cryptoEntities = [ClientKey, DataKey];
export const cryptoMigrations = [CryptoKeys1700000000100];
