import { AppError, conflict, forbidden, invalidInput, notFound } from '../../../shared/errors.js';
import type { Clock } from '../../../shared/clock.js';
import { newId } from '../../../shared/ids.js';
import type { AccessLevel, StoryStatus } from '../../content/index.js';
import { assertValidDocument, plainText, readingMinutes, type StoryDocument } from '../../content/document/index.js';
import type { Editions } from '../../editions/index.js';
import { slugify, slugProblem } from '../../editions/index.js';
import { can, mayEditFields, type Actor } from '../permissions.js';
import type {
  EditorialReads,
  EditorialRepository,
  InTransaction,
  RevisionPolicy,
  StoryChanges,
  TextChanges,
  WriteContext,
} from './editorial-repository.js';
import type {
  CorrectionInput,
  CreateStoryInput,
  ListQuery,
  NewTranslationInput,
  RevisionsQuery,
  RevisionSummary,
  TransitionInput,
  TranslationInput,
  TranslationRecord,
  UpdateTranslationInput,
} from './editorial-types.js';
import { changedStoryFields, storyChanges, storySubjectOf, subjectOf } from './story-fields.js';
import { diffText, type DiffPart } from './text-diff.js';
import { checkMove, mayEdit, mayRead } from './workflow.js';

/** Queues and cancels the job that publishes a scheduled story at its time, inside the write's transaction. */
export interface PublishScheduler {
  schedule(tx: unknown, translationId: string, runAt: Date): Promise<void>;
  /** Cancels the job queued for that translation and time (scheduled stories carry their time). */
  cancel(tx: unknown, translationId: string, runAt: Date): Promise<void>;
}

/**
 * Records who published, unpublished, scheduled, corrected or changed a story's access (the audit
 * log), inside the write's own transaction (`tx`), so no change commits without its entry.
 */
export interface EditorialAudit {
  recordIn(
    tx: unknown,
    actor: Actor,
    action: string,
    subject: { kind: string; id: string },
    details: Record<string, unknown>,
  ): Promise<void>;
}

export interface EditorialDeps {
  repo: EditorialRepository;
  reads: EditorialReads;
  editions: Editions;
  clock: Clock;
  scheduler?: PublishScheduler;
  audit?: EditorialAudit;
}

export const ADMIN_PAGE_SIZE = 25;
/** Autosaves by one person coalesce into one revision for at most this long (one per window). */
export const AUTOSAVE_WINDOW_MS = 10 * 60 * 1000;
const REFERENCE_NAMES: Record<string, string> = { sectionId: 'section', topicIds: 'topic', authorIds: 'author', leadImageId: 'image' };
/** How deep the story list pages (1,000 stories): its count stops there too, so a page costs the same at any archive size. */
export const ADMIN_MAX_PAGES = 40;
const EMPTY_DOC: StoryDocument = { type: 'doc', content: [] };
/** The workflow moves the audit log records, by the status moved to. */
const AUDITED_MOVES: Partial<Record<StoryStatus, string>> = {
  scheduled: 'story.schedule',
  published: 'story.publish',
  unpublished: 'story.unpublish',
};

/**
 * The newsroom's editorial use cases. Each checks permission with the one matrix (permissions.ts)
 * and the workflow rules (workflow.ts), validates the document, and writes through the repository,
 * which refuses stale versions: nothing is ever overwritten silently.
 */
export class EditorialService {
  constructor(private readonly deps: EditorialDeps) {}

  private ctx(actor: Actor | null): WriteContext {
    return { staffId: actor?.staffId ?? null, now: this.deps.clock.now(), editions: this.deps.editions.list };
  }

  private async load(actor: Actor, id: string): Promise<TranslationRecord> {
    const translation = await this.deps.reads.translation(id);
    if (!translation || !mayRead(actor, subjectOf(translation))) throw notFound('No such story', { translationId: id });
    return translation;
  }

  private assertLocale(locale: string) {
    if (!this.deps.editions.has(locale)) {
      throw invalidInput(`"${locale}" is not an edition of this site`, { field: 'locale', editions: this.deps.editions.locales });
    }
  }

