import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '#audit';
import type { Role } from '#audit';

/** The signed-in user as the portal knows it: ids and role, nothing personal. */
export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set for client users: the client business they act for' })
  clientId: string | null;
}

export class SessionDto {
  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;

  @ApiProperty({ format: 'date-time', description: 'When the session cookie lapses; sign in again after it' })
  expiresAt: Date;
}
