import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentAssignmentsService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { UsersService } from '#identity';
import { ApiErrors } from '../common/api-docs';
import { AgentClientsDto, CreateUserDto, UserDto } from './user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly assignments: AgentAssignmentsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an operator or client user' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 401, 403, { status: 404, description: 'No such client' }, { status: 409, description: 'A user with this email already exists (email_taken)' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(dto, { id: principal.id, role: 'admin' });
  }

  @Get()
  @ApiOperation({ summary: 'All users, oldest first' })
  @ApiOkResponse({ type: [UserDto] })
  @ApiErrors(401, 403)
  list() {
    return this.users.list();
  }

  @Put(':userId/clients')
  @HttpCode(204)
  @ApiOperation({ summary: 'Restrict an agent to a list of clients (empty: every active client)' })
  @ApiNoContentResponse({ description: 'Restricted' })
  @ApiErrors(400, 401, 403, 404)
  restrictAgent(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: AgentClientsDto) {
    return this.assignments.restrict(principal.id, userId, dto.clientIds);
  }
}
