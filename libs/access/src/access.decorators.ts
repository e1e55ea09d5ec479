import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '#audit';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'access:public';
export const ALLOWED_ROLES = 'access:roles';
export const INGEST_KEY_ROUTE = 'access:ingest-key';
export const ENROLMENT_ROUTE = 'access:totp-enrolment';
export const IDENTIFIES_CALLER = 'access:identifies-caller';

/** No bearer token needed (login, health, one-time downloads which check their own credential). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route. Deny by default: a route with neither @Roles nor @Public is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The telephony system may call this route with `X-Ingest-Key` instead of a bearer token. */
export const AcceptsIngestKey = () => SetMetadata(INGEST_KEY_ROUTE, true);

/**
 * A session that still has to enrol a second factor may call this route (enrolment, confirmation,
 * sign-out); every other route refuses it with code totp_enrolment_required.
 */
export const AllowsEnrolmentSession = () => SetMetadata(ENROLMENT_ROUTE, true);

/** On a @Public route: who is calling is read when a valid token comes with the request (never required). */
export const IdentifiesCaller = () => SetMetadata(IDENTIFIES_CALLER, true);

/** The signed-in principal, or undefined on a @Public route when nobody (valid) is signed in. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
