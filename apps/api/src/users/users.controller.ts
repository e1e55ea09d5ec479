import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AgentAssignmentsService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { PasswordResets, UsersService } from '#identity';
import { ErrorResponseDto } from '../error-response.dto';
import { AgentClientsDto, CreateUserDto, PasswordResetIssuedDto, UserDto } from './user.dto';

const admin = (principal: Principal) => ({ id: principal.id, role: 'admin' as const });

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly assignments: AgentAssignmentsService,
    private readonly resets: PasswordResets,
  ) {}

  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(dto, { id: principal.id, role: 'admin' });
  }

  @Get()
  @ApiOperation({ summary: 'Every account (the read is audited)' })
  @ApiOkResponse({ type: [UserDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<UserDto[]> {
    return this.users.list(admin(principal));
  }

  @Put(':userId/clients')
  @HttpCode(204)
  restrictAgent(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: AgentClientsDto) {
    return this.assignments.restrict(principal.id, userId, dto.clientIds);
  }

  @Post(':userId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: its sessions end at once and it cannot sign in' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'cannot_disable_self' })
  disable(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.disable(userId, admin(principal));
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (not an erased one)' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'user_erased' })
  enable(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.enable(userId, admin(principal));
  }

  @Post(':userId/password-reset')
  @ApiOperation({ summary: 'Issue a one-time, short-lived password reset token for the account (shown once)' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiCreatedResponse({ type: PasswordResetIssuedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'user_disabled' })
  issuePasswordReset(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<PasswordResetIssuedDto> {
    return this.resets.issue(userId, admin(principal));
  }

  @Post(':userId/unlock')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift a sign-in lockout after repeated failures' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  unlock(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    return this.users.unlock(userId, admin(principal));
  }

  @Delete(':userId/totp')
  @ApiOperation({ summary: 'Remove a lost second factor: the user enrols again at the next sign-in; their sessions end' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  resetSecondFactor(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.resetSecondFactor(userId, admin(principal));
  }
}
