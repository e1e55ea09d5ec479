import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '#config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** SMTP through nodemailer (`SMTP_URL`, `MAIL_FROM`). Without SMTP_URL email is off and says so once. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private static warned = false;
  private readonly logger = new Logger(Mailer.name);
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfig) {
    if (!config.notifications.smtpUrl && !Mailer.warned) {
      Mailer.warned = true;
      this.logger.warn('SMTP_URL is not set: email notices are off; notices stay visible through GET /notifications');
    }
  }

  get enabled(): boolean {
    return Boolean(this.config.notifications.smtpUrl);
  }

  async send(mail: Mail): Promise<void> {
    if (!this.config.notifications.smtpUrl) throw Object.assign(new Error('email is not configured'), { code: 'email_off' });
    this.transport ??= createTransport(this.config.notifications.smtpUrl);
    await this.transport.sendMail({ from: this.config.notifications.mailFrom, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
