import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiErrorDto } from './common/api-error.dto';

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
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorDto] });
}
