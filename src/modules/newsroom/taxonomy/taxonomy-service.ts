import { z } from 'zod';
import { forbidden, invalidInput } from '../../../shared/errors.js';
import type { Clock } from '../../../shared/clock.js';
import type { ContentWriteRepository } from '../../content/index.js';
import { topicKindSchema, type TopicKind } from '../../content/index.js';
import type { Editions } from '../../editions/index.js';
import { slugify, slugProblem } from '../../editions/index.js';
import { can, type Actor } from '../permissions.js';

export interface LocalizedNames {
  id: string;
  names: { locale: string; name: string; slug: string }[];
}

export interface TaxonomyReads {
  sections(): Promise<LocalizedNames[]>;
  authors(): Promise<{ id: string; name: string; slug: string }[]>;
  topics(query: string, limit: number): Promise<(LocalizedNames & { kind: TopicKind })[]>;
  topicSlugTaken(locale: string, slug: string): Promise<boolean>;
}

export const newTopicSchema = z
  .object({
    kind: topicKindSchema,
    names: z
      .array(
        z
          .object({
            locale: z.string().min(2).max(16),
            name: z.string().trim().min(1).max(120),
            slug: z.string().min(1).max(120).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict();

/** Sections, authors and topics as the newsroom picks them: every name in every language. */
export class TaxonomyService {
  constructor(private readonly deps: { reads: TaxonomyReads; content: ContentWriteRepository; editions: Editions; clock: Clock }) {}

  sections() {
    return this.deps.reads.sections();
  }

  authors() {
    return this.deps.reads.authors();
  }

  topics(query: string) {
    return this.deps.reads.topics(query.trim().toLowerCase(), 50);
  }

  async createTopic(actor: Actor, input: z.infer<typeof newTopicSchema>) {
    if (!can(actor, 'taxonomy.edit')) throw forbidden('You may not create topics');
    const names = [];
    for (const n of input.names) {
      if (!this.deps.editions.has(n.locale)) throw invalidInput(`"${n.locale}" is not an edition`, { field: 'names.locale' });
      const problem = n.slug === undefined ? null : slugProblem(n.slug, n.locale);
      if (problem) throw invalidInput(`This slug cannot be used: ${problem}`, { field: 'names.slug', locale: n.locale, reason: problem });
      const base = n.slug ?? (slugify(n.name, n.locale) || 'topic');
      let slug = base;
      for (let i = 2; await this.deps.reads.topicSlugTaken(n.locale, slug); i++) slug = `${base}-${i}`;
      names.push({ locale: n.locale, name: n.name, slug });
    }
    const id = await this.deps.content.createTopic(input.kind, names, this.deps.clock.now());
    return { id, kind: input.kind, names };
  }
}
