/** An edition: the reader site in one interface language, under /{locale}/. */
export interface Edition {
  locale: string;
  /** Source locales whose stories this edition lists when it has no translation of them. */
  includes: readonly string[];
  siteName: string;
  /** The CLDR numbering system of its dates and numbers ("latn", "arab"…); absent: the language's default. */
  digits?: string;
}

/** The configured editions, with the default first consulted when nothing else matches. */
export class Editions {
  private readonly byLocale: Map<string, Edition>;

  constructor(
    readonly list: readonly Edition[],
    readonly defaultLocale: string,
  ) {
    this.byLocale = new Map(list.map((e) => [e.locale, e]));
    if (!this.byLocale.has(defaultLocale)) throw new Error(`default edition ${defaultLocale} is not configured`);
  }

  get(locale: string): Edition | undefined {
    return this.byLocale.get(locale);
  }

  get default(): Edition {
    return this.byLocale.get(this.defaultLocale) as Edition;
  }

  get locales(): string[] {
    return this.list.map((e) => e.locale);
  }

  has(locale: string): boolean {
    return this.byLocale.has(locale);
  }

  /** Content locales an edition can show, most preferred first. */
  contentLocales(edition: Edition): string[] {
    return [edition.locale, ...edition.includes.filter((l) => l !== edition.locale)];
  }

  /** A stable fingerprint: when it changes, the edition read model must be rebuilt. */
  fingerprint(): string {
    return JSON.stringify(this.list.map((e) => [e.locale, e.includes]));
  }
}
