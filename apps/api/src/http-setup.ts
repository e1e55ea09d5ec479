import { INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppConfig } from '#config';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from './api-exception.filter';
import { createOpenApiDocument } from './openapi';
import { portalMiddleware } from './portal/portal-static';

/**
 * Scripts from this origin only (no inline script anywhere); Mantine sets CSS variables and style
 * props inline, so styles allow 'unsafe-inline'. No framing, forms post only here.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    // 'self': the portal reads a failed download's answer from its own hidden frame.
    frameAncestors: ["'self'"],
  },
};

/** The slowest upload we still accept: a recording at the size limit over a 1 MiB/s line. */
const SLOWEST_UPLOAD_BYTES_PER_SECOND = 1024 * 1024;

/** Everything HTTP-wide, shared by main.ts and the end-to-end tests so they test what runs. */
export function configureHttp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  // Which hops may name the client's address (X-Forwarded-For): req.ip, the sign-in limit and the session
  // cookie's Secure flag (req.secure behind a TLS proxy) follow it.
  (app as NestExpressApplication).set('trust proxy', config.trustProxy);
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  app.use(cookieParser());
  app.use(portalMiddleware(config.portalDir));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  // Node cuts any request after 300 s; a 2 GiB recording from a phone system takes longer than that.
  // Slow-header attacks stay bounded by headersTimeout (60 s).
  const server = app.getHttpServer() as Server;
  server.requestTimeout = Math.max(300_000, Math.ceil(config.recordingMaxBytes / SLOWEST_UPLOAD_BYTES_PER_SECOND) * 1000);
  SwaggerModule.setup('docs', app, createOpenApiDocument(app));
  return app;
}
