import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { PasswordResets, UsersService } from '#identity';
import { ApiErrors } from '../common/api-docs';
import { AgentClientsDto, CreateUserDto, PasswordResetIssuedDto, UserDto } from './user.dto';

const admin = (principal: Principal) => ({ id: principal.id, role: 'admin' as const });

@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly resets: PasswordResets,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an operator or client user' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 401, 403, { status: 404, description: 'No such client' }, { status: 409, description: 'A user with this email already exists (email_taken)' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(dto, { id: principal.id, role: 'admin' });
  }

  @Get()
  @ApiOperation({ summary: 'Every account, oldest first (the read is audited)' })
  @ApiOkResponse({ type: [UserDto] })
  @ApiErrors(401, 403)
  list(@CurrentPrincipal() principal: Principal): Promise<UserDto[]> {
    return this.users.list(admin(principal));
  }

  @Put(':userId/clients')
  @HttpCode(204)
  @ApiOperation({ summary: 'Restrict an agent to a list of clients (empty: every active client)' })
  @ApiNoContentResponse({ description: 'Restricted' })
  @ApiErrors(400, 401, 403, 404)
  restrictAgent(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: AgentClientsDto) {
    return this.users.restrictAgent(userId, dto.clientIds, admin(principal));
  }

  @Post(':userId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: its sessions end at once and it cannot sign in' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404, { status: 409, description: 'cannot_disable_self' })
  disable(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.disable(userId, admin(principal));
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (not an erased one)' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404, { status: 409, description: 'user_erased' })
  enable(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.enable(userId, admin(principal));
  }

  @Post(':userId/password-reset')
  @ApiOperation({ summary: 'Issue a one-time, short-lived password reset token for the account (shown once)' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiCreatedResponse({ type: PasswordResetIssuedDto })
  @ApiErrors(404, { status: 409, description: 'user_disabled' })
  issuePasswordReset(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<PasswordResetIssuedDto> {
    return this.resets.issue(userId, admin(principal));
  }

  @Post(':userId/unlock')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift a sign-in lockout after repeated failures' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  unlock(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    return this.users.unlock(userId, admin(principal));
  }

  @Delete(':userId/totp')
  @ApiOperation({ summary: 'Remove a lost second factor: the user enrols again at the next sign-in; their sessions end' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404)
  resetSecondFactor(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.resetSecondFactor(userId, admin(principal));
  }
}
