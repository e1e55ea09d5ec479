import { Injectable } from '@nestjs/common';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { CallerDataOwners } from './caller-data-owners';
import { CallerMessage } from './caller-message.entity';
import { CallerMessagesRepository, InboxChanges } from './caller-messages.repository';
import { InvalidInputError } from './errors';
import { asMissing } from './reader-scope';

export type InboxMark = 'read' | 'actioned';

/** A message's inbox state after a mark. */
export interface MessageState {
  id: string;
  readAt: Date | null;
  actionedAt: Date | null;
}

export interface InboxCounts {
  unread: number;
  urgentUnread: number;
}

/**
 * The client's working state of its inbox: a message is read, then actioned (actioned implies read).
 * State belongs to the client, not one user: any of its users sees what a colleague marked. Each
 * mark is decided by the access policy and audited (ids only); marking twice keeps the first time.
 */
@Injectable()
export class MessageInbox {
  constructor(
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly owners: CallerDataOwners,
    private readonly clock: Clock,
    private readonly messages: CallerMessagesRepository,
  ) {}

  async mark(principal: Principal, messageId: string, mark: InboxMark): Promise<MessageState> {
    if (principal.kind !== 'user') throw new InvalidInputError('Only a signed-in user marks messages');
    const now = this.clock.now();
    const subject = { type: 'message', id: messageId };
    const action = mark === 'read' ? 'message.mark_read' : 'message.mark_actioned';
    return this.owners.inScopeOfOwner('message', messageId, async (tx, clientId) => {
      const { instructions } = await this.policy
        .authorize(principal, { action, clientId, data: CallerMessage, purpose: 'service_delivery', content: false, subject }, tx)
        .catch(asMissing('Message'));
      const message = await this.messages.inboxStateForMark(tx, clientId, messageId);
      if (!message) throw new NotFoundError('Message');
      const changes: InboxChanges = {};
      if (!message.readAt) Object.assign(changes, { readAt: now, readBy: principal.id });
      if (mark === 'actioned' && !message.actionedAt) Object.assign(changes, { actionedAt: now, actionedBy: principal.id });
      if (Object.keys(changes).length) await this.messages.markInbox(tx, clientId, messageId, changes);
      await this.audit.append(
        {
          actor: actorOf(principal),
          clientId,
          dataRole: 'processor',
          purpose: 'service_delivery',
          action,
          subject,
          outcome: 'success',
          details: { changed: Object.keys(changes).length > 0, instructionsVersion: instructions.version },
        },
        tx,
      );
      return { id: messageId, readAt: changes.readAt ?? message.readAt, actionedAt: changes.actionedAt ?? message.actionedAt };
    });
  }

  /**
   * Unread messages of a client user's own client (counts only: no caller content, so not audited as a
   * read). A message the list withholds for a restriction or objection is not counted either.
   */
  async counts(principal: Principal): Promise<InboxCounts> {
    if (principal.kind !== 'user' || principal.role !== 'client' || !principal.clientId) throw new InvalidInputError('Only a client user has an inbox');
    const clientId = principal.clientId;
    return this.scope.run(clientId, async (tx) => {
      const request = { action: 'message.count', clientId, data: CallerMessage, purpose: 'service_delivery', content: false } as const;
      await this.policy.authorize(principal, request, tx);
      const rows = await this.messages.unread(tx, clientId);
      const withheld = await this.policy.withheld(request, rows.map((m) => ({ type: 'message', id: m.id })), tx);
      const counted = rows.filter((m) => !withheld.has(m.id));
      return { unread: counted.length, urgentUnread: counted.filter((m) => m.urgency === 'urgent').length };
    });
  }
}
