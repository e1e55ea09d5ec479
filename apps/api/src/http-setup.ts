import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from './exception-filter';

/** Everything HTTP-wide, shared by main.ts and the end-to-end tests so they test what runs. */
export function configureHttp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
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
