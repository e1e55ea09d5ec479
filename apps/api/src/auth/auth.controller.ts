import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '#access';
import { AuthService } from '#identity';
import { ApiErrors, ApiPublic } from '../common/api-docs';
import { LoginDto, LoginResponseDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; answers a bearer token' })
  @ApiPublic()
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, { status: 401, description: 'Email or password is wrong (code login_failed)' }, 429)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.email, dto.password);
  }
}
