/** The fixed part of the demo dataset: sections, topics, authors and the image pool. */
import type { LocalizedName } from '../content-repository.js';
import type { TopicKind } from '../content-types.js';
import { avatarDefs, leadImageDefs, type DemoImageDef } from './demo-images.js';
import { SlugRegistry } from './demo-slugs.js';
import { AUTHORS } from './demo-staff.js';
import { PEOPLE, THEMES } from './demo-themes-people.js';
import { ORGANIZATIONS, PLACES, SECTIONS, type Labels, type SectionKey } from './demo-world.js';

const NAME_LOCALES = ['en', 'tr', 'ar', 'fa'] as const;

export interface DemoSection {
  key: SectionKey;
  position: number;
  names: LocalizedName[];
}

export interface DemoTopic {
  key: string;
  kind: TopicKind;
  names: LocalizedName[];
}

export interface DemoAuthor {
  slug: string;
  name: string;
  /** Index into `avatars`. */
  avatar: number;
  bios: { locale: string; bio: string }[];
}

export interface DemoCatalog {
  sections: DemoSection[];
  /** Places, then people, organisations and themes (see `topicIndex`). */
  topics: DemoTopic[];
  authors: DemoAuthor[];
  leadImages: DemoImageDef[];
  avatars: DemoImageDef[];
}

/** Where each topic kind starts in `DemoCatalog.topics`. */
export const topicIndex = {
  place: (i: number) => i,
  person: (i: number) => PLACES.length + i,
  organization: (i: number) => PLACES.length + PEOPLE.length + i,
  theme: (i: number) => PLACES.length + PEOPLE.length + ORGANIZATIONS.length + i,
};

function localizedNames(labels: Labels, slugs: SlugRegistry): LocalizedName[] {
  const out: LocalizedName[] = [];
  for (const locale of NAME_LOCALES) {
    const name = labels[locale];
    if (name !== undefined) out.push({ locale, name, slug: slugs.take(name, locale) });
  }
  return out;
}

export function demoCatalog(): DemoCatalog {
  const sectionSlugs = new SlugRegistry('section');
  const sections = SECTIONS.map((s, position) => ({ key: s.key, position, names: localizedNames(s.labels, sectionSlugs) }));

  const topicSlugs = new SlugRegistry('topic');
  const topic =
    (kind: TopicKind) =>
    (def: { key: string; labels: Labels }): DemoTopic => ({
      key: def.key,
      kind,
      names: localizedNames(def.labels, topicSlugs),
    });
  const topics = [
    ...PLACES.map(topic('place')),
    ...PEOPLE.map(topic('person')),
    ...ORGANIZATIONS.map(topic('organization')),
    ...THEMES.map(topic('theme')),
  ];

  const authorSlugs = new SlugRegistry('author');
  const authors = AUTHORS.map((a, i) => ({
    slug: authorSlugs.take(a.name, 'en'),
    name: a.name,
    avatar: i,
    bios: NAME_LOCALES.flatMap((locale) => {
      const bio = a.bios[locale];
      return bio === undefined ? [] : [{ locale, bio }];
    }),
  }));

  return { sections, topics, authors, leadImages: leadImageDefs(), avatars: avatarDefs(AUTHORS.map((a) => a.name)) };
}
