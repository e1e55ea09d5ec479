import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES, Role } from '#audit';
import type { Principal } from './principal';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  cid: string | null;
}

/** Short-lived bearer tokens for signed-in users (lifetime and secret from configuration). */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: { id: string; role: Role; clientId: string | null }): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, cid: user.clientId };
    return this.jwt.signAsync(claims);
  }

  /** The principal a token names, or null when it is invalid or expired. */
  async read(token: string): Promise<Principal | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (!ROLES.includes(claims.role)) return null;
      return { kind: 'user', id: claims.sub, role: claims.role, clientId: claims.cid ?? null };
    } catch {
      return null;
    }
  }
}
