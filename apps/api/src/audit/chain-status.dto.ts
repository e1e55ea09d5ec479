import { ApiProperty } from '@nestjs/swagger';

/** The latest recorded verification of the whole audit chain (nightly, or on an admin's or the DPO's request). */
export class ChainStatusDto {
  @ApiProperty({ enum: ['intact', 'broken', 'never_verified'] })
  status: 'intact' | 'broken' | 'never_verified';

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  verifiedAt: Date | null;
}
