import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODE_SCHEMAS } from './error-codes';

/** The one error body every route answers with (see api-exception.filter.ts). */
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

  @ApiPropertyOptional({
    description: 'Stable machine-readable code of a domain error: one of the generic codes or of the codes of the library that refused',
    anyOf: Object.keys(ERROR_CODE_SCHEMAS).map((name) => ({ $ref: `#/components/schemas/${name}` })),
    example: 'not_found',
  })
  code?: string;

  @ApiPropertyOptional({ description: 'On a 500 only: the id under which the cause was logged', format: 'uuid' })
  errorId?: string;
}
