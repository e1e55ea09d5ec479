import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { NotificationSender, NotificationSweeper, NOTIFICATIONS_QUEUE, SEND_NOTICE_JOB, SWEEP_NOTICES_JOB } from '#notifications';
import type { NoticeSweepResult, SendNoticeJob, SendOutcome } from '#notifications';

/**
 * Thin: sends one notice or runs the sweep through the notifications library; a failed send rethrows
 * so bull retries with backoff. The periodic sweep is registered by the worker's schedule registry.
 */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationProcessor {
  constructor(
    private readonly sender: NotificationSender,
    private readonly sweeper: NotificationSweeper,
  ) {}

  @Process({ name: SEND_NOTICE_JOB, concurrency: 4 })
  send(job: Job<SendNoticeJob>): Promise<SendOutcome> {
    return this.sender.process(job.data.outboxId);
  }

  @Process(SWEEP_NOTICES_JOB)
  sweep(): Promise<NoticeSweepResult> {
    return this.sweeper.sweep();
  }
}
