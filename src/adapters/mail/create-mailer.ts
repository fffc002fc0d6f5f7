import type { Logger } from '../../shared/logger.js';
import type { Mailer } from '../../shared/mail.js';
import { LogMailer } from './log-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

export interface MailConfig {
  smtpUrl: string | null;
  mailFrom: string;
  production: boolean;
}

/** A mailer its owner closes when the process stops (the SMTP transport's connections). */
export type ClosableMailer = Mailer & { close(): void };

/** SMTP when configured, else the logging stand-in. Built once per process, by the composition root (app/container.ts). */
export function createMailer(config: MailConfig, log: Logger): ClosableMailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new LogMailer(log, { production: config.production });
}
