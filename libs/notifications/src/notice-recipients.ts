import type { ClientNoticeEvent, NotificationSettings } from '#clients';

/** A client's notification settings with its defaults filled in. */
export interface ResolvedSettings {
  emailRecipients: { address: string; events: ClientNoticeEvent[]; urgentOnly: boolean }[];
  webhookIncludesContent: boolean;
  emailIncludesContent: boolean;
  escalationMinutes: number | null;
  escalationEmail: string | null;
  dailySummary: boolean;
}

/** Out of the box: the client's contact email hears of new messages, and nothing carries caller content. */
export function resolveSettings(settings: NotificationSettings | null | undefined, contactEmail: string | null): ResolvedSettings {
  const recipients = settings?.emailRecipients ?? (contactEmail ? [{ address: contactEmail, events: ['message.new' as const] }] : []);
  return {
    emailRecipients: recipients.map((r) => ({ address: r.address.toLowerCase(), events: r.events, urgentOnly: r.urgentOnly ?? false })),
    webhookIncludesContent: settings?.webhookIncludesContent ?? false,
    emailIncludesContent: settings?.emailIncludesContent ?? false,
    escalationMinutes: settings?.escalationMinutes ?? null,
    escalationEmail: settings?.escalationEmail?.toLowerCase() ?? null,
    dailySummary: settings?.dailySummary ?? false,
  };
}

/** The addresses that receive this event (escalations and summaries go to the new-message recipients). */
export function emailsFor(settings: ResolvedSettings, event: ClientNoticeEvent, urgent: boolean): string[] {
  const chosen = settings.emailRecipients.filter((r) => r.events.includes(event) && (event !== 'message.new' || urgent || !r.urgentOnly));
  return [...new Set(chosen.map((r) => r.address))];
}

export function endpointWants(events: ClientNoticeEvent[] | null, event: ClientNoticeEvent): boolean {
  return events === null || events.includes(event);
}
