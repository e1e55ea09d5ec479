import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { CurrentPrincipal, IdentifiesCaller, Public, Roles, SESSION_COOKIE, sessionCookieOptions } from '#access';
import type { Principal } from '#access';
import { ROLES } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { AuthService } from '#identity';
import { LoginDto } from './login.dto';
import { SessionDto, SessionUserDto } from './session.dto';
import { ApiErrors, ApiPublic } from '../common/api-docs';
import { LoginThrottlerGuard } from '../throttling';

/**
 * The portal's browser session: the same sign-in as /auth/login, but the access token goes into an
 * httpOnly, SameSite=Strict cookie instead of the response body, so no script can read it.
 */
@ApiTags('auth')
@Controller('auth')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Public()
  @ApiPublic()
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ login: {} })
  @Post('session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to the portal: sets the httpOnly session cookie' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, { status: 401, description: 'Email or password is wrong' }, { status: 429, description: 'Too many sign-in attempts from this address' })
  async start(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const { accessToken, user } = await this.auth.login(dto);
    const ttl = this.config.accessTokenTtlSeconds;
    response.cookie(SESSION_COOKIE, accessToken, sessionCookieOptions(request.secure, ttl));
    return { user, expiresAt: new Date(this.clock.now().getTime() + ttl * 1000) };
  }

  /** Public: an expired session must still be able to clear its cookie. A live one is ended, not only forgotten. */
  @Public()
  @IdentifiesCaller()
  @ApiPublic()
  @Post('session/end')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of the portal: clears the session cookie' })
  @ApiNoContentResponse({ description: 'The cookie is cleared' })
  @ApiErrors({ status: 403, description: 'A cookie-carrying request from another origin (origin_refused)' })
  async end(@CurrentPrincipal() caller: Principal | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (caller?.kind === 'user') await this.auth.logout(caller);
    const { maxAge: _maxAge, ...attributes } = sessionCookieOptions(request.secure, 0);
    response.clearCookie(SESSION_COOKIE, attributes);
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user (bearer token or session cookie)' })
  @ApiOkResponse({ type: SessionUserDto })
  @ApiErrors({ status: 401, description: 'Not signed in, or the session lapsed' })
  me(@CurrentPrincipal() principal: Principal): SessionUserDto {
    // Ingest keys never reach a @Roles route, so this is always a user.
    const user = principal as Extract<Principal, { kind: 'user' }>;
    return { id: user.id, role: user.role, clientId: user.clientId };
  }
}