  /** A slug for this locale: the one asked for (refused if taken), or one made from the title. */
  private async slugFor(locale: string, title: string, asked: string | undefined, current: TranslationRecord | null): Promise<string> {
    const { reads } = this.deps;
    if (asked !== undefined) {
      const problem = slugProblem(asked, locale);
      if (problem) throw invalidInput(`This slug cannot be used: ${problem}`, { field: 'slug', reason: problem });
      if (await reads.slugTaken(locale, asked, current?.id ?? null)) {
        throw conflict('Another story in this language already uses this slug', { field: 'slug', slug: asked });
      }
      return asked;
    }
    const everPublished = current !== null && current.publishedAt !== null && current.status !== 'draft' && current.status !== 'in_review';
    if (current && everPublished) return current.slug;
    const base = slugify(title, locale) || `story-${newId().slice(-8)}`;
    let candidate = base;
    for (let n = 2; await reads.slugTaken(locale, candidate, current?.id ?? null); n++) candidate = `${base}-${n}`;
    return candidate;
  }

  private async text(locale: string, input: TranslationInput, current: TranslationRecord | null): Promise<TextChanges> {
    const body = assertValidDocument(input.body ?? EMPTY_DOC);
    return {
      title: input.title,
      dek: input.dek,
      body,
      slug: await this.slugFor(locale, input.title, input.slug, current),
      readingMinutes: readingMinutes(body),
      seoTitle: input.seoTitle ?? current?.seoTitle ?? null,
      seoDescription: input.seoDescription ?? current?.seoDescription ?? null,
    };
  }

  /** The story-wide changes, once every section, topic, author and image they name exists (else 400 naming the field). */
  private async references(changes: StoryChanges): Promise<StoryChanges> {
    const [missing] = await this.deps.reads.missingReferences(changes);
    if (missing) throw invalidInput(`No such ${REFERENCE_NAMES[missing.field] ?? missing.field}: ${missing.ids.join(', ')}`, missing);
    return changes;
  }

  async createStory(actor: Actor, input: CreateStoryInput): Promise<TranslationRecord> {
    if (!can(actor, 'story.create')) throw forbidden('You may not start stories');
    this.assertLocale(input.locale);
    const text = await this.text(input.locale, input, null);
    const level = input.accessLevel;
    const id = await this.deps.repo.createStory(
      { locale: input.locale, text, story: await this.references(storyChanges(input)) },
      this.ctx(actor),
      level !== undefined && level !== 'public' ? (tx, created) => this.auditAccess(tx, actor, created, null, level) : undefined,
    );
    return this.load(actor, id);
  }

  get(actor: Actor, id: string): Promise<TranslationRecord> {
    return this.load(actor, id);
  }

  /** The original language version of a story, which translations start from. */
  async originalOf(actor: Actor, storyId: string): Promise<TranslationRecord> {
    const originalId = await this.deps.reads.originalTranslationId(storyId);
    if (!originalId) throw notFound('No such story', { storyId });
    return this.load(actor, originalId);
  }

  async update(actor: Actor, id: string, input: UpdateTranslationInput): Promise<TranslationRecord> {
    return this.save(actor, id, input, input.autosave ? 'autosave' : 'save');
  }

