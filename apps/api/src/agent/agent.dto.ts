import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AgentClientsQueryDto {
  /** Part of the client's name, any case. */
  @ApiPropertyOptional({ maxLength: 200, description: "Part of the client's name, any case" })
  @IsOptional() @IsString() @MaxLength(200)
  search?: string;
}

export class IntakeFieldView {
  @ApiProperty({ example: 'account_number' })
  name: string;

  @ApiPropertyOptional({ example: 'Account number' })
  label?: string;

  @ApiProperty({ enum: ['string', 'number', 'boolean', 'email', 'phone', 'date'] })
  type: 'string' | 'number' | 'boolean' | 'email' | 'phone' | 'date';

  @ApiProperty()
  required: boolean;
}

/** What an agent needs to answer one client's calls: no contact details, no contract. */
export class IntakeScriptView {
  @ApiProperty({ format: 'uuid' })
  clientId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  greeting: string | null;

  @ApiProperty({ type: [IntakeFieldView] })
  intakeFields: IntakeFieldView[];

  @ApiProperty({ description: 'The instructions version the script comes from' })
  instructionsVersion: number;
}

export class AgentLimitsView {
  @ApiProperty({ description: 'Largest recording upload accepted, in bytes' })
  recordingMaxBytes: number;

  @ApiProperty({ description: 'How long an agent may read back and correct what it logged' })
  workingWindowHours: number;
}
