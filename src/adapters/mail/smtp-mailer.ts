import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from '../../shared/mail.js';

/**
 * Sends over SMTP with nodemailer, from an `smtp://` or `smtps://` URL (credentials in the URL).
 * Nodemailer's own logger stays off: it would write message contents, links included, to the log.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  close(): void {
    this.transport.close();
  }
}
