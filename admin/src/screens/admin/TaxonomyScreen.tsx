import { useState, type FormEvent } from 'react';
import { staffApi, taxonomyApi, type NameInput } from '../../api/endpoints';
import type { TaxonomyItem, TopicKind } from '../../api/types';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../app/taxonomy';
import { MediaLibrary } from '../media/MediaLibrary';
import { useAsync } from '../../util/use-async';
import { useAction } from '../../util/use-action';
import { nameOf } from '../../util/names';

type Kind = 'section' | 'author' | 'topic';
type Draft = Record<string, { name: string; slug: string; bio: string }>;

/** The item's names per locale as the form edits them (a name, its slug, an author's bio). */
function draftOf(item: TaxonomyItem | null, locales: readonly string[]): Draft {
  const draft: Draft = {};
  for (const locale of locales) {
    const named = Array.isArray(item?.names) ? item.names.find((n) => n.locale === locale) : undefined;
    const bio = item?.bios?.find((b) => b.locale === locale)?.bio ?? '';
    draft[locale] = { name: named?.name ?? '', slug: named?.slug ?? '', bio };
  }
  // An author has one byline: shown in every locale's row, editable in the first.
  if (item && !Array.isArray(item.names) && item.name) {
    for (const locale of locales) draft[locale] = { ...draft[locale]!, name: item.name, slug: item.slug ?? '' };
  }
  return draft;
}

/**
 * Editors and admins: the newsroom's sections (names per edition, their order in the navigation),
 * authors (byline, bio per edition, photo, the staff account they are) and topics (names per
 * edition). Deleting what stories use is refused by the server, with the reason shown here.
 */
