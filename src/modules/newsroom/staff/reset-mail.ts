import { z } from 'zod';
import type { MailMessage } from '../../../shared/mail.js';
import { defineJob } from '../../jobs/index.js';

/** The languages the reset mail is written in; others get English. */
export const RESET_MAIL_LOCALES = ['en', 'tr'] as const;
export type ResetMailLocale = (typeof RESET_MAIL_LOCALES)[number];

interface ResetMailText {
  subject: (site: string) => string;
  body: (name: string, link: string, site: string) => string;
}

const TEXTS: Record<ResetMailLocale, ResetMailText> = {
  en: {
    subject: (site) => `${site}: reset your newsroom password`,
    body: (name, link, site) =>
      [
        `Hello ${name},`,
        '',
        `Someone (we hope you) asked to reset your newsroom password at ${site}.`,
        'Open this link within one hour to choose a new password:',
        '',
        link,
        '',
        'The link works once. Choosing a new password signs you out on every device.',
        'If you did not ask for this, ignore this message: your password stays as it is.',
      ].join('\n'),
  },
  tr: {
    subject: (site) => `${site}: haber merkezi parolanızı sıfırlayın`,
    body: (name, link, site) =>
      [
        `Merhaba ${name},`,
        '',
        `Birisi (umarız siz) ${site} haber merkezi parolanızın sıfırlanmasını istedi.`,
        'Yeni bir parola belirlemek için bu bağlantıyı bir saat içinde açın:',
        '',
        link,
        '',
        'Bağlantı yalnızca bir kez çalışır. Yeni parola belirlediğinizde tüm cihazlarda oturumunuz kapanır.',
        'Bunu siz istemediyseniz bu iletiyi yok sayın: parolanız değişmez.',
      ].join('\n'),
  },
};

export function resetMail(locale: string, to: { email: string; name: string }, link: string, site: string): MailMessage {
  const text = TEXTS[(RESET_MAIL_LOCALES as readonly string[]).includes(locale) ? (locale as ResetMailLocale) : 'en'];
  return { to: to.email, subject: text.subject(site), text: text.body(to.name, link, site) };
}

/**
 * The job that mails a reset link. It carries the account and the language, never a token: the
 * handler (`reset-mail-job.ts`) mints the token when it sends, so no secret waits in the queue.
 */
export const resetMailJob = defineJob(
  'staff.reset-mail',
  z.object({ staffId: z.string().min(1).max(100), locale: z.string().min(2).max(35) }).strict(),
);
