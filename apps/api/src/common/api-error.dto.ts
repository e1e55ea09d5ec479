import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error body every route answers with (see exception-filter.ts). */
export class ApiErrorDto {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ description: 'The HTTP reason phrase', example: 'Not Found' })
  error: string;

  @ApiProperty({
    description: 'What is wrong, without personal data; a list when request validation failed (one line per field)',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'Client not found',
  })
  message: string | string[];

  @ApiPropertyOptional({ description: 'Stable machine-readable code of a domain error', example: 'not_found' })
  code?: string;

  @ApiPropertyOptional({ description: 'On a 500 only: the id under which the cause was logged', format: 'uuid' })
  errorId?: string;
}
