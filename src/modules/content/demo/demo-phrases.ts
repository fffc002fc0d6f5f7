/**
 * Phrase banks: per-language templates the demo stories are composed from. Templates use slots
 * such as {place}, {in_place}, {theme}, {org}, {person}, {role}; a slot written with a capital
 * first letter ({Theme}) is capitalised. Inside paragraphs, `[[text]]` becomes an editor's insert
 * and `<<text>>` a link to https://example.org.
 */
import type { Inline } from '../document/index.js';
import type { SectionKey, StoryLocale } from './demo-world.js';

export const DEMO_LINK_HREF = 'https://example.org';

export interface PhraseBank {
  locale: StoryLocale;
  titles: Readonly<Record<SectionKey, readonly string[]>>;
  deks: readonly string[];
  openings: readonly string[];
  context: readonly string[];
  /** Paragraphs quoting {person}. */
  quotes: readonly string[];
  data: readonly string[];
  /** Paragraphs holding one `<<link>>`. */
  links: readonly string[];
  closings: readonly string[];
  headings: readonly string[];
  listIntro: string;
  listItems: readonly string[];
  /** The quotable line of each of `quotes`, in the same order, for a pull quote. */
  pullQuotes: readonly string[];
  /** Introduces a written statement by {org}, quoted in a blockquote. */
  statementIntro: string;
  statements: readonly string[];
}

export type Slots = Readonly<Record<string, string>>;

function capitalize(text: string, locale: string): string {
  const first = text.charAt(0);
  return first.toLocaleUpperCase(locale) + text.slice(1);
}

/** Fills every {slot}; an unknown slot is a bug in a phrase bank and throws. */
export function fill(template: string, slots: Slots, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const direct = slots[name];
    if (direct !== undefined) return direct;
    const lower = slots[name.charAt(0).toLowerCase() + name.slice(1)];
    if (lower !== undefined && name.charAt(0) !== name.charAt(0).toLowerCase()) return capitalize(lower, locale);
    throw new Error(`unknown slot {${name}} in demo template: ${template}`);
  });
}

const MARKUP = /\[\[(.+?)\]\]|<<(.+?)>>/g;

/** Filled template text to inline nodes: plain text, editor's inserts and links. */
export function toInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ type: 'text', text: text.slice(last, index) });
    if (match[1] !== undefined) out.push({ type: 'editorsInsert', attrs: { text: match[1] } });
    else if (match[2] !== undefined) {
      out.push({ type: 'text', text: match[2], marks: [{ type: 'link', attrs: { href: DEMO_LINK_HREF } }] });
    }
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
