import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SESSION_COOKIE } from '#access';
import { ApiErrorDto } from './common/api-error.dto';
import { ERROR_CODE_SCHEMAS } from './common/error-codes';

/**
 * The API's OpenAPI document: the portal's contract. Served at /docs, written to apps/api/openapi.json
 * by `npm run openapi` and checked for staleness and lint by test/openapi.e2e-spec.ts.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CallVault')
    .setDescription('Caller messages, encrypted recordings, one-time delivery and GDPR operations for answering services.')
    .setVersion('1')
    .addServer('/', 'This CallVault instance')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken from POST /auth/login' }, 'bearer')
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'A delivery: its id as the user name, its one-time password as the password' }, 'basic')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Ingest-Key', description: "The telephony system's key for one client (POST /clients/{clientId}/ingest-keys)" }, 'ingest-key')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: "The portal's httpOnly session cookie from POST /auth/session; unsafe methods also need the portal's Origin" }, 'session')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorDto] });
  // Each library's error codes, as the enums ApiErrorDto.code refers to.
  for (const [name, { description, codes }] of Object.entries(ERROR_CODE_SCHEMAS)) {
    document.components!.schemas![name] = { type: 'string', description, enum: [...codes] };
  }
  // The session cookie carries the same access token: every bearer route also takes it.
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      if (operation?.security?.some((requirement) => 'bearer' in requirement) && !operation.security.some((requirement) => 'session' in requirement)) {
        operation.security.push({ session: [] });
      }
    }
  }
  return document;
}
