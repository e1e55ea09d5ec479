import { Injectable, OnModuleInit } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { TenantScope } from '#database';
import { CallerMessages } from '#notifications';
import type { CallerMessageSource, NoticeMessageContent } from '#notifications';
import { CallerMessage } from './caller-message.entity';

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
    const rows = await this.scope.run(clientId, (tx) => tx.find(CallerMessage, { where: { id: In(messageIds), readAt: IsNull() }, select: { id: true } }));
    return rows.map((r) => r.id);
  }

  async contents(clientId: string, messageIds: string[]): Promise<NoticeMessageContent[]> {
    if (!messageIds.length) return [];
    const rows = await this.scope.run(clientId, (tx) => tx.find(CallerMessage, { where: { id: In(messageIds) }, order: { createdAt: 'ASC' } }));
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
    const [row]: { total: string; urgent: string }[] = await this.scope.run(clientId, (tx) =>
      tx.query(
        `SELECT count(*) AS total, count(*) FILTER (WHERE urgency = 'urgent') AS urgent FROM caller_messages WHERE client_id = $1 AND created_at >= $2 AND created_at < $3`,
        [clientId, from, to],
      ),
    );
    return { total: Number(row.total), urgent: Number(row.urgent) };
  }
}
