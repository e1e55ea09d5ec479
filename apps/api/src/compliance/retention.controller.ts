import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#access';
import { RetentionScheduler } from '#compliance';
import { ApiErrors } from '../common/api-docs';
import { RetentionReportDto } from './retention.dto';

@ApiTags('retention')
@ApiBearerAuth()
@Roles('dpo', 'admin')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionScheduler) {}

  /** Runs the retention sweep now (on the worker) and returns what it erased; it also runs nightly. */
  @Post('run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the retention sweep now (on the worker) and report what it erased' })
  @ApiOkResponse({ type: RetentionReportDto })
  @ApiErrors(401, 403, { status: 503, description: 'No worker finished the sweep within 120 s (worker_unavailable); it stays queued' })
  run() {
    return this.retention.runNow();
  }
}
