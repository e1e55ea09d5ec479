import type { NoticeFacts } from './notification.entity';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const day = (iso: unknown) => (typeof iso === 'string' ? iso.slice(0, 10) : '');

/**
 * The one sentence each notice says, by event. Names the client business and counts, never a caller:
 * this text goes to every channel and to GET /notifications.
 */
export function summaryOf(event: string, clientName: string, facts: NoticeFacts): string {
  switch (event) {
    case 'message.new': {
      const urgent = Number(facts.urgentCount ?? 0);
      return `${plural(Number(facts.count ?? 1), 'new message')} for ${clientName}${urgent ? ` (${urgent} urgent)` : ''} — sign in to read`;
    }
    case 'message.escalation':
      return `An urgent message for ${clientName} is still unread — sign in to read`;
    case 'recording.stored':
      return `A call recording was stored for ${clientName} — sign in to listen`;
    case 'delivery.ready':
      return `A delivery is ready for ${clientName}, open until ${day(facts.expiresAt)} — its one-time password comes with this email or webhook only`;
    case 'recordings.deleted':
      return `${plural(Number(facts.count ?? 0), 'recording')} of ${clientName} deleted after their delivery`;
    case 'recordings.expiring':
      return `${plural(Number(facts.count ?? 0), 'recording')} of ${clientName} not yet downloaded will be deleted from ${day(facts.deleteFrom)}`;
    case 'request.forwarded':
      return `A data subject request was forwarded to ${clientName}; please answer by ${day(facts.deadline)}`;
    case 'request.reminder':
      return `A data subject request forwarded to ${clientName} is ${facts.kind === 'overdue' ? 'overdue' : `due ${day(facts.deadline)}`} — sign in to answer`;
    case 'breach.notice':
      return `The operator has a personal data breach notice for ${clientName} — sign in to read`;
    case 'summary.daily':
      return `${clientName} on ${day(facts.day)}: ${plural(Number(facts.count ?? 0), 'message')} (${Number(facts.urgentCount ?? 0)} urgent)`;
    case 'webhook.disabled':
      return `A webhook endpoint of ${clientName} was disabled after ${plural(Number(facts.failures ?? 0), 'failed attempt')}`;
    case 'deadline.reminder':
      return `The ${facts.label} deadline of ${String(facts.subjectType).replace(/_/g, ' ')} ${facts.subjectId} ${facts.kind === 'overdue' ? 'has passed' : 'is tomorrow'} (${String(facts.deadline)})`;
    default:
      return `A notice for ${clientName}`;
  }
}

/**
 * summaryOf's 'message.new' sentence as an SQL expression over SQL expressions for the count, the
 * client name and the urgent count: a message joining an open notice updates it in one statement.
 * Keep the two in step (the notifications suite reads both).
 */
export function messageNewSummarySql(count: string, clientName: string, urgent: string): string {
  return `format('%s new message%s for %s%s — sign in to read', ${count}, CASE WHEN ${count} = 1 THEN '' ELSE 's' END, ${clientName},
                 CASE WHEN ${urgent} > 0 THEN format(' (%s urgent)', ${urgent}) ELSE '' END)`;
}

/** Where the portal shows what the notice is about. */
export function linkOf(publicUrl: string, event: string, facts: NoticeFacts): string {
  switch (event) {
    case 'message.new':
    case 'message.escalation':
    case 'summary.daily':
      return `${publicUrl}/messages`;
    case 'recording.stored':
    case 'recordings.expiring':
      return `${publicUrl}/recordings`;
    case 'delivery.ready':
    case 'recordings.deleted':
      return `${publicUrl}/deliveries`;
    case 'request.forwarded':
    case 'request.reminder':
      return `${publicUrl}/dsr`;
    case 'breach.notice':
      return `${publicUrl}/breaches`;
    default:
      return facts.subjectType ? `${publicUrl}/notifications` : publicUrl;
  }
}
