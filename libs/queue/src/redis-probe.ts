import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';

export const PROBE_QUEUE = 'probe';

/** Answers whether Redis answers, over the same connection settings the job queues use. */
@Injectable()
export class RedisProbe {
  constructor(@InjectQueue(PROBE_QUEUE) private readonly queue: Queue) {}

  async ping(): Promise<void> {
    await this.queue.client.ping();
  }
}
