import { Module } from '@nestjs/common';
import { ClientContacts } from './client-contacts.repository';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';
import { ProcessingInstructionsRepository } from './processing-instructions.repository';

@Module({
  providers: [ClientsService, ClientContacts, ClientsRepository, ProcessingInstructionsRepository],
  exports: [ClientsService, ClientContacts],
})
export class ClientsModule {}