  /**
   * One text save. Every explicit save and restore adds a revision; an autosave replaces the
   * saver's own latest autosave revision begun within AUTOSAVE_WINDOW_MS if nothing was written
   * since (no one else's save, no workflow step), so the history grows with editing sessions, not
   * keystrokes.
   */
  private async save(actor: Actor, id: string, input: UpdateTranslationInput, kind: RevisionPolicy['kind']): Promise<TranslationRecord> {
    const current = await this.load(actor, id);
    if (!mayEdit(actor, subjectOf(current)))
      throw forbidden('You may not edit this story in its current state', { status: current.status });
    const story = changedStoryFields(input, current);
    const storyFields = Object.keys(story);
    if (storyFields.length > 0 && !mayEditFields(actor, 'story', storySubjectOf(current))) {
      throw forbidden(`You may not change the story-wide ${storyFields.join(', ')} from here; only the story's editors can`, {
        reason: 'story_fields',
        fields: storyFields,
      });
    }
    if (input.version !== current.version) throw staleVersion(current);
    // A save carrying story-wide settings read at an older story version would undo whatever changed
    // them since (through another language version): refused, like a stale text version.
    const storyVersion = input.storyVersion !== undefined && Object.keys(storyChanges(input)).length > 0 ? input.storyVersion : null;
    if (storyVersion !== null && storyVersion !== current.story.version) throw staleStory(current);
    const text = await this.text(current.locale, input, current);
    const everPublished =
      current.publishedAt !== null &&
      (current.status === 'published' || current.status === 'unpublished' || current.status === 'scheduled');
    const level = story.accessLevel;
    const saved = await this.deps.repo.saveTranslation(
      id,
      input.version,
      text,
      await this.references(story),
      {
        ...this.ctx(actor),
        recordOldSlug: everPublished,
        expectedStoryVersion: storyVersion,
        revision: { kind, coalesceSince: kind === 'autosave' ? new Date(this.deps.clock.now().getTime() - AUTOSAVE_WINDOW_MS) : null },
      },
      level !== undefined
        ? (tx) => this.auditAccess(tx, actor, { storyId: current.storyId, translationId: id }, current.story.accessLevel, level)
        : undefined,
    );
    if (!saved) {
      const now = await this.load(actor, id);
      throw now.version !== input.version ? staleVersion(now) : staleStory(now);
    }
    return this.load(actor, id);
  }

  /** Every change of a story's access level is on the record (who, from, to), in the change's transaction. */
  private async auditAccess(
    tx: unknown,
    actor: Actor,
    story: { storyId: string; translationId: string },
    from: AccessLevel | null,
    to: AccessLevel,
  ): Promise<void> {
    await this.deps.audit?.recordIn(
      tx,
      actor,
      'story.accessChange',
      { kind: 'story', id: story.storyId },
      { from, to, translationId: story.translationId },
    );
  }

  async transition(actor: Actor, id: string, input: TransitionInput): Promise<TranslationRecord> {
    const current = await this.load(actor, id);
    if (input.version !== undefined && input.version !== current.version) throw staleVersion(current);
    const move = checkMove(actor, subjectOf(current), input.to);
    if (!move.ok) {
      throw move.reason === 'no_such_move'
        ? conflict(`A story that is ${current.status} cannot become ${input.to}`, { from: current.status, to: input.to })
        : forbidden(`You may not move this story to ${input.to}`, { from: current.status, to: input.to });
    }
    const now = this.deps.clock.now();
    let publishedAt = current.publishedAt;
    let queueing: InTransaction | undefined;
    const { scheduler, audit } = this.deps;
    if (input.to === 'scheduled') {
      if (!input.publishAt) throw invalidInput('A scheduled story needs a publication time', { field: 'publishAt' });
      const at = new Date(input.publishAt);
      if (at.getTime() <= now.getTime()) throw invalidInput('The publication time must be in the future', { field: 'publishAt' });
      if (current.title.trim() === '') throw invalidInput('A story needs a headline before it is scheduled', { field: 'title' });
      publishedAt = at.toISOString();
      if (scheduler) queueing = (tx) => scheduler.schedule(tx, id, at);
    } else if (input.to === 'published') {
      if (current.title.trim() === '') throw invalidInput('A story needs a headline before it is published', { field: 'title' });
      // A republished story keeps its first date (and so its URL); anything else is published now.
      publishedAt = current.status === 'unpublished' && publishedAt ? publishedAt : now.toISOString();
      const queuedFor = current.publishedAt;
      if (scheduler && current.status === 'scheduled' && queuedFor) queueing = (tx) => scheduler.cancel(tx, id, new Date(queuedFor));
    } else if (input.to === 'draft' && current.status === 'scheduled') {
      const queuedFor = current.publishedAt;
      publishedAt = null;
      if (scheduler && queuedFor) queueing = (tx) => scheduler.cancel(tx, id, new Date(queuedFor));
    }
    const action = AUDITED_MOVES[input.to];
    const details = { locale: current.locale, title: current.title, ...(input.to === 'scheduled' && { publishAt: publishedAt }) };
    const done = await this.deps.repo.setStatus(id, current.version, { status: input.to, publishedAt }, this.ctx(actor), async (tx) => {
      await queueing?.(tx);
      if (action) await audit?.recordIn(tx, actor, action, { kind: 'translation', id }, details);
    });
    if (!done) throw staleVersion(await this.load(actor, id));
    return this.load(actor, id);
  }

