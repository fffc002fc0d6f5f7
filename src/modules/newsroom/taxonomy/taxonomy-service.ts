import { z } from 'zod';
import { conflict, forbidden, invalidInput, notFound } from '../../../shared/errors.js';
import type { Clock } from '../../../shared/clock.js';
import type { LocalizedName } from '../../content/index.js';
import { topicKindSchema, type TopicKind } from '../../content/index.js';
import type { Editions } from '../../editions/index.js';
import { slugify, slugProblem } from '../../editions/index.js';
import { can, type Action, type Actor } from '../permissions.js';
import type { AuditLog } from '../staff/index.js';

export interface LocalizedNames {
  id: string;
  names: { locale: string; name: string; slug: string }[];
}

export type TaxonomyEntity = 'author' | 'section' | 'topic';

export interface AuthorRecord {
  id: string;
  name: string;
  slug: string;
  photoImageId: string | null;
  staffId: string | null;
  bios: { locale: string; bio: string }[];
}

export interface TaxonomyReads {
  sections(): Promise<(LocalizedNames & { position: number })[]>;
  authors(): Promise<AuthorRecord[]>;
  author(id: string): Promise<AuthorRecord | null>;
  section(id: string): Promise<(LocalizedNames & { position: number }) | null>;
  topic(id: string): Promise<(LocalizedNames & { kind: TopicKind }) | null>;
  topics(query: string, limit: number): Promise<(LocalizedNames & { kind: TopicKind })[]>;
  /** Whether `slug` names another entity than `exceptId` (authors: one slug for every locale). */
  slugTaken(entity: TaxonomyEntity, locale: string, slug: string, exceptId: string | null): Promise<boolean>;
  staffExists(id: string): Promise<boolean>;
  imageExists(id: string): Promise<boolean>;
}

/**
 * Runs inside the write's transaction (the audit entry), so the change and its record commit
 * together; `id` is the entity's (a new one's too).
 */
export type InTransaction = (tx: unknown, id: string) => Promise<void>;

/** An author as written: one byline and slug, a photo, a linked staff account, bios per locale. */
export interface AuthorFields {
  name: string;
  slug: string;
  avatarImageId: string | null;
  staffId: string | null;
  bios: { locale: string; bio: string }[];
}

/** What an author update changes; a null bio removes that locale's. */
export type AuthorChange = Partial<Omit<AuthorFields, 'bios'>> & { bios: { locale: string; bio: string | null }[] };

/** The newsroom's writes of authors, sections and topics; each records the reader pages it changes. */
export interface TaxonomyWrites {
  createAuthor(input: AuthorFields, now: Date, inTx: InTransaction): Promise<string>;
  /** `oldSlugLocales`: where a changed slug keeps answering. */
  updateAuthor(id: string, change: AuthorChange, oldSlugLocales: readonly string[], now: Date, inTx: InTransaction): Promise<void>;
  /** Deletes unless stories use it: then nothing changes and the answer is how many do. */
  deleteAuthor(id: string, inTx: InTransaction): Promise<{ usedBy: number }>;
  createSection(names: LocalizedName[], position: number | null, now: Date, inTx: InTransaction): Promise<string>;
  /** `position`: the section's place (from 0) in the navigation; the others move to make room. */
  updateSection(id: string, names: LocalizedName[], position: number | null, now: Date, inTx: InTransaction): Promise<void>;
  deleteSection(id: string, inTx: InTransaction): Promise<{ usedBy: number }>;
  createTopic(kind: TopicKind, names: LocalizedName[], now: Date, inTx: InTransaction): Promise<string>;
  updateTopic(id: string, kind: TopicKind | null, names: LocalizedName[], now: Date, inTx: InTransaction): Promise<void>;
}

/** Audit entries of taxonomy changes, in the change's transaction. */
export type TaxonomyAudit = Pick<AuditLog, 'recordIn'>;

