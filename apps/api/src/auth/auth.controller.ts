import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { AllowsEnrolmentSession, CurrentPrincipal, Public, Roles } from '#access';
import type { Principal } from '#access';
import { ROLES } from '#audit';
import { AuthService, SecondFactorService } from '#identity';
import { ApiErrors, ApiPublic } from '../common/api-docs';
import { LoginThrottlerGuard } from '../throttling';
import { ChangePasswordDto, ConfirmTotpDto, LoginDto, LoginResponseDto, RecoveryCodesDto, ResetPasswordDto, TotpEnrolmentDto } from './login.dto';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Public()
  @ApiPublic()
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ login: {} })
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; admins and the DPO with a second factor also send totp or recoveryCode' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, { status: 401, description: 'login_failed, totp_required, second_factor_invalid' }, { status: 429, description: 'Too many attempts from this address, or account_locked (Retry-After)' })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto);
  }

  @Roles(...ROLES)
  @AllowsEnrolmentSession()
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session: its token stops working at once' })
  @ApiNoContentResponse()
  @ApiErrors(401)
  logout(@CurrentPrincipal() principal: UserPrincipal): Promise<void> {
    return this.auth.logout(principal);
  }

  @Roles(...ROLES)
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password; every session of the account ends, this one included' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, { status: 403, description: 'current_password_wrong' }, { status: 429, description: 'account_locked' })
  changePassword(@CurrentPrincipal() principal: UserPrincipal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(principal, dto.currentPassword, dto.newPassword);
  }

  @Public()
  @ApiPublic()
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ login: {} })
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a new password with an administrator's one-time reset token; every session of the account ends" })
  @ApiNoContentResponse()
  @ApiErrors({ status: 400, description: 'reset_token_invalid, or an invalid field' }, 429)
  resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.auth.resetPassword(dto.token, dto.newPassword);
  }

  @Roles('admin', 'dpo')
  @AllowsEnrolmentSession()
  @ApiBearerAuth()
  @Post('totp/enrol')
  @ApiOperation({ summary: 'Start enrolling an authenticator app (TOTP): returns the secret and an otpauth URL' })
  @ApiCreatedResponse({ type: TotpEnrolmentDto })
  @ApiErrors(401, 403, { status: 409, description: 'totp_already_enrolled' })
  enrolTotp(@CurrentPrincipal() principal: UserPrincipal): Promise<TotpEnrolmentDto> {
    return this.secondFactor.enrol(principal);
  }

  @Roles('admin', 'dpo')
  @AllowsEnrolmentSession()
  @ApiBearerAuth()
  @Post('totp/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the enrolment with a first code; returns recovery codes once. Other sessions end; an enrolment-only session too' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiErrors({ status: 400, description: 'totp_invalid' }, 401, 403, { status: 409, description: 'totp_not_enrolling' })
  confirmTotp(@CurrentPrincipal() principal: UserPrincipal, @Body() dto: ConfirmTotpDto): Promise<RecoveryCodesDto> {
    return this.secondFactor.confirm(principal, dto.code);
  }
}
