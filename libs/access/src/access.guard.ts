import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService, Role } from '#audit';
import { NotFoundError } from '#errors';
import { ALLOWED_ROLES, ENROLMENT_ROUTE, IDENTIFIES_CALLER, INGEST_KEY_ROUTE, PUBLIC_ROUTE } from './access.decorators';
import { AccessTokenService } from './access-token.service';
import { BrowserSessions } from './browser-session';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { IngestKeysService } from './ingest-keys.service';
import { actorOf, Principal } from './principal';

/**
 * The one place that decides who may call a route: authenticates the bearer token (or the portal's
 * session cookie carrying one) or ingest key, then checks the route's roles. Deny by default: a route with no @Roles and no @Public is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly ingestKeys: IngestKeysService,
    private readonly audit: AuditService,
    private readonly sessions: BrowserSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      if (this.reflector.getAllAndOverride<boolean>(IDENTIFIES_CALLER, targets)) {
        const caller = await this.authenticate(request, false);
        if (caller?.kind === 'user' && caller.scope !== 'totp_enrolment') request.principal = caller;
      }
      return true;
    }
    const principal = await this.authenticate(request, this.reflector.getAllAndOverride<boolean>(INGEST_KEY_ROUTE, targets));
    if (!principal) throw new UnauthenticatedError();
    request.principal = principal;
    if (principal.kind === 'user' && principal.scope === 'totp_enrolment' && !this.reflector.getAllAndOverride<boolean>(ENROLMENT_ROUTE, targets)) {
      throw new ForbiddenError(
        'This account must enrol a second factor first: POST /auth/totp/enrol, then POST /auth/totp/confirm, then sign in again with a code',
        'totp_enrolment_required',
      );
    }
    // Tenant: a route naming a client in its path is closed to other clients' users and keys,
    // and looks exactly like a missing client to them.
    const pathClientId: string | undefined = request.params?.clientId;
    if (pathClientId && principal.clientId && principal.clientId !== pathClientId) throw new NotFoundError('Client');
    if (principal.kind === 'ingest_key') return true; // ingest keys reach only @AcceptsIngestKey routes
    const roles = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [];
    if (roles.includes(principal.role)) return true;
    await this.audit.append({
      actor: actorOf(principal),
      clientId: principal.clientId,
      dataRole: 'controller',
      purpose: 'security',
      action: 'access.denied',
      outcome: 'denied',
      details: { route: `${request.method} ${request.route?.path ?? ''}`, reason: 'role' },
    });
    throw new ForbiddenError(`Role ${principal.role} may not do this`);
  }

  private async authenticate(
    request: { method: string; headers: Record<string, string | undefined>; cookies?: Record<string, string | undefined> },
    ingestKeyRoute: boolean,
  ): Promise<Principal | null> {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) return this.tokens.read(authorization.slice(7).trim());
    // The portal's httpOnly cookie carries the same token (the Origin of unsafe requests is checked).
    const sessionToken = this.sessions.token(request);
    if (sessionToken) return this.tokens.read(sessionToken);
    const ingestKey = request.headers['x-ingest-key'];
    if (ingestKeyRoute && ingestKey) {
      const key = await this.ingestKeys.verify(ingestKey);
      return key ? { kind: 'ingest_key', id: key.id, clientId: key.clientId } : null;
    }
    return null;
  }
}
