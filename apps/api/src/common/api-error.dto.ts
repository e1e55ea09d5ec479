import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every error answer (the exception filter writes it). */
export class ApiErrorDto {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found' })
  error: string;

  @ApiProperty({ description: 'What is wrong; for validation, one or more messages', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  message: string | string[];

  @ApiPropertyOptional({ example: 'not_found', description: 'A stable code for machines (domain errors)' })
  code?: string;
}
