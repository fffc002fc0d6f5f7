import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseCookies } from '../../src/adapters/http/plugins/cookies.js';
import { createHttpApp, openServices, type Services } from '../../src/app/container.js';
import type { PaywallWiringOptions } from '../../src/app/wiring/paywall-wiring.js';
import type { MembersForPaywall } from '../../src/modules/paywall/index.js';
import type { NewTranslation } from '../../src/modules/content/content-repository.js';
import type { Block, StoryDocument } from '../../src/modules/content/document/index.js';
import { readingMinutes } from '../../src/modules/content/document/index.js';
import { meterMonthStart, type AccessLevel, type Subscription } from '../../src/modules/paywall/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, type DialectName, type TestDatabase } from '../support/databases.js';
import { NOW, T0, seedFixture, type Fixture } from '../support/fixtures.js';
import { startTestJobs, testSiteConfig } from '../support/test-site.js';

/**
 * A reader site for the paywall suites: the fixture newsroom plus gated stories whose withheld
 * part holds a canary sentence unique to this run, in English and in a Turkish translation.
 */

const p = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const BREAK: Block = { type: 'paywallBreak' };

export interface LeakTranslation {
  translationId: string;
  locale: string;
  /** The story's page in the edition of its own language. */
  path: string;
  /** Text only the withheld part holds. */
  canary: string;
  /** Text of the preview (shown to everyone). */
  lead: string;
  title: string;
  dek: string;
}

export interface LeakStory {
  name: string;
  storyId: string;
  accessLevel: AccessLevel;
  en: LeakTranslation;
  /** A Turkish translation with its own canary, when the story has one. */
  tr: LeakTranslation | null;
  /** Where the fixture files every gated story: for listing surfaces. */
  sectionSlug: string;
  topicSlug: string;
  authorSlug: string;
}

export interface PaywallStories {
  paid: LeakStory;
  /** Paid, but the editor placed no break: the first blocks are the preview. */
  paidNoBreak: LeakStory;
  registered: LeakStory;
  /** Five metered stories; metered[0] has a Turkish translation. */
  metered: LeakStory[];
}