  /**
   * The scheduled-publishing job: publishes the translation if it is still scheduled for that time.
   * Idempotent: a second run, a rescheduled or an unscheduled story changes nothing.
   */
  async publishScheduled(translationId: string, scheduledFor: string): Promise<'published' | 'skipped'> {
    const current = await this.deps.reads.translation(translationId);
    if (!current || current.status !== 'scheduled' || current.publishedAt !== scheduledFor) return 'skipped';
    if (new Date(scheduledFor).getTime() > this.deps.clock.now().getTime()) return 'skipped';
    const done = await this.deps.repo.setStatus(
      translationId,
      current.version,
      { status: 'published', publishedAt: scheduledFor },
      this.ctx(null),
    );
    return done ? 'published' : 'skipped';
  }

  /** A page of the history, newest first (metadata only); `nextBefore` asks for the next page. */
  async revisions(actor: Actor, id: string, query: RevisionsQuery): Promise<{ items: RevisionSummary[]; nextBefore: number | null }> {
    await this.load(actor, id);
    const items = await this.deps.reads.revisions(id, { before: query.before, limit: query.limit + 1 });
    const more = items.length > query.limit;
    const page = more ? items.slice(0, query.limit) : items;
    return { items: page, nextBefore: more ? (page[page.length - 1]?.version ?? null) : null };
  }

  async diff(actor: Actor, id: string, revisionId: string): Promise<{ title: DiffPart[]; dek: DiffPart[]; body: DiffPart[] }> {
    const current = await this.load(actor, id);
    const revision = await this.deps.reads.revision(id, { id: revisionId });
    if (!revision) throw notFound('No such revision', { revisionId });
    return {
      title: diffText(revision.title, current.title),
      dek: diffText(revision.dek, current.dek),
      body: diffText(plainText(revision.body.content), plainText(current.body.content)),
    };
  }

  async restore(actor: Actor, id: string, revisionId: string, version: number): Promise<TranslationRecord> {
    const current = await this.load(actor, id);
    const revision = await this.deps.reads.revision(id, { id: revisionId });
    if (!revision) throw notFound('No such revision', { revisionId });
    return this.save(
      actor,
      id,
      {
        title: revision.title,
        dek: revision.dek,
        body: revision.body,
        version,
        ...(current.status === 'draft' || current.status === 'in_review' ? { slug: revision.slug } : {}),
      },
      'restore',
    );
  }

  async addCorrection(actor: Actor, id: string, input: CorrectionInput) {
    const current = await this.load(actor, id);
    if (!can(actor, 'story.correct')) throw forbidden('Only editors may append corrections');
    if (current.status !== 'published') throw conflict('Corrections are added to published stories', { status: current.status });
    const { audit } = this.deps;
    return this.deps.repo.addCorrection(id, input.kind, input.text, this.ctx(actor), async (tx) => {
      await audit?.recordIn(tx, actor, 'story.correct', { kind: 'translation', id }, { kind: input.kind });
    });
  }

  corrections(id: string) {
    return this.deps.reads.corrections(id);
  }

