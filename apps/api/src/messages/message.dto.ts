import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from './list-query.dto';

const asBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

/** The list's page (clientId, limit, before) plus the inbox's filters. */
export class MessageListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only urgent messages' })
  @IsOptional() @Transform(asBoolean) @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ description: 'Only messages no one of the client has read yet' })
  @IsOptional() @Transform(asBoolean) @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ description: "Part of the caller's name, or 3 or more digits of the caller's number", maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  search?: string;
}

/** A caller's message as its client (or the agent who logged it) reads it. */
export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'uuid' }) agentId: string;
  @ApiProperty() callerName: string;
  @ApiProperty() callerPhone: string;
  @ApiProperty({ type: String, nullable: true }) callerEmail: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['normal', 'urgent'] }) urgency: 'normal' | 'urgent';
  @ApiProperty() callbackRequested: boolean;
  @ApiProperty({ description: "Answers to the client's own intake fields", type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } })
  customFields: Record<string, string | number | boolean>;
  @ApiProperty() instructionsVersion: number;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) deliveryId: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) deliveredAt: Date | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) readAt: Date | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) readBy: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) actionedAt: Date | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) actionedBy: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'Last corrected by its agent within the correction window' }) correctedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class MessageStateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) readAt: Date | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) actionedAt: Date | null;
}

export class InboxCountsDto {
  @ApiProperty({ description: 'Messages no one of the client has read' }) unread: number;
  @ApiProperty({ description: 'Of those, the urgent ones' }) urgentUnread: number;
}
