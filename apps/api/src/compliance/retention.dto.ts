import { ApiProperty } from '@nestjs/swagger';
import { ApiUuid } from '../common/api-docs';

const SEQ = { type: String, pattern: '^[0-9]+$' };

export class ClientContactsErasedDto {
  @ApiUuid()
  clientId: string;

  @ApiProperty({ type: 'integer' })
  usersAnonymised: number;
}

export class CallerDataErasedDto {
  @ApiUuid()
  clientId: string;

  @ApiProperty({ type: 'integer' })
  messages: number;

  @ApiProperty({ type: 'integer' })
  calls: number;

  @ApiProperty({ type: 'integer', description: 'Calls kept until their recording is deleted' })
  callsWaitingForRecordings: number;
}

export class ActiveClientErasedDto {
  @ApiUuid()
  clientId: string;

  @ApiProperty({ type: 'integer' })
  messages: number;

  @ApiProperty({ type: 'integer', description: 'Calls kept for invoicing, their caller number removed' })
  callsAnonymised: number;
}

export class AuditSpanDto {
  @ApiProperty(SEQ)
  firstSeq: string;

  @ApiProperty(SEQ)
  lastSeq: string;

  @ApiProperty({ type: 'integer' })
  events: number;
}

export class AuditRetentionDto {
  @ApiProperty({ type: AuditSpanDto, nullable: true, description: 'Audit events sealed into a segment this run' })
  sealed: AuditSpanDto | null;

  @ApiProperty({ type: [AuditSpanDto], description: 'Segments pruned past AUDIT_RETENTION_MONTHS' })
  pruned: AuditSpanDto[];
}

export class RetentionReportDto {
  @ApiProperty({ format: 'date-time' })
  ranAt: string;

  @ApiProperty({ type: [ClientContactsErasedDto], description: "Clients whose business contacts were erased, 7 years after the contract's end" })
  clientContacts: ClientContactsErasedDto[];

  @ApiProperty({ type: [CallerDataErasedDto], description: "Caller data of terminated clients past their instructions' period" })
  callerData: CallerDataErasedDto[];

  @ApiProperty({ type: [ActiveClientErasedDto], description: "Caller data of active clients past their instructions' period: messages erased, calls anonymised" })
  activeClients: ActiveClientErasedDto[];

  @ApiProperty({ type: AuditRetentionDto })
  audit: AuditRetentionDto;
}