export function TaxonomyScreen() {
  const { t, languageName } = useI18n();
  const taxonomy = useTaxonomy();
  const locales = taxonomy.locales;
  const staff = useAsync(() => staffApi.list().catch(() => ({ items: [] })), []);
  const [editing, setEditing] = useState<{ kind: Kind; item: TaxonomyItem | null } | null>(null);
  const { busy, error, setError, run } = useAction();

  const remove = async (kind: 'section' | 'author', item: TaxonomyItem, name: string) => {
    if (!window.confirm(t('taxonomy.confirmDelete', { name }))) return;
    await run(async () => {
      await (kind === 'section' ? taxonomyApi.deleteSection(item.id) : taxonomyApi.deleteAuthor(item.id));
      taxonomy.reload();
    });
  };

  const move = async (item: TaxonomyItem, position: number) => {
    await run(async () => {
      await taxonomyApi.updateSection(item.id, { position });
      taxonomy.reload();
    });
  };

  const sections = [...taxonomy.sections].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const defaultLocale = locales[0] ?? 'en';

  return (
    <section>
      <h1>{t('taxonomy.title')}</h1>
      <p className="field__hint">{t('taxonomy.intro')}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {editing ? (
        <TaxonomyForm
          key={`${editing.kind}:${editing.item?.id ?? 'new'}`}
          kind={editing.kind}
          item={editing.item}
          locales={locales}
          languageName={languageName}
          staff={staff.data?.items ?? []}
          onDone={() => {
            setEditing(null);
            setError(null);
            taxonomy.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      <section className="panel" aria-labelledby="sections-title">
        <h2 id="sections-title">{t('taxonomy.sections')}</h2>
        {sections.length === 0 ? <p className="empty">{t('taxonomy.noSections')}</p> : null}
        <ol className="taxonomy-list">
          {sections.map((section, index) => (
            <li key={section.id}>
              <span>{nameOf(section, defaultLocale)}</span>
              <span className="actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy || index === 0}
                  onClick={() => void move(section, index - 1)}
                  aria-label={t('taxonomy.moveUp', { name: nameOf(section, defaultLocale) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy || index === sections.length - 1}
                  onClick={() => void move(section, index + 1)}
                  aria-label={t('taxonomy.moveDown', { name: nameOf(section, defaultLocale) })}
                >
                  ↓
                </button>
                <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'section', item: section })}>
                  {t('taxonomy.edit')}
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  disabled={busy}
                  onClick={() => void remove('section', section, nameOf(section, defaultLocale))}
                >
                  {t('taxonomy.delete')}
                </button>
              </span>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => setEditing({ kind: 'section', item: null })}>
          {t('taxonomy.newSection')}
        </button>
      </section>

      <section className="panel" aria-labelledby="authors-title">
        <h2 id="authors-title">{t('taxonomy.authors')}</h2>
        {taxonomy.authors.length === 0 ? <p className="empty">{t('taxonomy.noAuthors')}</p> : null}
        <ul className="taxonomy-list">
          {taxonomy.authors.map((author) => (
            <li key={author.id}>
              <span>
                {nameOf(author, defaultLocale)}
                {author.staffId ? <span className="badge">{t('taxonomy.linkedStaff')}</span> : null}
              </span>
              <span className="actions">
                <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'author', item: author })}>
                  {t('taxonomy.edit')}
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  disabled={busy}
                  onClick={() => void remove('author', author, nameOf(author, defaultLocale))}
                >
                  {t('taxonomy.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
        <button type="button" className="button" onClick={() => setEditing({ kind: 'author', item: null })}>
          {t('taxonomy.newAuthor')}
        </button>
      </section>

      <section className="panel" aria-labelledby="topics-title">
        <h2 id="topics-title">{t('taxonomy.topics')}</h2>
        <ul className="taxonomy-list">
          {taxonomy.topics.map((topic) => (
            <li key={topic.id}>
              <span>{nameOf(topic, defaultLocale)}</span>
              <span className="actions">
                <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'topic', item: topic })}>
                  {t('taxonomy.edit')}
                </button>
              </span>
            </li>
          ))}
        </ul>
        <button type="button" className="button" onClick={() => setEditing({ kind: 'topic', item: null })}>
          {t('taxonomy.new.topic')}
        </button>
      </section>
    </section>
  );
}

const TOPIC_KINDS: TopicKind[] = ['place', 'person', 'organization', 'theme'];
const FORM_TITLES = {
  section: { edit: 'taxonomy.edit.section', new: 'taxonomy.new.section' },
  author: { edit: 'taxonomy.edit.author', new: 'taxonomy.new.author' },
  topic: { edit: 'taxonomy.edit.topic', new: 'taxonomy.new.topic' },
} as const;

function TaxonomyForm({
  kind,
  item,
  locales,
  languageName,
  staff,
  onDone,
  onCancel,
}: {
  kind: Kind;
  item: TaxonomyItem | null;
  locales: readonly string[];
  languageName(locale: string): string;
  staff: { id: string; name: string }[];
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(item, locales));
  const [staffId, setStaffId] = useState(item?.staffId ?? '');
  const [photoImageId, setPhotoImageId] = useState<string | null>(item?.photoImageId ?? null);
  const [picking, setPicking] = useState(false);
  const [topicKind, setTopicKind] = useState<TopicKind>((item?.kind as TopicKind | undefined) ?? 'theme');
  const { busy, error, run } = useAction();
  const set = (locale: string, field: 'name' | 'slug' | 'bio', value: string) =>
    setDraft((d) => ({ ...d, [locale]: { ...d[locale]!, [field]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const byline = draft[locales[0] ?? 'en'];
    const names: NameInput[] = locales.flatMap((locale, index) => {
      const row = draft[locale]!;
      if (kind === 'author') {
        // One byline for every edition; a row per locale for its bio (an empty one removes it).
        if (index > 0 && !row.bio.trim() && !item) return [];
        return [
          { locale, name: byline?.name.trim() ?? '', ...(byline?.slug.trim() ? { slug: byline.slug.trim() } : {}), bio: row.bio.trim() },
        ];
      }
      if (!row.name.trim()) return [];
      return [
        {
          locale,
          name: row.name.trim(),
          ...(row.slug.trim() ? { slug: row.slug.trim() } : {}),
        },
      ];
    });
    await run(async () => {
      if (kind === 'section') {
        await (item ? taxonomyApi.updateSection(item.id, { names }) : taxonomyApi.createSection({ names }));
      } else if (kind === 'author') {
        const input = { names, staffId: staffId || null, photoImageId };
        await (item ? taxonomyApi.updateAuthor(item.id, input) : taxonomyApi.createAuthor(input));
      } else if (item) {
        await taxonomyApi.updateTopic(item.id, { kind: topicKind, names });
      } else {
        await taxonomyApi.createTopic({ kind: topicKind, names });
      }
      onDone();
    });
  };

  const title = t(FORM_TITLES[kind][item ? 'edit' : 'new']);
  return (
    <section className="panel" aria-labelledby="taxonomy-form">
      <h2 id="taxonomy-form">{title}</h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <form className="grid-form" onSubmit={(event) => void submit(event)}>
        {kind === 'author' ? <p className="field__hint">{t('taxonomy.bylineHint')}</p> : null}
        {locales.map((locale, index) => (
          <fieldset key={locale} className="fieldset">
            <legend>{languageName(locale)}</legend>
            {kind !== 'author' || index === 0 ? (
              <>
                <TextField
                  label={t('field.name')}
                  value={draft[locale]!.name}
                  onValue={(v) => set(locale, 'name', v)}
                  required={index === 0}
                  lang={locale}
                />
                <TextField
                  label={t('taxonomy.slug')}
                  value={draft[locale]!.slug}
                  onValue={(v) => set(locale, 'slug', v)}
                  hint={t('taxonomy.slugHint')}
                  lang={locale}
                />
              </>
            ) : null}
            {kind === 'author' ? (
              <TextArea
                label={t('taxonomy.bio')}
                value={draft[locale]!.bio}
                onValue={(v) => set(locale, 'bio', v)}
                lang={locale}
                rows={2}
              />
            ) : null}
          </fieldset>
        ))}
        {kind === 'topic' ? (
          <SelectField
            label={t('taxonomy.kind')}
            value={topicKind}
            onValue={(v) => setTopicKind(v as TopicKind)}
            options={TOPIC_KINDS.map((k) => ({ value: k, label: k }))}
          />
        ) : null}
        {kind === 'author' ? (
          <>
            <SelectField
              label={t('taxonomy.staffAccount')}
              value={staffId}
              onValue={setStaffId}
              hint={t('taxonomy.staffHint')}
              options={[{ value: '', label: t('taxonomy.noStaff') }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
            />
            <div className="field">
              <span>{t('taxonomy.photo')}</span>
              <span className="actions">
                {photoImageId ? <code>{photoImageId}</code> : t('taxonomy.noPhoto')}
                <button type="button" className="button button--small" onClick={() => setPicking((p) => !p)}>
                  {t('taxonomy.pickPhoto')}
                </button>
                {photoImageId ? (
                  <button type="button" className="button button--small button--quiet" onClick={() => setPhotoImageId(null)}>
                    {t('taxonomy.removePhoto')}
                  </button>
                ) : null}
              </span>
              {picking ? (
                <MediaLibrary
                  locale={locales[0] ?? 'en'}
                  onPick={(image) => {
                    setPhotoImageId(image.id);
                    setPicking(false);
                  }}
                />
              ) : null}
            </div>
          </>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
