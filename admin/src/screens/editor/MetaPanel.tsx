import { useEffect, useId, useState } from 'react';
import { mediaApi, taxonomyApi } from '../../api/endpoints';
import type { AccessLevel, MediaImage, TopicKind, Translation } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { ACCESS_KEYS, TOPIC_KIND_KEYS } from '../../app/labels';
import { useCan } from '../../app/session';
import { useTaxonomy } from '../../app/taxonomy';
import { imageTexts, nameOf, previewSrc } from '../../util/names';
import { MediaLibrary } from '../media/MediaLibrary';
import { UploadForm } from '../media/UploadForm';
import type { DraftFields } from './draft-fields';

interface Props {
  fields: DraftFields;
  translation: Translation;
  update(patch: Partial<DraftFields>): void;
  /** Story-wide settings (section, topics, authors, lead image, access) are edited on the original. */
  storyWide?: boolean;
}

export function MetaPanel({ fields, translation, update, storyWide = true }: Props) {
  const { t, language } = useI18n();
  const taxonomy = useTaxonomy();
  const locale = translation.locale;
  const slug = fields.slugEdit ?? translation.slug ?? '';

  return (
    <div className="stack">
      <TextField
        label={t('field.slug')}
        value={slug}
        onValue={(v) => update({ slugEdit: v })}
        placeholder={t('field.slugPlaceholder')}
        hint={fields.slugEdit === null ? t('field.slugHint') : undefined}
        spellCheck={false}
        lang={locale}
      />
      {storyWide ? (
        <>
          <SelectField
            label={t('field.section')}
            value={fields.sectionId}
            onValue={(v) => update({ sectionId: v })}
            options={[
              { value: '', label: t('field.noSection') },
              ...taxonomy.sections.map((s) => ({ value: s.id, label: nameOf(s, language) })),
            ]}
          />
          <TopicPicker selected={fields.topicIds} onChange={(topicIds) => update({ topicIds })} locale={locale} />
          <AuthorPicker selected={fields.authorIds} onChange={(authorIds) => update({ authorIds })} />
          <LeadImageField
            image={fields.leadImage}
            imageId={fields.leadImageId}
            locale={locale}
            onChange={(image) => update({ leadImage: image, leadImageId: image?.id ?? '' })}
          />
          <SelectField
            label={t('field.access')}
            value={fields.accessLevel}
            onValue={(v) => update({ accessLevel: v as AccessLevel })}
            options={Object.entries(ACCESS_KEYS).map(([value, key]) => ({ value, label: t(key) }))}
          />
        </>
      ) : null}
      <TextField
        label={t('field.seoTitle')}
        value={fields.seoTitle}
        onValue={(seoTitle) => update({ seoTitle })}
        maxLength={300}
        lang={locale}
      />
      <TextArea
        label={t('field.seoDescription')}
        value={fields.seoDescription}
        onValue={(seoDescription) => update({ seoDescription })}
        maxLength={1000}
        lang={locale}
      />
    </div>
  );
}

function AuthorPicker({ selected, onChange }: { selected: string[]; onChange(ids: string[]): void }) {
  const { t, language } = useI18n();
  const { authors } = useTaxonomy();
  const known = new Set(authors.map((a) => a.id));
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <fieldset className="field checklist">
      <legend>{t('field.authors')}</legend>
      {authors.length === 0 ? <p className="field__hint">{t('field.noAuthors')}</p> : null}
      <ul>
        {authors.map((author) => (
          <li key={author.id}>
            <label>
              <input type="checkbox" checked={selected.includes(author.id)} onChange={(e) => toggle(author.id, e.target.checked)} />{' '}
              {nameOf(author, language)}
            </label>
          </li>
        ))}
        {selected
          .filter((id) => !known.has(id))
          .map((id) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked onChange={() => toggle(id, false)} /> {id}
              </label>
            </li>
          ))}
      </ul>
    </fieldset>
  );
}