const locale = z.string().min(2).max(16);
const name = z.string().trim().min(1).max(120);
const slug = z.string().min(1).max(120);
const id = z.string().min(1).max(64);

const nameEntry = z.object({ locale, name, slug: slug.optional() }).strict();
const names = z.array(nameEntry).min(1).max(20);

export const newTopicSchema = z.object({ kind: topicKindSchema, names }).strict();
export const topicChangeSchema = z.object({ kind: topicKindSchema.optional(), names: names.optional() }).strict();

export const newSectionSchema = z.object({ names, position: z.number().int().min(0).max(1000).optional() }).strict();
export const sectionChangeSchema = z.object({ names: names.optional(), position: z.number().int().min(0).max(1000).optional() }).strict();

const authorName = z.object({ locale, name, slug: slug.optional(), bio: z.string().trim().max(2000).optional() }).strict();
export const newAuthorSchema = z
  .object({ names: z.array(authorName).min(1).max(20), photoImageId: id.nullable().optional(), staffId: id.nullable().optional() })
  .strict();
export const authorChangeSchema = z
  .object({
    names: z.array(authorName).min(1).max(20).optional(),
    photoImageId: id.nullable().optional(),
    staffId: id.nullable().optional(),
  })
  .strict();

type NameInput = { locale: string; name: string; slug?: string | undefined };

/**
 * Sections, authors and topics: the editor's pickers, and managing them. Who may do what is the
 * permission matrix's: `taxonomy.edit` creates topics (writers too), `taxonomy.manage` creates,
 * renames, reorders and deletes authors and sections and renames topics (editors, admins). Every
 * change is audited in its own transaction; a changed slug keeps answering with a 301.
 */
export class TaxonomyService {
  constructor(
    private readonly deps: {
      reads: TaxonomyReads;
      writes: TaxonomyWrites;
      editions: Editions;
      clock: Clock;
      audit?: TaxonomyAudit;
    },
  ) {}

  sections() {
    return this.deps.reads.sections();
  }

  /** Every author; the one linked to the signed-in person first (a writer's own byline). */
  async authors(actor?: Actor) {
    const all = await this.deps.reads.authors();
    if (!actor) return all;
    const own = all.filter((a) => a.staffId !== null && a.staffId === actor.staffId);
    return [...own, ...all.filter((a) => !own.includes(a))];
  }

  topics(query: string) {
    return this.deps.reads.topics(query.trim().toLowerCase(), 50);
  }

  async createTopic(actor: Actor, input: z.infer<typeof newTopicSchema>) {
    this.require(actor, 'taxonomy.edit', 'You may not create topics');
    const resolved = await this.resolveNames('topic', input.names, null);
    const id = await this.deps.writes.createTopic(input.kind, resolved, this.now(), (tx, created) =>
      this.audit(tx, actor, 'topic.create', 'topic', created, { kind: input.kind, names: resolved }),
    );
    return { id, kind: input.kind, names: resolved };
  }

  async updateTopic(actor: Actor, topicId: string, input: z.infer<typeof topicChangeSchema>) {
    this.require(actor, 'taxonomy.manage', 'You may not rename topics');
    const current = await this.deps.reads.topic(topicId);
    if (!current) throw notFound('No such topic');
    const resolved = input.names ? await this.resolveNames('topic', input.names, current) : [];
    await this.deps.writes.updateTopic(topicId, input.kind ?? null, resolved, this.now(), (tx) =>
      this.audit(tx, actor, 'topic.update', 'topic', topicId, { before: current.names, names: resolved, kind: input.kind }),
    );
    return (await this.deps.reads.topic(topicId))!;
  }

  async createSection(actor: Actor, input: z.infer<typeof newSectionSchema>) {
    this.require(actor, 'taxonomy.manage', 'You may not create sections');
    const resolved = await this.resolveNames('section', input.names, null);
    const created = await this.deps.writes.createSection(resolved, input.position ?? null, this.now(), (tx, newSection) =>
      this.audit(tx, actor, 'section.create', 'section', newSection, { names: resolved, position: input.position ?? null }),
    );
    return (await this.deps.reads.section(created))!;
  }

