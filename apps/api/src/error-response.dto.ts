import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every refusal's body: `{ statusCode, error, message, code }` (code names the domain reason). */
export class ErrorResponseDto {
  @ApiProperty({ example: 401 })
  statusCode: number;

  @ApiProperty({ example: 'Unauthorized' })
  error: string;

  @ApiProperty({ description: 'What is wrong, without personal data; a list for invalid fields', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  message: string | string[];

  @ApiPropertyOptional({ example: 'login_failed' })
  code?: string;
}
