import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bull';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { AppConfig } from '#config';
import { enqueueOutboxJobs, ensureOutboxJob } from '#queue';
import type { OutboxJobState, RepeatableJob } from '#queue';
import { ENQUEUE_TIMEOUT_MS, NOTIFICATIONS_QUEUE, SEND_ATTEMPTS, SEND_NOTICE_JOB, SendNoticeJob, SWEEP_NOTICES_JOB } from './notification-queue';

/**
 * The only code that enqueues notification jobs. Rows due at once are enqueued right after the
 * transaction that wrote them commits (never before: a job must find its row); rows due later
 * (grouped messages) and rows whose job Redis lost are enqueued by the sweep. Enqueueing may fail
 * (Redis down): the outbox row is the truth, so nobody waits on it.
 */
@Injectable()
export class NotificationScheduler implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger(NotificationScheduler.name);

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Marks outbox rows to enqueue once `tx` commits (at once when it is no transaction). */
  afterCommit(tx: EntityManager, outboxIds: string[]): void {
    if (!outboxIds.length) return;
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) {
      void this.enqueue(outboxIds);
      return;
    }
    const pending: string[] = runner.data?.notificationsDue ?? [];
    runner.data = { ...runner.data, notificationsDue: [...pending, ...outboxIds] };
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive || !runner.data?.notificationsDue?.length) return; // a savepoint, or nothing due
    const ids: string[] = runner.data.notificationsDue;
    runner.data.notificationsDue = [];
    void this.enqueue(ids); // the committed answer must not wait on Redis
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    if (!event.queryRunner.isTransactionActive && event.queryRunner.data?.notificationsDue) event.queryRunner.data.notificationsDue = [];
  }

  /** Never throws: returns how many were enqueued. */
  async enqueue(outboxIds: readonly string[]): Promise<number> {
    const { enqueued, failed } = await enqueueOutboxJobs(outboxIds, (id) => this.add(id), ENQUEUE_TIMEOUT_MS);
    if (failed) this.logger.warn(`${failed} of ${outboxIds.length} notice jobs not enqueued now (Redis unavailable?); the sweep will enqueue them`);
    return enqueued;
  }

  /** For the sweep: a pending row gets a live job (see ensureOutboxJob). */
  ensureQueued(outboxId: string): Promise<OutboxJobState> {
    return ensureOutboxJob(this.queue, outboxId, (id) => this.add(id));
  }

  /** The periodic sweep, registered by the worker's schedule registry. Not retried: the next one comes soon. */
  repeatableJobs(): RepeatableJob[] {
    return [
      {
        queue: this.queue,
        name: SWEEP_NOTICES_JOB,
        jobId: 'notice-sweep',
        repeat: { every: this.config.notifications.sweepEveryMs },
        options: { attempts: 1, removeOnFail: 100 },
      },
    ];
  }

  /** On demand (tests, operators): one sweep through the worker, its result. */
  async sweepNow<T>(): Promise<T> {
    const job = await this.queue.add(SWEEP_NOTICES_JOB, {}, { attempts: 1, removeOnFail: 100 });
    return job.finished();
  }

  private add(outboxId: string): Promise<Job<SendNoticeJob>> {
    return this.queue.add(
      SEND_NOTICE_JOB,
      { outboxId },
      { jobId: outboxId, attempts: SEND_ATTEMPTS, backoff: { type: 'exponential', delay: this.config.notifications.retryDelayMs } },
    );
  }
}
