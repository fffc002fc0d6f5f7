/**
 * Accept-Language negotiation (RFC 9110 §12.5.4 with RFC 4647 "lookup"-style matching).
 *
 * Work is bounded: only the first MAX_HEADER_LENGTH characters and the first MAX_ENTRIES entries
 * of the header are considered, so a hostile header costs the same as a normal one.
 */
const MAX_HEADER_LENGTH = 1024;
const MAX_ENTRIES = 40;

const LANGUAGE_RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

interface Preference {
  readonly range: string;
  readonly q: number;
}

/** Parses a header into well-formed entries; malformed entries are dropped, not guessed at. */
function parseAcceptLanguage(header: string): Preference[] {
  const entries = header.slice(0, MAX_HEADER_LENGTH).split(',', MAX_ENTRIES);
  const preferences: Preference[] = [];
  for (const entry of entries) {
    const [rawRange = '', ...params] = entry.split(';');
    const range = rawRange.trim().toLowerCase().replaceAll('_', '-');
    if (!LANGUAGE_RANGE.test(range)) continue;
    let q = 1;
    let malformed = false;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=', 2).map((part) => part.trim());
      if (name.toLowerCase() !== 'q') continue;
      if (!QVALUE.test(value)) malformed = true;
      else q = Number(value);
      break;
    }
    if (!malformed) preferences.push({ range, q });
  }
  return preferences;
}

const primaryLanguage = (tag: string): string => tag.split('-', 1)[0] ?? tag;

/**
 * Loose match for a range with no exact match: the longest available tag the range starts with
 * (`fa-IR` → `fa`), else the first available tag in the same language (`pt` → `pt-BR`).
 */
function looseMatch(range: string, available: readonly string[], lower: readonly string[]): string | undefined {
  let prefix = range;
  for (let cut = prefix.lastIndexOf('-'); cut !== -1; cut = prefix.lastIndexOf('-')) {
    prefix = prefix.slice(0, cut);
    const index = lower.indexOf(prefix);
    if (index !== -1) return available[index];
  }
  const language = primaryLanguage(range);
  const index = lower.findIndex((tag) => primaryLanguage(tag) === language);
  return index === -1 ? undefined : available[index];
}

/**
 * Picks the available locale the reader prefers most. Highest q wins, ties go to header order;
 * `q=0` marks a locale as not acceptable; `*` accepts anything not excluded (preferring
 * `fallback`). Returns `fallback` when the header is absent or nothing acceptable is available.
 */
export function negotiateLocale(acceptLanguage: string | undefined, available: readonly string[], fallback: string): string {
  if (!acceptLanguage || available.length === 0) return fallback;
  const preferences = parseAcceptLanguage(acceptLanguage);
  const lower = available.map((tag) => tag.toLowerCase());

  // A refusal (q=0) excludes what it names exactly, and a bare language excludes its regions too.
  const excluded = new Set<string>();
  for (const { range, q } of preferences) {
    if (q !== 0 || range === '*') continue;
    lower.forEach((tag, i) => {
      if (tag === range || (!range.includes('-') && primaryLanguage(tag) === range)) {
        excluded.add(available[i] as string);
      }
    });
  }

  const acceptable = preferences.filter((p) => p.q > 0).sort((a, b) => b.q - a.q);
  for (const { range } of acceptable) {
    if (range === '*') {
      if (available.includes(fallback) && !excluded.has(fallback)) return fallback;
      const any = available.find((tag) => !excluded.has(tag));
      if (any !== undefined) return any;
      continue;
    }
    const exact = lower.indexOf(range);
    if (exact !== -1) return available[exact] as string;
    const match = looseMatch(range, available, lower);
    if (match !== undefined && !excluded.has(match)) return match;
  }
  return fallback;
}
