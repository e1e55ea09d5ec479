import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const STATUSES = ['open', 'awaiting_receipt', 'consumed', 'expired', 'locked'];

/** Chosen items, all of one client; with none, everything of the client not yet delivered. */
export class CreateDeliveryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The client: required for an admin or the DPO; a client user's own client, may be left out" })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 5000 })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  recordingIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 5000 })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  messageIds?: string[];
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for operator users' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class DeliveryClientQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for operator users' })
  @IsOptional() @IsUUID()
  clientId?: string;
}

/** The client's proof that it holds the whole archive. */
export class DeliveryReceiptDto {
  @ApiProperty({ description: 'Hex SHA-256 of the archive bytes as downloaded (sha256sum archive.zip)', pattern: '^[0-9a-fA-F]{64}$' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be the 64 hex digits of the SHA-256 of the whole archive' })
  sha256: string;
}

export class CreatedDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The one-time password, shown this once' }) password: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ description: 'Path of the download, relative to the API' }) downloadUrl: string;
  @ApiProperty({ description: 'Path of the receipt, relative to the API' }) receiptUrl: string;
  @ApiProperty({ type: 'integer' }) recordingCount: number;
  @ApiProperty({ type: 'integer' }) messageCount: number;
  @ApiProperty({ type: 'integer', description: "Chosen items withheld at their data subject's request" }) withheldCount: number;
  @ApiProperty({ type: 'integer', description: 'Minutes to confirm receipt after the archive is sent; 0 consumes it once sent' }) receiptWindowMinutes: number;
}

/** What an admin or the DPO gets back: the delivery's state, never its password. */
export class RequestedDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ type: 'integer' }) recordingCount: number;
  @ApiProperty({ type: 'integer' }) messageCount: number;
  @ApiProperty({ type: 'integer', description: "Chosen items withheld at their data subject's request" }) withheldCount: number;
  @ApiProperty({ type: 'integer', description: 'Minutes to confirm receipt after the archive is sent; 0 consumes it once sent' }) receiptWindowMinutes: number;
  @ApiProperty({ enum: ['client_delivery_contact'], description: "Where the one-time password went: the client's delivery.ready email recipients and webhook endpoints" })
  credentialsSentTo: 'client_delivery_contact';
  @ApiProperty({ format: 'uuid', description: 'The delivery.ready notice that carries the password (GET /notifications?clientId= shows its state, never the password)' })
  notificationId: string;
}

export class DeliveryViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: 'integer' }) recordingCount: number;
  @ApiProperty({ type: 'integer' }) messageCount: number;
  @ApiProperty({ type: 'integer' }) withheldCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ type: 'integer' }) failedAttempts: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) consumedAt: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: Date | null;
  @ApiProperty({ type: 'integer' }) transfersCompleted: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Consumed then without a receipt, if none arrives first' }) receiptDueAt: Date | null;
  @ApiProperty({ enum: ['receipt', 'receipt_window', 'no_window'], nullable: true, type: String }) consumedBy: string | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Length of the archive last sent completely' }) archiveBytes: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the archive last sent completely' }) archiveSha256: string | null;
  @ApiProperty({ description: 'Path of the download, relative to the API' }) downloadUrl: string;
  @ApiProperty({ description: 'Path of the receipt, relative to the API' }) receiptUrl: string;
}

export class DeliveryReceiptResultDto {
  @ApiProperty({ enum: ['consumed'] }) status: 'consumed';
}

/** The portal's download form: the delivery's one-time password (the id is in the path). */
export class DownloadFormDto {
  @ApiProperty({ description: 'The one-time password shown when the delivery was created' })
  @IsString() @MaxLength(200)
  password: string;
}
