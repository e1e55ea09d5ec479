import { INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import helmet from 'helmet';
import { AppConfig } from '#config';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from './exception-filter';

/** The slowest upload we still accept: a recording at the size limit over a 1 MiB/s line. */
const SLOWEST_UPLOAD_BYTES_PER_SECOND = 1024 * 1024;

/** Everything HTTP-wide, shared by main.ts and the end-to-end tests so they test what runs. */
export function configureHttp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // Which hops may name the client's address (X-Forwarded-For): req.ip, and so the sign-in limit, follows it.
  (app as NestExpressApplication).set('trust proxy', app.get(AppConfig).trustProxy);
  app.use(helmet());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  // Node cuts any request after 300 s; a 2 GiB recording from a phone system takes longer than that.
  // Slow-header attacks stay bounded by headersTimeout (60 s).
  const server = app.getHttpServer() as Server;
  server.requestTimeout = Math.max(300_000, Math.ceil(app.get(AppConfig).recordingMaxBytes / SLOWEST_UPLOAD_BYTES_PER_SECOND) * 1000);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CallVault')
      .setDescription('Caller messages, encrypted recordings, one-time delivery and GDPR operations for answering services.')
      .addBearerAuth()
      .addBasicAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Ingest-Key' }, 'ingest-key')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
