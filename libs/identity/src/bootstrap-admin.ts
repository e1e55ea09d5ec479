import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Creates the first admin from BOOTSTRAP_ADMIN_* when no admin exists; never a second time. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly accounts: UsersRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const bootstrap = this.config.bootstrapAdmin;
    if (!bootstrap) return;
    await this.dataSource.transaction(async (tx) => {
      // Several API processes may start together: one creates, the others see it.
      await this.accounts.lockBootstrap(tx);
      if (await this.accounts.adminExists(tx)) return;
      const admin = await this.users.create({ email: bootstrap.email, password: bootstrap.password, role: 'admin' }, { id: null, role: 'system' }, tx);
      this.logger.log(`Bootstrap admin created (user ${admin.id})`);
    });
  }
}
