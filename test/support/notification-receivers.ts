import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

/** A real SMTP server on a free port, keeping every mail it receives (parsed by mailparser). */
export class MailCatcher {
  readonly mails: ParsedMail[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  /** On a free port, or on `port` again (a mail server coming back after an outage). */
  static async start(port = 0): Promise<MailCatcher> {
    const mails: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const catcher = new MailCatcher(server, (server.server.address() as AddressInfo).port);
    (catcher as { mails: ParsedMail[] }).mails = mails;
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ParsedMail[] {
    return this.mails.filter((m) => addressesOf(m).includes(address.toLowerCase()));
  }

  /** Everything a reader of the mail could see: headers, text and html. */
  static whole(mail: ParsedMail): string {
    return [mail.subject, mail.text, typeof mail.html === 'string' ? mail.html : '', JSON.stringify([...mail.headers.entries()])].join('\n');
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const addressesOf = (mail: ParsedMail) => {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
};

export interface ReceivedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * A webhook receiver as a client would write one: verifies every request with the Standard Webhooks
 * library, answers 500 to the first `failFirst` requests (or to all, `failAll`), and processes each
 * webhook-id once, however often it arrives.
 */
export class WebhookReceiver {
  secret = '';
  failFirst = 0;
  failAll = false;
  /** Every request that arrived, verified or not. */
  readonly attempts: { id: string; verified: boolean }[] = [];
  /** Each webhook-id once, in arrival order. */
  readonly processed: ReceivedEvent[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => receiver.handle(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  private handle(body: string, headers: Record<string, string>, res: import('node:http').ServerResponse): void {
    const id = headers['webhook-id'] ?? '';
    let event: { type: string; data: Record<string, unknown> };
    try {
      event = new Webhook(this.secret).verify(body, headers) as typeof event;
    } catch {
      this.attempts.push({ id, verified: false });
      res.writeHead(401).end();
      return;
    }
    this.attempts.push({ id, verified: true });
    if (this.failAll || this.attempts.filter((a) => a.verified).length <= this.failFirst) {
      res.writeHead(500).end();
      return;
    }
    if (!this.processed.some((p) => p.id === id)) this.processed.push({ id, type: event.type, data: event.data });
    res.writeHead(204).end();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `probe` gives a truthy value (or fails after `timeoutMs`). */
export async function eventually<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<Exclude<NonNullable<T>, 0 | false | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Exclude<NonNullable<T>, 0 | false | ''>;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
