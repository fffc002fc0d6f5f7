import { slugify } from '../../editions/index.js';

/** Room left for a "-123" suffix under the 80-character slug limit. */
const MAX_BASE_LENGTH = 72;

function shorten(slug: string): string {
  const chars = Array.from(slug);
  if (chars.length <= MAX_BASE_LENGTH) return slug;
  const head = chars.slice(0, MAX_BASE_LENGTH).join('');
  const cut = head.lastIndexOf('-');
  return cut > 0 ? head.slice(0, cut) : head;
}

/** Hands out slugs unique per locale: slugify, then "-2", "-3", … on collision. */
export class SlugRegistry {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  constructor(private readonly fallback: string) {}

  take(text: string, locale: string): string {
    const base = shorten(slugify(text, locale) || this.fallback);
    let slug = base;
    if (this.used.has(`${locale}\u0000${slug}`)) {
      const key = `${locale}\u0000${base}`;
      let n = this.nextSuffix.get(key) ?? 2;
      while (this.used.has(`${locale}\u0000${base}-${n}`)) n++;
      this.nextSuffix.set(key, n + 1);
      slug = `${base}-${n}`;
    }
    this.used.add(`${locale}\u0000${slug}`);
    return slug;
  }
}
