import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgentAssignmentsService, CurrentPrincipal, Roles } from '#access';
import type { Principal } from '#access';
import { UsersService } from '#identity';
import { AgentClientsDto, CreateUserDto } from './user.dto';

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
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(dto, { id: principal.id, role: 'admin' });
  }

  @Get()
  list() {
    return this.users.list();
  }

  @Put(':userId/clients')
  @HttpCode(204)
  restrictAgent(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: AgentClientsDto) {
    return this.assignments.restrict(principal.id, userId, dto.clientIds);
  }
}
