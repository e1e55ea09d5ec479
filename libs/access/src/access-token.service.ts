import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ROLES, Role } from '#audit';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import type { SessionScope } from './user-session.entity';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  cid: string | null;
  /** The session this token belongs to; it stops working when the session ends. */
  sid: string;
  scp: SessionScope;
  exp?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tokens whose signature this process checked, kept until they expire (bounded: the oldest go first). */
const VERIFIED_TOKENS = 10_000;

/**
 * Short-lived signed access tokens (lifetime and secret from configuration), each bound to a session
 * row. Reading a token checks the signature, the expiry and that its session is still open: this is
 * where revocation applies, whichever way the token arrived.
 */
@Injectable()
export class AccessTokenService {
  /**
   * Claims by the exact token text: a token's signature is checked once per process, not on every
   * request (HMAC and JSON parsing were a measured share of the message path). Its expiry and its
   * session are still checked on every request.
   */
  private readonly verified = new Map<string, AccessTokenClaims & { exp: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {}

  /** Opens a session and returns its token. Pass the sign-in's transaction to open it with the rest. */
  async issue(user: { id: string; role: Role; clientId: string | null }, scope: SessionScope = 'full', manager?: EntityManager): Promise<{ token: string; sessionId: string }> {
    const sessionId = randomUUID();
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, cid: user.clientId, sid: sessionId, scp: scope };
    const token = await this.jwt.signAsync(claims);
    const { exp } = this.jwt.decode<AccessTokenClaims>(token);
    await this.sessions.open(user.id, scope, sessionId, new Date((exp ?? 0) * 1000), manager);
    return { token, sessionId };
  }

  /** The principal a token names, or null when it is invalid, expired, or its session has ended. */
  async read(token: string): Promise<Principal | null> {
    const claims = await this.claimsOf(token);
    if (!claims) return null;
    if (!ROLES.includes(claims.role) || typeof claims.sid !== 'string' || !UUID.test(claims.sid) || !UUID.test(claims.sub)) return null;
    if (!(await this.sessions.isLive(claims.sid, claims.sub))) return null;
    const scope: SessionScope = claims.scp === 'totp_enrolment' ? 'totp_enrolment' : 'full';
    return { kind: 'user', id: claims.sub, role: claims.role, clientId: claims.cid ?? null, sessionId: claims.sid, scope };
  }

  /** The token's claims when its signature holds and it has not expired (as jsonwebtoken decides expiry), else null. */
  private async claimsOf(token: string): Promise<AccessTokenClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Math.floor(Date.now() / 1000) < known.exp) return known;
      this.verified.delete(token);
      return null;
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { ...claims, exp: claims.exp });
    }
    return claims;
  }
}
