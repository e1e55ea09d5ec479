import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ApiErrorDto } from './api-error.dto';

/**
 * Small helpers so every route documents itself the same way: errors with the shared body, public
 * routes with an explicit "no credential", timestamps as ISO 8601 strings.
 */

const REASONS: Record<number, string> = {
  400: 'The request is invalid: the message names what is wrong',
  401: 'No valid credential',
  403: 'The role may not do this',
  404: 'Not found, or not visible to this principal',
  409: 'Conflicts with the current state: the code says which',
  410: 'Gone',
  413: 'Too large',
  415: 'Unsupported media type',
  416: 'Range requests are not served',
  423: 'Locked',
  429: 'Too many requests: try again later',
  503: 'A dependency is unavailable',
};

export type ErrorSpec = number | { status: number; description: string };

/** Every 429 says when to try again (RFC 9110 Retry-After, in seconds). */
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', required: true, schema: { type: 'integer' as const, minimum: 0 } } };

/** Declares error responses with the shared error body; a number takes the usual reason. */
export function ApiErrors(...errors: ErrorSpec[]) {
  return applyDecorators(
    ...errors.map((error) => {
      const { status, description } = typeof error === 'number' ? { status: error, description: REASONS[error] ?? 'Error' } : error;
      return ApiResponse({ status, description, type: ApiErrorDto, ...(status === 429 ? { headers: RETRY_AFTER } : {}) });
    }),
  );
}

/** The route takes no credential (an empty security requirement). */
export const ApiPublic = () => ApiSecurity({});

type Extra = Omit<ApiPropertyOptions, 'type' | 'format'> & { optional?: boolean };

const property = (options: ApiPropertyOptions, { optional, ...rest }: Extra) => ApiProperty({ ...options, ...rest, required: !optional } as ApiPropertyOptions);

/** An instant, serialised as an ISO 8601 string. */
export const ApiDateTime = (extra: Extra = {}) => property({ type: String, format: 'date-time' }, extra);

export const ApiUuid = (extra: Extra = {}) => property({ type: String, format: 'uuid' }, extra);
