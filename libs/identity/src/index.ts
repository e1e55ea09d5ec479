import { LoginFailure } from './login-failure.entity';
import { Users1700000000400 } from './migrations/1700000000400-Users';
import { SessionSecurity1700000001310 } from './migrations/1700000001310-SessionSecurity';
import { PasswordResetToken } from './password-reset-token.entity';
import { RecoveryCode } from './recovery-code.entity';
import { User } from './user.entity';

export { AuthService } from './auth.service';
export type { SignedIn, SignIn } from './auth.service';
export { IdentityModule } from './identity.module';
export { PasswordResets } from './password-resets';
export { SecondFactorService } from './second-factor.service';
export { User } from './user.entity';
export { ERASED_EMAIL_PREFIX, UserErasure } from './user-erasure';
export { UserErasureModule } from './user-erasure.module';
export { UserRecords } from './user-records';
export type { UserExportRow } from './users.repository';
export { publicUser, UsersService } from './users.service';
export type { NewUser, PublicUser } from './users.service';

export const identityEntities = [User, RecoveryCode, PasswordResetToken, LoginFailure];
export const identityMigrations = [Users1700000000400, SessionSecurity1700000001310];
export { IDENTITY_ERROR_CODES } from './errors';
export type { IdentityErrorCode } from './errors';
