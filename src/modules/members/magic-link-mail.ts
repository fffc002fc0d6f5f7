import { z } from 'zod';
import type { MailMessage } from '../../shared/mail.js';
import { defineJob } from '../jobs/index.js';
import type { MagicLinkPurpose } from './member-types.js';

/** The languages the sign-in mail is written in (the editions'); others get English. */
export const MAGIC_LINK_MAIL_LOCALES = ['en', 'tr', 'ar', 'fa'] as const;
type MailLocale = (typeof MAGIC_LINK_MAIL_LOCALES)[number];

interface MailText {
  subject: Record<MagicLinkPurpose, (site: string) => string>;
  intro: Record<MagicLinkPurpose, (site: string) => string>;
  validity: string;
  ignore: string;
}

const TEXTS: Record<MailLocale, MailText> = {
  en: {
    subject: { sign_in: (s) => `Sign in to ${s}`, sign_up: (s) => `Confirm your email for ${s}` },
    intro: {
      sign_in: (s) => `Open this link to sign in to ${s}:`,
      sign_up: (s) => `Open this link to confirm your email address and create your ${s} account:`,
    },
    validity: 'The link works once, within 15 minutes.',
    ignore: 'If you did not ask for this, ignore this message: nothing happens without the link.',
  },
  tr: {
    subject: { sign_in: (s) => `${s} oturum açma bağlantınız`, sign_up: (s) => `${s} için e-posta adresinizi doğrulayın` },
    intro: {
      sign_in: (s) => `${s} sitesinde oturum açmak için bu bağlantıyı açın:`,
      sign_up: (s) => `E-posta adresinizi doğrulamak ve ${s} hesabınızı oluşturmak için bu bağlantıyı açın:`,
    },
    validity: 'Bağlantı yalnızca bir kez ve 15 dakika içinde çalışır.',
    ignore: 'Bunu siz istemediyseniz bu iletiyi yok sayın: bağlantı açılmadıkça hiçbir şey olmaz.',
  },
  ar: {
    subject: { sign_in: (s) => `تسجيل الدخول إلى ${s}`, sign_up: (s) => `أكّد بريدك الإلكتروني في ${s}` },
    intro: {
      sign_in: (s) => `افتح هذا الرابط لتسجيل الدخول إلى ${s}:`,
      sign_up: (s) => `افتح هذا الرابط لتأكيد بريدك الإلكتروني وإنشاء حسابك في ${s}:`,
    },
    validity: 'يعمل الرابط مرة واحدة فقط، خلال 15 دقيقة.',
    ignore: 'إن لم تطلب ذلك فتجاهل هذه الرسالة: لن يحدث شيء من دون الرابط.',
  },
  fa: {
    subject: { sign_in: (s) => `ورود به ${s}`, sign_up: (s) => `نشانی ایمیل خود را برای ${s} تأیید کنید` },
    intro: {
      sign_in: (s) => `برای ورود به ${s} این پیوند را باز کنید:`,
      sign_up: (s) => `برای تأیید نشانی ایمیل و ساختن حساب ${s} این پیوند را باز کنید:`,
    },
    validity: 'این پیوند فقط یک بار و تا ۱۵ دقیقه کار می‌کند.',
    ignore: 'اگر این را درخواست نکرده‌اید، این پیام را نادیده بگیرید: بدون پیوند هیچ اتفاقی نمی‌افتد.',
  },
};

/** The mail carrying a magic link, in the edition's language. */
export function magicLinkMail(input: {
  to: string;
  purpose: MagicLinkPurpose;
  locale: string;
  link: string;
  siteName: string;
}): MailMessage {
  const locale = (MAGIC_LINK_MAIL_LOCALES as readonly string[]).includes(input.locale) ? (input.locale as MailLocale) : 'en';
  const text = TEXTS[locale];
  return {
    to: input.to,
    subject: text.subject[input.purpose](input.siteName),
    text: [text.intro[input.purpose](input.siteName), '', input.link, '', text.validity, text.ignore].join('\n'),
  };
}

/**
 * The job that mails a sign-in or sign-up link. It carries what the reader asked for, never a
 * token: the handler (`magic-link-mail-job.ts`) mints the link when it sends, so no secret waits in
 * the queue.
 */
export const magicLinkMailJob = defineJob(
  'member.sign-in-mail',
  z
    .object({
      email: z.string().min(3).max(320),
      locale: z.string().min(2).max(35),
      /** A path on this site (already checked by `safeReturnPath`) where the link leads after sign-in. */
      returnPath: z.string().max(2000),
    })
    .strict(),
);
