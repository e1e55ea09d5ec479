import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '#config';
import { loggableError } from './loggable-error';

/**
 * Structured JSON logs. Request lines carry method, path and status only: headers hold credentials,
 * and query strings and bodies can hold personal data, so none of them reach a log line; errors are
 * logged without the values drivers attach to them (loggableError).
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.logLevel,
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
        // The status is what an operator needs; the headers repeat on every line (and a download's name).
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: loggableError,
      },
    },
  }),
});
