import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

/** What any reader sees of a recording: metadata only, never audio, storage key or key ids. */
export class RecordingDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  callId: string;

  @ApiUuid()
  clientId: string;

  @ApiProperty({ enum: ['receiving', 'stored', 'delivered', 'deleted'] })
  status: 'receiving' | 'stored' | 'delivered' | 'deleted';

  @ApiProperty({ example: 'audio/wav' })
  contentType: string;

  @ApiProperty({ type: 'integer', format: 'int64', nullable: true, description: 'Bytes of audio; null while receiving' })
  size: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the audio, hex; null while receiving' })
  sha256: string | null;

  @ApiDateTime()
  createdAt: Date;

  @ApiDateTime({ nullable: true })
  storedAt: Date | null;

  @ApiDateTime({ nullable: true, description: 'Deleted at this time if never delivered' })
  retainUntil: Date | null;

  @ApiDateTime({ nullable: true })
  deliveredAt: Date | null;

  @ApiDateTime({ nullable: true })
  deletedAt: Date | null;
}
