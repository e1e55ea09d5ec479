import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { BASIC_CHALLENGE } from './basic-credentials';
import { AdmittedDelivery, CredentialMode, DeliveryCredentials } from './delivery-credentials';
import { DeliveryCredentialError } from './errors';

interface CredentialRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string | undefined>;
  admittedDelivery?: AdmittedDelivery;
}

/**
 * Guards every route that serves a delivery by its one-time credential (the routes are @Public: no
 * bearer token): the download and the receipt. HEAD and Range requests are probes: they never consume
 * and never count, so their password is not evaluated. All checks live in DeliveryCredentials.check.
 */
@Injectable()
export class DeliveryCredentialGuard implements CanActivate {
  constructor(private readonly credentials: DeliveryCredentials) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<CredentialRequest>();
    const mode: CredentialMode = request.method === 'POST' ? 'receipt' : request.method === 'HEAD' || request.headers.range !== undefined ? 'probe' : 'download';
    const authorization = request.headers.authorization;
    try {
      request.admittedDelivery = await this.credentials.check(request.params.deliveryId ?? '', typeof authorization === 'string' ? authorization : undefined, mode);
      return true;
    } catch (error) {
      if (error instanceof DeliveryCredentialError) http.getResponse<{ setHeader(name: string, value: string): void }>().setHeader('WWW-Authenticate', BASIC_CHALLENGE);
      throw error;
    }
  }
}

/** The delivery DeliveryCredentialGuard admitted for this request. */
export const Admitted = createParamDecorator(
  (_: unknown, context: ExecutionContext): AdmittedDelivery => context.switchToHttp().getRequest<CredentialRequest>().admittedDelivery!,
);
