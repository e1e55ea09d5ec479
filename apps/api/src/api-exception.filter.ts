import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, TooManyAttemptsError } from '#errors';

/**
 * The one mapping from errors to HTTP. Domain errors and Nest's HTTP errors keep their status and
 * message; anything else is a plain 500 with an error id, its cause only in the log.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // Mid-stream failure (a download): the only honest signal left is to cut the connection.
      this.logger.warn({ err: error }, 'error after response started; connection destroyed');
      response.destroy();
      return;
    }
    if (error instanceof DomainError) {
      if (error instanceof TooManyAttemptsError && error.retryAfterSeconds) response.setHeader('Retry-After', String(Math.ceil(error.retryAfterSeconds)));
      response.status(error.status).json({ statusCode: error.status, error: STATUS_CODES[error.status], message: error.message, code: error.code });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, error: STATUS_CODES[status], message: body } : { statusCode: status, error: STATUS_CODES[status], ...body });
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ err: error, errorId }, 'unhandled error');
    response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: `Internal error (error id ${errorId})`, errorId });
  }
}
