/** What a client business can be told of. Each email recipient and webhook endpoint names the ones it receives. */
export const CLIENT_NOTICE_EVENTS = [
  'message.new',
  'recording.stored',
  'delivery.ready',
  'recordings.deleted',
  'recordings.expiring',
  'request.forwarded',
  'request.reminder',
  'breach.notice',
] as const;
export type ClientNoticeEvent = (typeof CLIENT_NOTICE_EVENTS)[number];

export interface EmailRecipient {
  address: string;
  events: ClientNoticeEvent[];
  /** For new messages: only urgent ones. */
  urgentOnly?: boolean;
}

/**
 * The client's instructions on notices (part of its processing instructions, so versioned). By default
 * a notice carries no caller content; `webhookIncludesContent` and `emailIncludesContent` are the
 * controller's explicit instruction to send it, and each covers only its own channel.
 */
export interface NotificationSettings {
  /** Absent: the client's contact email receives new-message notices. An empty list: no email. */
  emailRecipients?: EmailRecipient[];
  webhookIncludesContent?: boolean;
  emailIncludesContent?: boolean;
  /** An urgent message still unread this many minutes after its notice is notified again (absent: never). */
  escalationMinutes?: number | null;
  /** From the second escalation on, this address is told too. */
  escalationEmail?: string | null;
  /** A counts-only email of the previous day's messages to the new-message recipients. */
  dailySummary?: boolean;
}