  async updateSection(actor: Actor, sectionId: string, input: z.infer<typeof sectionChangeSchema>) {
    this.require(actor, 'taxonomy.manage', 'You may not change sections');
    const current = await this.deps.reads.section(sectionId);
    if (!current) throw notFound('No such section');
    const resolved = input.names ? await this.resolveNames('section', input.names, current) : [];
    await this.deps.writes.updateSection(sectionId, resolved, input.position ?? null, this.now(), (tx) =>
      this.audit(tx, actor, 'section.update', 'section', sectionId, {
        before: current.names,
        names: resolved,
        position: input.position ?? null,
      }),
    );
    return (await this.deps.reads.section(sectionId))!;
  }

  async deleteSection(actor: Actor, sectionId: string) {
    this.require(actor, 'taxonomy.manage', 'You may not delete sections');
    const current = await this.deps.reads.section(sectionId);
    if (!current) throw notFound('No such section');
    const { usedBy } = await this.deps.writes.deleteSection(sectionId, (tx) =>
      this.audit(tx, actor, 'section.delete', 'section', sectionId, { names: current.names }),
    );
    if (usedBy > 0) {
      throw conflict(`${usedBy} ${usedBy === 1 ? 'story is' : 'stories are'} in this section: move them to another section first`, {
        reason: 'in_use',
        stories: usedBy,
      });
    }
  }

  async createAuthor(actor: Actor, input: z.infer<typeof newAuthorSchema>) {
    this.require(actor, 'taxonomy.manage', 'You may not create authors');
    const byline = await this.authorByline(input.names, null);
    await this.checkLinks(input);
    const bios = input.names.flatMap((n) => (n.bio ? [{ locale: n.locale, bio: n.bio }] : []));
    const created = await this.deps.writes.createAuthor(
      { ...byline, avatarImageId: input.photoImageId ?? null, staffId: input.staffId ?? null, bios },
      this.now(),
      (tx, newAuthor) => this.audit(tx, actor, 'author.create', 'author', newAuthor, { ...byline, staffId: input.staffId ?? null }),
    );
    return (await this.deps.reads.author(created))!;
  }

  async updateAuthor(actor: Actor, authorId: string, input: z.infer<typeof authorChangeSchema>) {
    this.require(actor, 'taxonomy.manage', 'You may not change authors');
    const current = await this.deps.reads.author(authorId);
    if (!current) throw notFound('No such author');
    await this.checkLinks(input);
    const byline = input.names ? await this.authorByline(input.names, current) : null;
    // A bio left out of a name entry stays; an empty one is removed.
    const bios = (input.names ?? []).flatMap((n) => (n.bio === undefined ? [] : [{ locale: n.locale, bio: n.bio || null }]));
    await this.deps.writes.updateAuthor(
      authorId,
      {
        ...byline,
        ...(input.photoImageId !== undefined ? { avatarImageId: input.photoImageId } : {}),
        ...(input.staffId !== undefined ? { staffId: input.staffId } : {}),
        bios,
      },
      this.deps.editions.locales,
      this.now(),
      (tx) =>
        this.audit(tx, actor, 'author.update', 'author', authorId, {
          before: { name: current.name, slug: current.slug },
          ...byline,
          ...(input.staffId !== undefined ? { staffId: input.staffId } : {}),
        }),
    );
    return (await this.deps.reads.author(authorId))!;
  }

