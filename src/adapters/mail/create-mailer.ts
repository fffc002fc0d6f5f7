import type { Logger } from '../../shared/logger.js';
import type { Mailer } from '../../shared/mail.js';
import { LogMailer } from './log-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

export interface MailConfig {
  smtpUrl: string | null;
  mailFrom: string;
  production: boolean;
}

/** SMTP when configured, else the logging stand-in. */
export function createMailer(config: MailConfig, log: Logger): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new LogMailer(log, { production: config.production });
}