  async startTranslation(actor: Actor, sourceId: string, input: NewTranslationInput): Promise<TranslationRecord> {
    const source = await this.load(actor, sourceId);
    this.assertLocale(input.locale);
    if (!can(actor, 'translation.create', { locale: input.locale })) throw forbidden(`You may not translate into ${input.locale}`);
    if (source.siblings.some((s) => s.locale === input.locale)) {
      throw conflict(`This story already has a ${input.locale} version`, { locale: input.locale });
    }
    const id = await this.deps.repo.createTranslation(
      {
        storyId: source.storyId,
        locale: input.locale,
        provenance: input.provenance,
        provenanceCredit: input.provenanceCredit ?? null,
        translatedFrom: source.locale,
        sourceVersion: source.version,
        slug: `untitled-${newId().slice(-10)}`,
      },
      this.ctx(actor),
    );
    return this.load(actor, id);
  }

  /** What changed in the source since this translation was last synced (empty when in step). */
  async sourceChanges(actor: Actor, id: string) {
    const translation = await this.load(actor, id);
    const source = sourceOf(translation);
    if (!source || translation.syncedSourceVersion === null)
      return { sourceUpdated: false, sourceVersion: null, title: [], dek: [], body: [] };
    const [then, now] = await Promise.all([
      this.deps.reads.revision(source.id, { version: translation.syncedSourceVersion }),
      this.deps.reads.revision(source.id, { version: source.version }),
    ]);
    if (!then || !now) return { sourceUpdated: false, sourceVersion: source.version, title: [], dek: [], body: [] };
    return {
      // Text saves make revisions; status changes do not, so compare the revisions, not the versions.
      sourceUpdated: now.version > then.version,
      sourceVersion: source.version,
      title: diffText(then.title, now.title),
      dek: diffText(then.dek, now.dek),
      body: diffText(plainText(then.body.content), plainText(now.body.content)),
    };
  }

  async markSynced(actor: Actor, id: string, version: number): Promise<TranslationRecord> {
    const translation = await this.load(actor, id);
    if (!can(actor, 'translation.markSynced', { locale: translation.locale })) throw forbidden('You may not mark this translation synced');
    const source = sourceOf(translation);
    if (!source) throw conflict('This is the original; it has no source to sync with');
    if (!(await this.deps.repo.markSynced(id, version, source.version, this.ctx(actor)))) throw staleVersion(await this.load(actor, id));
    return this.load(actor, id);
  }

  async desk(actor: Actor, locale: string) {
    this.assertLocale(locale);
    if (!can(actor, 'translation.edit', { locale }) && !can(actor, 'story.editAny')) throw forbidden(`You do not translate into ${locale}`);
    const sources = this.deps.editions.locales.filter((l) => l !== locale);
    return this.deps.reads.desk(locale, sources, 200);
  }

  async list(actor: Actor, query: ListQuery) {
    const everything = can(actor, 'story.readAll') || can(actor, 'story.editAny');
    const countCap = ADMIN_MAX_PAGES * ADMIN_PAGE_SIZE + 1;
    const { items, total, capped } = await this.deps.reads.list(query, ADMIN_PAGE_SIZE, everything ? null : actor.staffId, countCap);
    // Capped: "at least" the deepest page's worth, so the pages end where the list does.
    return { items, total: capped ? countCap - 1 : total, capped, page: query.page, pageSize: ADMIN_PAGE_SIZE };
  }

  async calendar(actor: Actor, from: string, to: string) {
    if (!can(actor, 'story.readAll') && !can(actor, 'story.editAny')) throw forbidden('The calendar is for editors');
    return this.deps.reads.scheduledBetween(from, to);
  }
}

function sourceOf(translation: TranslationRecord) {
  if (translation.isOriginal || !translation.translatedFrom) return null;
  return translation.siblings.find((s) => s.locale === translation.translatedFrom) ?? null;
}

/** The story-wide settings changed since the client read them (no `field`: the admin app offers a reload). */
function staleStory(current: TranslationRecord): AppError {
  return conflict(
    "Someone else changed this story's settings (access, section, image, authors or topics) since you opened it; reload to see them",
    {
      reason: 'story_changed',
      storyVersion: current.story.version,
    },
  );
}

function staleVersion(current: TranslationRecord): AppError {
  return conflict('Someone else saved this story since you opened it; reload to see their version', {
    currentVersion: current.version,
    updatedAt: current.updatedAt,
  });
}
