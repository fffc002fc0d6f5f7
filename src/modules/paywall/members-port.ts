/**
 * The port through which the members module (or a stand-in) lends the paywall what it knows about
 * readers: declared here, once, because the paywall owns it; the members wiring implements it and
 * the reader site's story route consumes it (`SitePaywall`).
 */
import { z } from 'zod';
import type { GiftLink, ReaderState } from './access-types.js';

/** Who is reading: the decision's `ReaderState` and, for a signed-in member, their id (to count a metered read). */
export interface ResolvedReader {
  reader: ReaderState;
  memberId: string | null;
}

/**
 * Who is reading, from the request's Cookie header. Never trusts anything but the site's own
 * cookies: no user agent, referrer or address grants access.
 */
export type ReaderResolver = (cookieHeader: string | undefined, now: Date) => Promise<ResolvedReader>;

/** A plan as the paywall box offers it, in the edition's language. */
export const paywallPlanSchema = z.object({
  /** A free plan (registration) is offered only when registering is what the reader is asked to do. */
  kind: z.enum(['free', 'paid']).optional(),
  name: z.string(),
  /** Formatted for the edition ("€9.00 a month · €90.00 a year"; "Free" for the free plan), or null to leave it to the subscribe page. */
  price: z.string().nullable(),
  benefits: z.array(z.string()),
});
export type PaywallPlan = z.infer<typeof paywallPlanSchema>;

/** What the members module lends the paywall: who is signed in, their monthly meter, gifts, the plans. */
export interface MembersForPaywall {
  /** A signed-in member from their session, else anonymous with an empty meter (the site reads the meter cookie itself). */
  resolveReader: ReaderResolver;
  /** Counts a member's read of a metered story (once per story and calendar month, UTC). */
  recordMemberRead(memberId: string, storyId: string, now: Date): Promise<void>;
  /** The gift link this browser redeemed for this story (its use already spent), if any. */
  giftFor?(cookieHeader: string | undefined, storyId: string, now: Date): Promise<GiftLink | null>;
  /** The plans to offer in the paywall box; absent: the box lists the benefits from the catalogs. */
  plansFor?(locale: string): Promise<PaywallPlan[]>;
}
