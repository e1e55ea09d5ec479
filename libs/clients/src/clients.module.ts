import { Module } from '@nestjs/common';
import { ClientContacts } from './client-contacts';
import { ClientsService } from './clients.service';

@Module({
  providers: [ClientsService, ClientContacts],
  exports: [ClientsService, ClientContacts],
})
export class ClientsModule {}
