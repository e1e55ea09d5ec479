import { Module } from '@nestjs/common';
import { ClientsModule } from '#clients';
import { CryptoModule } from '#crypto';
import { AuthService } from './auth.service';
import { BootstrapAdmin } from './bootstrap-admin';
import { UsersService } from './users.service';

@Module({
  imports: [ClientsModule, CryptoModule],
  providers: [AuthService, BootstrapAdmin, UsersService],
  exports: [AuthService, UsersService],
})
export class IdentityModule {}
