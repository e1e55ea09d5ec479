import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AccessModule } from '#access';
import { CallsModule } from '#calls';
import { ClientsModule } from '#clients';
import { ComplianceModule } from '#compliance';
import { AppConfig } from '#config';
import { DeliveriesModule } from '#deliveries';
import { IdentityModule } from '#identity';
import { NotificationsModule } from '#notifications';
import { PlatformModule } from '#platform';
import type { PlatformOverrides } from '#platform';
import { AgentController } from './agent/agent.controller';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { SessionController } from './auth/session.controller';
import { CallsController } from './calls/calls.controller';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { ClientContactController } from './clients/client-contact.controller';
import { ClientsController } from './clients/clients.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { complianceControllers } from './compliance';
import { InstructionsController } from './clients/instructions.controller';
import { HealthController } from './health/health.controller';
import { MessageCorrectionsController } from './messages/message-corrections.controller';
import { MessagesController } from './messages/messages.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { WebhooksController } from './notifications/webhooks.controller';
import { ClientPublicKeyController } from './recordings/client-public-key.controller';
import { RecordingsController } from './recordings/recordings.controller';
import { throttling } from './throttling';
import { AgentClientsController } from './users/agent-clients.controller';
import { UsersController } from './users/users.controller';

/** What the agent, admin and DPO consoles need beyond the core routes. */
const consoleControllers = [AgentController, AgentClientsController, ClientContactController, MessageCorrectionsController];

/** The HTTP service: wires the domain libraries to their controllers, nothing more. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, overrides: PlatformOverrides = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, overrides),
        AccessModule,
        ClientsModule,
        IdentityModule,
        CallsModule,
        DeliveriesModule,
        ComplianceModule,
        NotificationsModule,
        TerminusModule,
        throttling(config),
      ],
      controllers: [AuditController, AuthController, SessionController, BreakGlassController, ClientsController, HealthController, InstructionsController, UsersController, CallsController, MessagesController, RecordingsController, ClientPublicKeyController, DeliveriesController, ...complianceControllers, ...consoleControllers, NotificationsController, WebhooksController],
    };
  }
}
