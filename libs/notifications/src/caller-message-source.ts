import { Injectable } from '@nestjs/common';

/** A caller message as a client instructed its notices may carry it. */
export interface NoticeMessageContent {
  id: string;
  callId: string;
  urgent: boolean;
  callerName: string;
  callerPhone: string;
  callerEmail: string | null;
  body: string;
  callbackRequested: boolean;
  createdAt: string;
}

/**
 * What notices need of caller messages, implemented by the calls library (which alone reads them) and
 * handed over at start-up: notifications sit below calls, so they ask through this seam.
 */
export interface CallerMessageSource {
  /** Of these messages, the ones still held and not yet read. */
  unread(clientId: string, messageIds: string[]): Promise<string[]>;
  /** Their content, for a notice the client instructed to carry it (missing ones are left out). */
  contents(clientId: string, messageIds: string[]): Promise<NoticeMessageContent[]>;
  /** How many messages were logged for the client in [from, to): the daily summary's count. */
  countLogged(clientId: string, from: Date, to: Date): Promise<{ total: number; urgent: number }>;
}

/** Holds the calls library's source; null until it registered (a process without calls sends no content). */
@Injectable()
export class CallerMessages {
  private source: CallerMessageSource | null = null;

  provide(source: CallerMessageSource): void {
    this.source = source;
  }

  get available(): CallerMessageSource | null {
    return this.source;
  }
}
