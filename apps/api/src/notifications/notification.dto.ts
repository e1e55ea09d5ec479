import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CLIENT_NOTICE_EVENTS } from '#clients';
import type { ClientNoticeEvent } from '#clients';

export class CreateWebhookDto {
  @ApiProperty({ description: 'https URL (plain http only for loopback addresses outside production)', example: 'https://hooks.example.com/callvault' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ description: 'Events it receives; all when absent', enum: CLIENT_NOTICE_EVENTS, isArray: true })
  @IsOptional()
  @IsIn(CLIENT_NOTICE_EVENTS, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(CLIENT_NOTICE_EVENTS.length)
  events?: ClientNoticeEvent[];
}

export class CreatedWebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The signing secret (Standard Webhooks), shown this once', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) secret: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: CLIENT_NOTICE_EVENTS, isArray: true, nullable: true, description: 'null: every event' }) events: ClientNoticeEvent[] | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: string;
  @ApiProperty({ description: 'Failed attempts since the last success' }) consecutiveFailures: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt: Date | null;
}

export class NoticeDeliveryDto {
  @ApiProperty({ enum: ['email', 'webhook'] }) channel: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clientId: string | null;
  @ApiProperty({ example: 'message.new' }) event: string;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ example: '2 new messages for Acme Plumbing (1 urgent) — sign in to read' }) summary: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids, counts and deadlines; never caller content' }) facts: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: NoticeDeliveryDto, isArray: true }) deliveries: NoticeDeliveryDto[];
}

export class NotificationQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Admins: this client's notices (without it, the operator's own)" })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
