import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bull';
import { AuditVerificationScheduler } from '#audit';
import { RecordingSweepScheduler } from '#calls';
import { RetentionScheduler } from '#compliance';
import { DeletionScheduler } from '#deliveries';
import { NotificationScheduler } from '#notifications';
import type { RepeatableJob } from '#queue';

/** How often the registry looks for schedules Redis lost without a reconnect (a flush, a failover). */
export const SCHEDULE_CHECK_MS = 5_000;

/**
 * The one place the worker registers repeatable jobs: every library's declared schedule, at start, on
 * each reconnect, and whenever a check finds one missing. A Redis that restarts empty, or is flushed,
 * loses its repeat schedules with its data; without this, those jobs would silently never run again.
 */
@Injectable()
export class ScheduleRegistry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ScheduleRegistry.name);
  private readonly jobs: RepeatableJob[];
  private readonly cleanups: (() => void)[] = [];
  private checking?: Promise<number>;

  constructor(
    audit: AuditVerificationScheduler,
    retention: RetentionScheduler,
    recordings: RecordingSweepScheduler,
    deletions: DeletionScheduler,
    notices: NotificationScheduler,
  ) {
    this.jobs = [...audit.repeatableJobs(), ...retention.repeatableJobs(), ...recordings.repeatableJobs(), ...deletions.repeatableJobs(), ...notices.repeatableJobs()];
  }

  get declared(): readonly RepeatableJob[] {
    return this.jobs;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureRegistered();
    for (const queue of new Set(this.jobs.map((job) => job.queue))) this.watchReconnects(queue);
    const timer = setInterval(() => void this.ensureRegistered(), SCHEDULE_CHECK_MS);
    timer.unref();
    this.cleanups.push(() => clearInterval(timer));
  }

  onModuleDestroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** Registers every declared schedule Redis does not hold; returns how many it added. Never throws. */
  ensureRegistered(): Promise<number> {
    this.checking ??= this.registerMissing().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async registerMissing(): Promise<number> {
    let added = 0;
    try {
      for (const queue of new Set(this.jobs.map((job) => job.queue))) {
        const present = new Set((await queue.getRepeatableJobs()).map((entry) => `${entry.name}\u0000${entry.id}`));
        for (const job of this.jobs.filter((j) => j.queue === queue && !present.has(`${j.name}\u0000${j.jobId}`))) {
          await queue.add(job.name, {}, { ...job.options, repeat: job.repeat, jobId: job.jobId });
          added++;
        }
      }
      if (added) this.logger.log(`registered ${added} repeatable job(s) Redis did not hold`);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not check the repeatable jobs (Redis unavailable?); the next check will');
    }
    return added;
  }

  private watchReconnects(queue: Queue): void {
    const client = queue.client;
    const onReady = () => void this.ensureRegistered();
    client.on('ready', onReady);
    this.cleanups.push(() => client.off('ready', onReady));
  }
}
