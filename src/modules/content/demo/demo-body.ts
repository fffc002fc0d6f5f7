/**
 * Composes a story's title, dek and body from a phrase bank. The shape of a story (which
 * templates, in which order, with which extras) is drawn once as a plan, so that a translation
 * composed from another language's bank with the same plan tells the same story.
 */
import type { Block, Paragraph, StoryDocument } from '../document/index.js';
import { fill, toInline, type PhraseBank, type Slots } from './demo-phrases.js';
import type { Rng } from './demo-random.js';
import type { DemoPersonDef, DemoThemeDef } from './demo-themes-people.js';
import type { DemoOrgDef, DemoPlaceDef, SectionKey, StoryLocale } from './demo-world.js';

type ParagraphKind = 'openings' | 'context' | 'quotes' | 'data' | 'links' | 'closings';

export interface StoryPlan {
  title: number;
  dek: number;
  paragraphs: { kind: ParagraphKind; index: number }[];
  paywall: boolean;
  /** Paragraph index a heading goes before. */
  headingBefore: number | null;
  heading: number;
  /** Extras go after the paragraph with this index. */
  list: { after: number; items: number[] } | null;
  pullQuote: { after: number; index: number } | null;
  statement: { after: number; index: number } | null;
  numbers: { pct: number; months: number; count: number; money: number };
}

/** Draws a plan; `bank` only supplies the number of templates (every bank has the same counts). */
export function makePlan(rng: Rng, bank: PhraseBank, section: SectionKey): StoryPlan {
  const hasList = rng.chance(0.25);
  const hasStatement = rng.chance(0.2);
  const total = rng.int(5, 9);
  const count = Math.max(5, total - (hasList ? 1 : 0) - (hasStatement ? 1 : 0));
  // One quote per story, as the second or third paragraph; the rest is context and data.
  const middle: StoryPlan['paragraphs'] = rng
    .shuffle([
      ...bank.context.map((_, index) => ({ kind: 'context' as const, index })),
      ...bank.data.map((_, index) => ({ kind: 'data' as const, index })),
    ])
    .slice(0, count - 3);
  const quote = { kind: 'quotes' as const, index: rng.int(0, bank.quotes.length - 1) };
  const quoteAt = rng.int(1, 2);
  middle.splice(quoteAt - 1, 0, quote);
  if (rng.chance(0.4)) middle[middle.length - 1] = { kind: 'links', index: rng.int(0, bank.links.length - 1) };
  const paragraphs = [
    { kind: 'openings' as const, index: rng.int(0, bank.openings.length - 1) },
    ...middle,
    { kind: 'closings' as const, index: rng.int(0, bank.closings.length - 1) },
  ];
  const last = paragraphs.length - 1;
  return {
    title: rng.int(0, bank.titles[section].length - 1),
    dek: rng.int(0, bank.deks.length - 1),
    paragraphs,
    paywall: rng.chance(0.5),
    headingBefore: rng.chance(0.4) ? rng.int(3, last) : null,
    heading: rng.int(0, bank.headings.length - 1),
    list: hasList ? { after: rng.int(3, last - 1), items: rng.shuffle(bank.listItems.map((_, i) => i)).slice(0, 3) } : null,
    // The pull quote repeats the story's quote a little further down.
    pullQuote: rng.chance(0.35) ? { after: rng.int(quoteAt + 1, last - 1), index: quote.index } : null,
    statement: hasStatement ? { after: rng.int(2, last - 1), index: rng.int(0, bank.statements.length - 1) } : null,
    numbers: { pct: rng.int(12, 48), months: rng.int(3, 18), count: rng.int(120, 900), money: rng.int(4, 90) },
  };
}

export interface StoryCast {
  place: DemoPlaceDef;
  theme: DemoThemeDef;
  org: DemoOrgDef;
  person: DemoPersonDef;
}

export function slotsFor(locale: StoryLocale, cast: StoryCast, plan: StoryPlan): Slots {
  const female = cast.person.gender === 'f';
  return {
    place: cast.place.text[locale].name,
    in_place: cast.place.text[locale].in,
    theme: cast.theme.text[locale],
    org: locale === 'en' ? cast.org.enText : cast.org.labels[locale],
    person: cast.person.labels[locale],
    role: cast.person.role[locale],
    said: female ? 'قالت' : 'قال',
    warned: female ? 'حذّرت' : 'حذّر',
    pct: String(plan.numbers.pct),
    months: String(plan.numbers.months),
    count: String(plan.numbers.count),
    money: String(plan.numbers.money),
  };
}

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', content: toInline(text) });

export function composeStory(
  bank: PhraseBank,
  section: SectionKey,
  slots: Slots,
  plan: StoryPlan,
): { title: string; dek: string; body: StoryDocument } {
  const f = (template: string | undefined) => {
    if (template === undefined) throw new Error(`demo plan does not fit the ${bank.locale} phrase bank`);
    return fill(template, slots, bank.locale);
  };
  const blocks: Block[] = [];
  plan.paragraphs.forEach((p, i) => {
    if (plan.headingBefore === i) {
      blocks.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: f(bank.headings[plan.heading]) }] });
    }
    blocks.push(paragraph(f(bank[p.kind][p.index])));
    if (plan.paywall && i === 2) blocks.push({ type: 'paywallBreak' });
    if (plan.pullQuote?.after === i) {
      blocks.push({
        type: 'pullQuote',
        attrs: { attribution: slots.person },
        content: [{ type: 'text', text: f(bank.pullQuotes[plan.pullQuote.index]) }],
      });
    }
    if (plan.statement?.after === i) {
      blocks.push(paragraph(f(bank.statementIntro)));
      blocks.push({ type: 'blockquote', content: [paragraph(f(bank.statements[plan.statement.index]))] });
    }
    if (plan.list?.after === i) {
      blocks.push(paragraph(f(bank.listIntro)));
      blocks.push({
        type: 'bulletList',
        content: plan.list.items.map((item) => ({
          type: 'listItem' as const,
          content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: f(bank.listItems[item]) }] }],
        })),
      });
    }
  });
  return { title: f(bank.titles[section][plan.title]), dek: f(bank.deks[plan.dek]), body: { type: 'doc', content: blocks } };
}
