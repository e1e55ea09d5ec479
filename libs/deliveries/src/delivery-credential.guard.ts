import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { BASIC_CHALLENGE } from './basic-credentials';
import { AdmittedDelivery, CredentialMode, DeliveryCredentials } from './delivery-credentials';
import { DeliveryCredentialError } from './errors';

interface CredentialRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string | undefined>;
  body?: unknown;
  admittedDelivery?: AdmittedDelivery;
}

/**
 * A browser cannot attach Basic credentials to a plain file download, so the portal posts a form
 * with the password instead; it is read as the same `id:password` credential, checked the same way.
 */
function formCredential(request: CredentialRequest): string | undefined {
  const password = request.method === 'POST' && request.body && typeof request.body === 'object' ? (request.body as { password?: unknown }).password : undefined;
  if (typeof password !== 'string' || !request.params.deliveryId) return undefined;
  return `Basic ${Buffer.from(`${request.params.deliveryId}:${password}`, 'utf8').toString('base64')}`;
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
    const mode: CredentialMode = request.method === 'POST' && request.path.endsWith('/receipt') ? 'receipt' : request.method === 'HEAD' || request.headers.range !== undefined ? 'probe' : 'download';
    const authorization = typeof request.headers.authorization === 'string' ? request.headers.authorization : formCredential(request);
    try {
      request.admittedDelivery = await this.credentials.check(request.params.deliveryId ?? '', authorization, mode);
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
