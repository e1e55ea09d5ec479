import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATA_ROLES, PURPOSES, ROLES } from '#audit';
import type { ActorRole, DataRole, Outcome, Purpose } from '#audit';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

const ACTOR_ROLES = [...ROLES, 'ingest_key', 'delivery_credential', 'system', 'anonymous'];
const SEQ = { type: String, pattern: '^[0-9]+$' };

/** One chained event of the accountability record: ids and codes only, never personal content. */
export class AuditEventDto {
  @ApiProperty({ ...SEQ, description: 'Insertion order (a 64-bit integer, as a string)' })
  id: string;

  @ApiProperty({ ...SEQ, description: 'Position in the chain (a 64-bit integer, as a string)' })
  seq: string;

  @ApiDateTime()
  occurredAt: Date;

  @ApiUuid({ nullable: true })
  actorId: string | null;

  @ApiProperty({ enum: ACTOR_ROLES })
  actorRole: ActorRole;

  @ApiUuid({ nullable: true })
  clientId: string | null;

  @ApiProperty({ enum: DATA_ROLES })
  dataRole: DataRole;

  @ApiProperty({ enum: PURPOSES })
  purpose: Purpose;

  @ApiProperty({ example: 'message.read' })
  action: string;

  @ApiProperty({ type: String, nullable: true, example: 'message' })
  subjectType: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectId: string | null;

  @ApiProperty({ enum: ['success', 'denied', 'failure'] })
  outcome: Outcome;

  @ApiProperty({
    type: 'object',
    description: 'Ids, counts and codes (e.g. instructionsVersion, reason, a break-glass grant)',
    additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] },
  })
  details: Record<string, string | number | boolean | null>;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the previous event' })
  prevHash: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of this event' })
  hash: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The exact text that was hashed' })
  canonical: string | null;
}

export class ChainLinkDto {
  @ApiProperty(SEQ)
  seq: string;

  @ApiProperty({ description: 'SHA-256, hex' })
  hash: string;
}

export class ChainBreakDto {
  @ApiProperty(SEQ)
  seq: string;

  @ApiProperty({ example: 'hash does not match' })
  reason: string;
}

export class ChainVerificationDto {
  @ApiProperty()
  ok: boolean;

  @ApiProperty({ type: 'integer', description: 'Events verified' })
  events: number;

  @ApiProperty({ type: ChainLinkDto, nullable: true, description: 'The last verified event: record it elsewhere to detect a rewritten tail' })
  head: ChainLinkDto | null;

  @ApiPropertyOptional({ type: ChainBreakDto, description: 'When ok is false: the first event that does not belong' })
  broken?: ChainBreakDto;

  @ApiPropertyOptional({ type: ChainLinkDto, description: 'Once retention pruned old segments: where the remaining chain is anchored' })
  prunedThrough?: ChainLinkDto;
}
