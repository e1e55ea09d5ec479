import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '#audit';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'access:public';
export const ALLOWED_ROLES = 'access:roles';
export const INGEST_KEY_ROUTE = 'access:ingest-key';

/** No bearer token needed (login, health, one-time downloads which check their own credential). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route. Deny by default: a route with neither @Roles nor @Public is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The telephony system may call this route with `X-Ingest-Key` instead of a bearer token. */
export const AcceptsIngestKey = () => SetMetadata(INGEST_KEY_ROUTE, true);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
