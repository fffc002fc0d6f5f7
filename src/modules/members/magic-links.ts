import type { Clock } from '../../shared/clock.js';
import type { EnqueueJob } from '../jobs/index.js';
import { magicLinkMailJob } from './magic-link-mail.js';
import type { MemberSessionService, StartedMemberSession } from './member-sessions.js';
import type { AccountRequestLimits, MagicLinkStore, MemberStore, RateRule } from './member-stores.js';
import type { MagicLinkRecord, Member } from './member-types.js';
import { hashToken } from '../../shared/tokens.js';
import { looksLikeToken } from './tokens.js';

/** A magic link works once, within 15 minutes. */
export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;
/** Where the link points: the confirm page of the edition it was requested in. */
export const verifyPath = (locale: string) => `/${locale}/sign-in/verify`;

const MINUTE = 60_000;
/** The limits `AccountRequestLimits` applies to sign-in and sign-up requests (wired in app/). */
export const SIGN_IN_RULES = {
  /** Sign-in and sign-up requests from one address. */
  perAddress: { name: 'member-signin-ip', limit: 20, windowMs: 15 * MINUTE },
  /** Links mailed to one email address, known or not (the answer must not tell), per client address. */
  perAccountAddress: { name: 'member-signin-email-ip', limit: 5, windowMs: 60 * MINUTE },
  /**
   * Links mailed to one email address from every client address together. Past it, a client address
   * that has already asked for this email in the hour waits, while one that has not still gets its
   * link: a flood cannot keep the owner from signing in, and each address adds at most one mail.
   */
  perAccount: { name: 'member-signin-email', limit: 10, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateRule>;

export interface MagicLinkDeps {
  members: MemberStore;
  links: MagicLinkStore;
  sessions: MemberSessionService;
  /** `SIGN_IN_RULES` over the database-backed limiter. */
  limits: AccountRequestLimits;
  /** The durable job queue: the mail is a `member.sign-in-mail` job, retried until SMTP takes it. */
  enqueue: EnqueueJob;
  clock: Clock;
}

export interface SignedInMember {
  member: Member;
  session: StartedMemberSession;
  returnPath: string;
  locale: string;
}

/**
 * Sign-up and sign-in by email. Every request mails a link, to known and unknown addresses alike
 * (a sign-in link or a sign-up link), so neither the answer nor the work behind it says whether an
 * address has an account. The mail is a job in the durable queue (`magic-link-mail-job.ts` mints
 * the link and sends it, retried with backoff), so the answer never waits for or depends on SMTP.
 */
export class MagicLinkService {
  constructor(private readonly deps: MagicLinkDeps) {}

  async request(input: { email: string; locale: string; returnPath: string; clientIp: string }): Promise<void> {
    const { limits, links, clock } = this.deps;
    await limits.consumeAddress(input.clientIp);
    await limits.consume(input.email, input.clientIp);
    const now = clock.now();
    await links.deleteExpired(new Date(now.getTime() - 24 * 60 * MINUTE));
    await this.deps.enqueue(magicLinkMailJob.create({ email: input.email, locale: input.locale, returnPath: input.returnPath }));
  }

  /** The link behind a token while it can still be used (for the confirm page). */
  async inspect(token: unknown): Promise<MagicLinkRecord | null> {
    if (!looksLikeToken(token)) return null;
    return this.deps.links.findUsable(hashToken(token), this.deps.clock.now());
  }

  /**
   * Uses the link (once; every other open link of the address goes with it), creates the member
   * when this is their first, and starts a session. Null when the link is unknown, used or expired.
   */
  async redeem(token: unknown): Promise<SignedInMember | null> {
    if (!looksLikeToken(token)) return null;
    const now = this.deps.clock.now();
    const link = await this.deps.links.redeem(hashToken(token), now);
    if (!link) return null;
    const member = await this.deps.members.findOrCreate(link.email, link.locale, now);
    const session = await this.deps.sessions.start(member.id);
    return { member, session, returnPath: link.returnPath, locale: link.locale };
  }
}
