import type { Logger } from '../../shared/logger.js';
import type { MailMessage, Mailer } from '../../shared/mail.js';

export const NO_SMTP_NOTE = 'No SMTP configured (set SMTP_URL): this mail was NOT sent';

/**
 * Stands in for SMTP when none is configured. In development the whole message is logged at warn
 * level, so a developer can follow the link in it (the one place a token reaches a log). In
 * production only the recipient and subject are: a link in a production log would be a secret
 * lying around.
 */
export class LogMailer implements Mailer {
  constructor(
    private readonly log: Logger,
    private readonly options: { production: boolean },
  ) {}

  async send(message: MailMessage): Promise<void> {
    if (this.options.production) {
      this.log.warn({ mail: { to: message.to, subject: message.subject } }, `${NO_SMTP_NOTE}; its text is not logged in production`);
      return;
    }
    this.log.warn({ mail: { to: message.to, subject: message.subject, text: message.text } }, `${NO_SMTP_NOTE}; its text follows`);
  }

  /** Nothing to release. */
  close(): void {}
}