/** Chosen topics as removable chips; search (GET /topics?q=) to add, or create a new one. */
function TopicPicker({ selected, onChange, locale }: { selected: string[]; onChange(ids: string[]): void; locale: string }) {
  const { t, language } = useI18n();
  const can = useCan();
  const taxonomy = useTaxonomy();
  const inputId = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<typeof taxonomy.topics>([]);
  const [kind, setKind] = useState<TopicKind>('theme');
  const [error, setError] = useState<string | null>(null);
  const { rememberTopics } = taxonomy;

  useEffect(() => {
    const query = q.trim();
    if (query === '') {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      taxonomyApi.topics(query, controller.signal).then(
        (r) => {
          setResults(r.items);
          rememberTopics(r.items);
        },
        () => undefined,
      );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, rememberTopics]);

  const nameFor = (id: string) =>
    nameOf(
      taxonomy.topics.find((x) => x.id === id),
      language,
    ) || id;
  const add = (id: string) => {
    if (!selected.includes(id)) onChange([...selected, id]);
    setQ('');
  };
  const create = async () => {
    setError(null);
    try {
      const topic = await taxonomyApi.createTopic({ kind, names: [{ locale, name: q.trim() }] });
      const created = topic?.id ? topic : null;
      if (!created) return;
      rememberTopics([{ ...created, names: created.names ?? [{ locale, name: q.trim() }] }]);
      add(created.id);
    } catch (e) {
      setError(describeError(t, e));
    }
  };
  const exact = results.some((r) => nameOf(r, locale).toLocaleLowerCase(locale) === q.trim().toLocaleLowerCase(locale));

  return (
    <div className="field topic-picker">
      <span className="field__label" id={`${inputId}-label`}>
        {t('field.topics')}
      </span>
      {selected.length > 0 ? (
        <ul className="chips" aria-labelledby={`${inputId}-label`}>
          {selected.map((id) => (
            <li key={id} className="chip">
              {nameFor(id)}
              <button
                type="button"
                className="chip__remove"
                aria-label={t('topics.remove', { name: nameFor(id) })}
                onClick={() => onChange(selected.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={inputId} className="visually-hidden">
        {t('topics.search')}
      </label>
      <input
        id={inputId}
        type="search"
        value={q}
        placeholder={t('topics.search')}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      {q.trim() !== '' ? (
        <ul className="suggestions" aria-live="polite">
          {results
            .filter((r) => !selected.includes(r.id))
            .slice(0, 8)
            .map((r) => (
              <li key={r.id}>
                <button type="button" className="button button--quiet" onClick={() => add(r.id)}>
                  {t('topics.add', { name: nameOf(r, language) })}
                </button>
              </li>
            ))}
          {!exact && can('taxonomy.edit') ? (
            <li className="row row--end">
              <SelectField
                label={t('topics.kind')}
                value={kind}
                onValue={(v) => setKind(v as TopicKind)}
                options={Object.entries(TOPIC_KIND_KEYS).map(([value, key]) => ({ value, label: t(key) }))}
              />
              <button type="button" className="button" onClick={() => void create()}>
                {t('topics.create', { name: q.trim() })}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </div>
  );
}

/**
 * The lead image as a thumbnail with its alt text. A story reopened from the server carries only
 * the image id, so the image is fetched (GET /media/:id); until it arrives, or if it cannot be,
 * the id is shown.
 */
function LeadImageField({
  image: given,
  imageId,
  locale,
  onChange,
}: {
  image: MediaImage | null;
  imageId: string;
  locale: string;
  onChange(image: MediaImage | null): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<null | 'library' | 'upload'>(null);
  const [fetched, setFetched] = useState<MediaImage | null>(null);
  const missing = given !== null || imageId === '' ? null : imageId;
  useEffect(() => {
    if (missing === null) return;
    const controller = new AbortController();
    mediaApi.get(missing, controller.signal).then(
      (found) => {
        if (!controller.signal.aborted) setFetched(found);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [missing]);
  const image = given ?? (fetched !== null && fetched.id === imageId ? fetched : null);
  const src = image ? previewSrc(image) : null;
  return (
    <div className="field lead-image-field">
      <span className="field__label">{t('field.leadImage')}</span>
      {image || imageId ? (
        <figure className="lead-image-field__preview">
          {src ? <img src={src} alt={image ? imageTexts(image, locale).alt : ''} /> : null}
          <figcaption>{image ? imageTexts(image, locale).alt || image.id : imageId}</figcaption>
        </figure>
      ) : (
        <p className="field__hint">{t('field.noLeadImage')}</p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => setOpen('library')}>
          {t('leadImage.choose')}
        </button>
        <button type="button" className="button" onClick={() => setOpen('upload')}>
          {t('leadImage.upload')}
        </button>
        {image || imageId ? (
          <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
            {t('leadImage.remove')}
          </button>
        ) : null}
      </div>
      {open ? (
        <Dialog title={open === 'library' ? t('leadImage.choose') : t('leadImage.upload')} onClose={() => setOpen(null)} wide>
          {open === 'library' ? (
            <MediaLibrary
              locale={locale}
              onPick={(picked) => {
                onChange(picked);
                setOpen(null);
              }}
            />
          ) : (
            <UploadForm
              locale={locale}
              onUploaded={({ image: uploaded }) => {
                onChange(uploaded);
                setOpen(null);
              }}
            />
          )}
          <div className="actions">
            <button type="button" className="button" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
