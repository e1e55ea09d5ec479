import { Injectable, OnModuleInit } from '@nestjs/common';
import { TenantScope } from '#database';
import { CallerMessages } from '#notifications';
import type { CallerMessageSource, NoticeMessageContent } from '#notifications';
import { callRecords } from './call-records.repository';

/**
 * What notices need of caller messages, read in the owning client's tenant scope: which are still
 * unread (escalation), their content (only asked for where the client instructed notices to carry
 * it), and daily counts. Registered with the notifications library at start-up.
 */
@Injectable()
export class CallerMessageNotices implements CallerMessageSource, OnModuleInit {
  constructor(
    private readonly scope: TenantScope,
    private readonly registry: CallerMessages,
  ) {}

  onModuleInit(): void {
    this.registry.provide(this);
  }

  async unread(clientId: string, messageIds: string[]): Promise<string[]> {
    if (!messageIds.length) return [];
    return this.scope.run(clientId, (tx) => callRecords.unreadAmong(tx, messageIds));
  }

  async contents(clientId: string, messageIds: string[]): Promise<NoticeMessageContent[]> {
    if (!messageIds.length) return [];
    const rows = await this.scope.run(clientId, (tx) => callRecords.messagesByIds(tx, messageIds));
    return rows.map((m) => ({
      id: m.id,
      callId: m.callId,
      urgent: m.urgency === 'urgent',
      callerName: m.callerName,
      callerPhone: m.callerPhone,
      callerEmail: m.callerEmail,
      body: m.body,
      callbackRequested: m.callbackRequested,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  async countLogged(clientId: string, from: Date, to: Date): Promise<{ total: number; urgent: number }> {
    return this.scope.run(clientId, (tx) => callRecords.countLogged(tx, clientId, from, to));
  }
}
