import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '#access';
import { RetentionScheduler } from '#compliance';

@ApiTags('retention')
@ApiBearerAuth()
@Roles('dpo', 'admin')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionScheduler) {}

  /** Runs the retention sweep now (on the worker) and returns what it erased; it also runs nightly. */
  @Post('run')
  @HttpCode(200)
  run() {
    return this.retention.runNow();
  }
}
