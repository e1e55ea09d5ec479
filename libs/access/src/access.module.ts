import { Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ClientsModule } from '#clients';
import { AppConfig } from '#config';
import { CryptoModule } from '#crypto';
import { AccessGuard } from './access.guard';
import { AccessPolicy } from './access-policy';
import { AgentAssignmentsRepository } from './agent-assignments.repository';
import { AgentAssignmentsService } from './agent-assignments.service';
import { AgentDirectoryService } from './agent-directory.service';
import { BreakGlassGrantsRepository } from './break-glass-grants.repository';
import { BreakGlassService } from './break-glass.service';
import { AccessTokenService } from './access-token.service';
import { AuditTrailService } from './audit-trail.service';
import { BrowserSessions } from './browser-session';
import { IngestKeysRepository } from './ingest-keys.repository';
import { IngestKeysService } from './ingest-keys.service';
import { CredentialsModule } from './credentials.module';

/** Credentials (sessions and their tokens, ingest keys), the guard on every route, and the one policy for personal data. */
@Global()
@Module({
  imports: [
    ClientsModule,
    CredentialsModule,
    CryptoModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
        // as a public key on every verify, which measured as 16 % of the API's CPU under load.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
        signOptions: { expiresIn: config.accessTokenTtlSeconds, algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    AccessPolicy,
    AccessTokenService,
    BrowserSessions,
    AgentAssignmentsRepository,
    AgentAssignmentsService,
    AgentDirectoryService,
    AuditTrailService,
    BreakGlassGrantsRepository,
    BreakGlassService,
    IngestKeysRepository,
    IngestKeysService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccessPolicy, AccessTokenService, AgentAssignmentsService, AgentDirectoryService, AuditTrailService, BreakGlassService, CredentialsModule, IngestKeysService],
})
export class AccessModule {}