export interface PaywallSite {
  app: FastifyInstance;
  services: Services;
  fixture: Fixture;
  stories: PaywallStories;
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface PaywallSiteOptions {
  env?: Record<string, string>;
  /** The paywall's wiring: a members stand-in, limits. */
  paywall?: (services: Services) => PaywallWiringOptions;
  /** Run jobs (sign-in mails) in this process, as `start` does. */
  runJobs?: boolean;
}

const SLUG_MONTH = '/2014/07/';

/** A reader site on a fresh database with the fixture newsroom and the gated stories. */
export async function startPaywallSite(dialect: DialectName, options: PaywallSiteOptions = {}): Promise<PaywallSite> {
  const database = await createTestDatabase(dialect);
  const config = testSiteConfig(database, options.env);
  const clock = fixedClock(NOW);
  const services = await openServices(config, clock, { env: {} });
  const fixture = await seedFixture(services.contentWrite, services.editions.list);
  mkdirSync(join(database.dataDir, 'media'), { recursive: true });
  const stories = await seedGatedStories(services, fixture);
  const app = createHttpApp(services, options.paywall ? { paywall: options.paywall(services) } : {});
  await app.ready();
  const worker = options.runJobs ? startTestJobs(services) : null;
  return {
    app,
    services,
    fixture,
    stories,
    clock,
    database,
    async close() {
      await worker?.stop();
      await app.close();
      await services.close();
      await database.drop();
    },
  };
}

function translation(
  locale: string,
  title: string,
  slug: string,
  body: StoryDocument,
  publishedAt: Date,
  extra: Partial<NewTranslation> = {},
): NewTranslation {
  return {
    locale,
    title,
    dek: `${title}: what the dek says`,
    body,
    slug,
    status: 'published',
    publishedAt,
    isOriginal: true,
    translatedFrom: null,
    provenance: 'original',
    provenanceCredit: null,
    readingMinutes: readingMinutes(body),
    ...extra,
  };
}

/** Stories at each access level with a canary after the break, all filed under the fixture's section, topic and author. */
export async function seedGatedStories(services: Services, fixture: Fixture): Promise<PaywallStories> {
  const run = randomUUID().slice(0, 8);
  const editions = services.editions.list;
  let hour = 0;
  const create = async (
    name: string,
    level: AccessLevel,
    withTurkish: boolean,
    breakAt: 'break' | 'none' = 'break',
  ): Promise<LeakStory> => {
    hour += 1;
    const at = new Date(T0.getTime() + hour * 3_600_000);
    const make = (locale: 'en' | 'tr') => {
      const canary = `CANARY-${name.toUpperCase()}-${locale.toUpperCase()}-${run}`;
      const lead = locale === 'en' ? `${name} lead: the harbour board met on Monday.` : `${name} girişi: liman kurulu pazartesi toplandı.`;
      const withheld = [p(`Withheld ${canary}: the minister resigned before dawn.`), p(`Also withheld, ${canary} again.`)];
      const content: Block[] =
        breakAt === 'break'
          ? [p(lead), p(`${name} second free paragraph.`), BREAK, ...withheld]
          : [p(lead), p('Two.'), p('Three.'), ...withheld];
      const title = locale === 'en' ? `Gated story ${name}` : `Kapalı haber ${name}`;
      const slug = locale === 'en' ? `gated-story-${name}` : `kapali-haber-${name}`;
      return { canary, lead, title, slug, body: { type: 'doc', content } as StoryDocument };
    };
    const en = make('en');
    const tr = withTurkish ? make('tr') : null;
    const created = await services.contentWrite.createStory(
      {
        sectionId: fixture.sectionId,
        leadImageId: null,
        authorIds: [fixture.authorId],
        topicIds: [fixture.topicId],
        translations: [
          translation('en', en.title, en.slug, en.body, at),
          ...(tr
            ? [
                translation('tr', tr.title, tr.slug, tr.body, at, {
                  isOriginal: false,
                  translatedFrom: 'en',
                  provenance: 'newsroom',
                  provenanceCredit: 'Ayşe Demir',
                }),
              ]
            : []),
        ],
      },
      editions,
      at,
    );
    await services.database.db.updateTable('stories').set({ access_level: level }).where('id', '=', created.storyId).execute();
    const view = (v: typeof en, locale: string, translationId: string): LeakTranslation => ({
      translationId,
      locale,
      path: `/${locale}${SLUG_MONTH}${v.slug}`,
      canary: v.canary,
      lead: v.lead,
      title: v.title,
      dek: `${v.title}: what the dek says`,
    });
    return {
      name,
      storyId: created.storyId,
      accessLevel: level,
      en: view(en, 'en', created.translationIds[0] as string),
      tr: tr ? view(tr, 'tr', created.translationIds[1] as string) : null,
      sectionSlug: 'economy',
      topicSlug: 'aegean-coast',
      authorSlug: 'selin-arslan',
    };
  };
  const metered: LeakStory[] = [];
  for (let i = 1; i <= 5; i++) metered.push(await create(`metered${i}`, 'metered', i === 1));
  return {
    paid: await create('paid', 'paid', true),
    paidNoBreak: await create('paidnobreak', 'paid', false, 'none'),
    registered: await create('registered', 'registered', false),
    metered,
  };
}

/**
 * A stand-in for the members module, for the paywall suites while the real one is being built: a
 * signed-in member is an `mh_session=<token>` cookie the test registered; their monthly reads are
 * kept in memory. The paywall's side (resolver composition, counting, caching) is the real one.
 */
export interface MembersStandIn extends MembersForPaywall {
  signIn(memberId: string, subscription: Subscription | null): string;
  reads: Map<string, Set<string>>;
}

/** `cookieName` other than mh_session: a session cookie the site's identity check would not see (defence-in-depth tests). */
export function membersStandIn(cookieName = 'mh_session'): MembersStandIn {
  const sessions = new Map<string, { memberId: string; subscription: Subscription | null }>();
  const reads = new Map<string, Set<string>>();
  const key = (memberId: string, now: Date) => `${memberId}|${meterMonthStart(now).toISOString()}`;
  return {
    reads,
    signIn(memberId, subscription) {
      const token = randomUUID();
      sessions.set(token, { memberId, subscription });
      return `${cookieName}=${token}`;
    },
    async resolveReader(cookieHeader, now) {
      const session = sessions.get(parseCookies(cookieHeader).get(cookieName) ?? '');
      if (!session) return { reader: { kind: 'anonymous', meter: [] }, memberId: null };
      return {
        reader: {
          kind: 'member',
          memberId: session.memberId,
          monthlyReads: [...(reads.get(key(session.memberId, now)) ?? [])],
          subscription: session.subscription,
          complimentary: null,
        },
        memberId: session.memberId,
      };
    },
    async recordMemberRead(memberId, storyId, now) {
      const k = key(memberId, now);
      reads.set(k, (reads.get(k) ?? new Set()).add(storyId));
    },
  };
}

/** The `name=value` of a cookie a response sets, or null. */
export function setCookie(headers: Record<string, unknown>, name: string): { pair: string; attributes: string } | null {
  const header = headers['set-cookie'];
  const all = (Array.isArray(header) ? header : header ? [header] : []) as string[];
  const found = all.find((c) => c.startsWith(`${name}=`));
  if (!found) return null;
  const [pair, ...attributes] = found.split(';');
  return { pair: pair as string, attributes: attributes.join(';').trim() };
}
