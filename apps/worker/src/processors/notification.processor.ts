import { Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bull';
import { NotificationScheduler, NotificationSender, NotificationSweeper, NOTIFICATIONS_QUEUE, SEND_NOTICE_JOB, SWEEP_NOTICES_JOB } from '#notifications';
import type { NoticeSweepResult, SendNoticeJob, SendOutcome } from '#notifications';

/**
 * Thin: sends one notice or runs the sweep through the notifications library; a failed send rethrows
 * so bull retries with backoff. Registers the sweep at start and whenever Redis comes back (a Redis
 * that lost its data lost the repeat schedule too).
 */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationProcessor.name);
  private stopWatching?: () => void;

  constructor(
    private readonly sender: NotificationSender,
    private readonly sweeper: NotificationSweeper,
    private readonly scheduler: NotificationScheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.scheduleSweep();
    this.stopWatching = this.scheduler.onReconnect(() => {
      this.scheduler.scheduleSweep().catch((error) => this.logger.warn({ err: error }, 'could not re-register the notice sweep; next reconnect will'));
    });
  }

  onModuleDestroy(): void {
    this.stopWatching?.();
  }

  @Process({ name: SEND_NOTICE_JOB, concurrency: 4 })
  send(job: Job<SendNoticeJob>): Promise<SendOutcome> {
    return this.sender.process(job.data.outboxId);
  }

  @Process(SWEEP_NOTICES_JOB)
  sweep(): Promise<NoticeSweepResult> {
    return this.sweeper.sweep();
  }
}
