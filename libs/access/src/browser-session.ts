import { Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import { ForbiddenError } from './errors';

/** The portal's session cookie: carries the access token, never readable by JavaScript. */
export const SESSION_COOKIE = 'callvault_session';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface SessionRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

/** Cookie attributes: httpOnly, SameSite=Strict, Secure whenever the request came over TLS. */
export const sessionCookieOptions = (secure: boolean, maxAgeSeconds: number) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure,
  path: '/',
  maxAge: maxAgeSeconds * 1000,
});

/**
 * Reads the session cookie for the access guard. A cookie is sent by the browser on its own, so an
 * unsafe request authenticated by it must also show it came from the portal: its Origin must be the
 * API's own host or one of PORTAL_ORIGINS (SameSite=Strict is the first line; this is the second).
 */
@Injectable()
export class BrowserSessions {
  constructor(private readonly config: AppConfig) {}

  /** The token the cookie carries, or null when there is none. Throws 403 on a cross-origin unsafe request. */
  token(request: SessionRequest): string | null {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return null;
    if (UNSAFE_METHODS.has(request.method.toUpperCase()) && !this.allowedOrigin(request)) {
      throw new ForbiddenError('A cookie-authenticated change must come from the portal (Origin header)', 'origin_refused');
    }
    return token;
  }

  private allowedOrigin(request: SessionRequest): boolean {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || origin === 'null') return false;
    if (this.config.portalOrigins.includes(origin.replace(/\/+$/, ''))) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
}
