import { Module } from '@nestjs/common';
import { ClientsModule } from '#clients';
import { CryptoModule } from '#crypto';
import { AuthService } from './auth.service';
import { BootstrapAdmin } from './bootstrap-admin';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { PasswordResets } from './password-resets';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { SecondFactorService } from './second-factor.service';
import { UserErasureModule } from './user-erasure.module';
import { UsersService } from './users.service';

/** Users, sign-in (password, second factor, lockout), password changes and resets. */
@Module({
  imports: [ClientsModule, CryptoModule, UserErasureModule],
  providers: [AuthService, BootstrapAdmin, PasswordResets, PasswordResetTokensRepository, RecoveryCodesRepository, SecondFactorService, UsersService],
  exports: [AuthService, PasswordResets, SecondFactorService, UserErasureModule, UsersService],
})
export class IdentityModule {}