  async deleteAuthor(actor: Actor, authorId: string) {
    this.require(actor, 'taxonomy.manage', 'You may not delete authors');
    const current = await this.deps.reads.author(authorId);
    if (!current) throw notFound('No such author');
    const { usedBy } = await this.deps.writes.deleteAuthor(authorId, (tx) =>
      this.audit(tx, actor, 'author.delete', 'author', authorId, { name: current.name, slug: current.slug }),
    );
    if (usedBy > 0) {
      throw conflict(
        `${current.name} is the author of ${usedBy} ${usedBy === 1 ? 'story' : 'stories'}: remove the byline from them first`,
        {
          reason: 'in_use',
          stories: usedBy,
        },
      );
    }
  }

  private require(actor: Actor, action: Action, message: string) {
    if (!can(actor, action)) throw forbidden(message);
  }

  private now() {
    return this.deps.clock.now();
  }

  private async audit(
    tx: unknown,
    actor: Actor,
    action: string,
    kind: TaxonomyEntity,
    subjectId: string,
    details: Record<string, unknown>,
  ) {
    await this.deps.audit?.recordIn(tx, actor, action, { kind, id: subjectId }, details);
  }

  /**
   * An author has one byline and one slug in every edition (a person's name is not translated): the
   * name given for the default edition, or the first given. Bios are per locale.
   */
  private async authorByline(entries: readonly NameInput[], current: AuthorRecord | null) {
    for (const n of entries) this.checkLocale(n.locale);
    const main = entries.find((n) => n.locale === this.deps.editions.defaultLocale) ?? entries[0]!;
    const [resolved] = await this.resolveNames(
      'author',
      [main],
      current ? { id: current.id, names: [{ ...main, slug: current.slug }] } : null,
    );
    return { name: resolved!.name, slug: resolved!.slug };
  }

  private async checkLinks(input: { photoImageId?: string | null | undefined; staffId?: string | null | undefined }) {
    if (input.photoImageId && !(await this.deps.reads.imageExists(input.photoImageId))) {
      throw invalidInput('No such image in the media library', { field: 'photoImageId' });
    }
    if (input.staffId && !(await this.deps.reads.staffExists(input.staffId))) {
      throw invalidInput('No such staff account', { field: 'staffId' });
    }
  }

  private checkLocale(code: string) {
    if (!this.deps.editions.has(code)) throw invalidInput(`"${code}" is not an edition`, { field: 'names.locale' });
  }

  /**
   * Names with their slugs: a given slug must be valid and free (409 otherwise); a missing one is
   * the current slug when renaming, or made from the name, numbered until free.
   */
  private async resolveNames(entity: TaxonomyEntity, entries: readonly NameInput[], current: LocalizedNames | null) {
    const out: LocalizedName[] = [];
    const seen = new Set<string>();
    for (const n of entries) {
      this.checkLocale(n.locale);
      if (seen.has(n.locale)) throw invalidInput(`"${n.locale}" is named twice`, { field: 'names.locale' });
      seen.add(n.locale);
      const ownId = current?.id ?? null;
      if (n.slug !== undefined) {
        const problem = slugProblem(n.slug, n.locale);
        if (problem) throw invalidInput(`This slug cannot be used: ${problem}`, { field: 'names.slug', locale: n.locale, reason: problem });
        if (await this.deps.reads.slugTaken(entity, n.locale, n.slug, ownId)) {
          throw conflict(`The slug "${n.slug}" is already used`, { field: 'names.slug', locale: n.locale, reason: 'slug_taken' });
        }
        out.push({ locale: n.locale, name: n.name, slug: n.slug });
        continue;
      }
      const kept = current?.names.find((c) => c.locale === n.locale)?.slug;
      if (kept) {
        out.push({ locale: n.locale, name: n.name, slug: kept });
        continue;
      }
      const base = slugify(n.name, n.locale) || entity;
      let candidate = base;
      for (let i = 2; await this.deps.reads.slugTaken(entity, n.locale, candidate, ownId); i++) candidate = `${base}-${i}`;
      out.push({ locale: n.locale, name: n.name, slug: candidate });
    }
    return out;
  }
}
