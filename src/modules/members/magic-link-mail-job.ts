import type { Clock } from '../../shared/clock.js';
import type { Mailer } from '../../shared/mail.js';
import { jobHandler, type JobHandler } from '../jobs/index.js';
import { magicLinkMail, magicLinkMailJob } from './magic-link-mail.js';
import { MAGIC_LINK_TTL_MS, verifyPath } from './magic-links.js';
import type { MagicLinkStore, MemberStore } from './member-stores.js';
import { hashToken, randomToken } from '../../shared/tokens.js';

export interface MagicLinkMailJobDeps {
  members: MemberStore;
  links: MagicLinkStore;
  mailer: Mailer;
  clock: Clock;
  /** Absolute site URL without a trailing slash: the link points there. */
  publicUrl: string;
  siteName: string;
}

/**
 * Sends a `member.sign-in-mail` job: a sign-in link for a member, a sign-up link for an unknown
 * address. The token is minted now (only its hash is stored; 15 minutes from this attempt) and the
 * mail handed to SMTP. A refused mail throws, so the queue retries it with backoff; each attempt
 * mints a fresh link, and one whose mail never left is never known to anyone. A second run after a
 * delivered mail (the worker died before recording it) sends a second working link, harmlessly.
 */
export function magicLinkMailHandler(deps: MagicLinkMailJobDeps): JobHandler {
  return jobHandler(magicLinkMailJob.schema, async ({ email, locale, returnPath }) => {
    const now = deps.clock.now();
    const purpose = (await deps.members.findByEmail(email)) ? 'sign_in' : 'sign_up';
    const token = randomToken();
    await deps.links.create(
      { tokenHash: hashToken(token), email, purpose, locale, returnPath, expiresAt: new Date(now.getTime() + MAGIC_LINK_TTL_MS) },
      now,
    );
    const link = `${deps.publicUrl}${verifyPath(locale)}?token=${token}`;
    await deps.mailer.send(magicLinkMail({ to: email, purpose, locale, link, siteName: deps.siteName }));
  });
}
