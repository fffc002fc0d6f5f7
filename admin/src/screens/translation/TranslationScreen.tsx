import { storiesApi } from '../../api/endpoints';
import { ApiError } from '../../api/client';
import type { SourceChanges, Translation } from '../../api/types';
import { DiffView } from '../../components/DiffView';
import { describeError } from '../../components/errors';
import { TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { BodyEditor } from '../../editor/BodyEditor';
import { useI18n } from '../../i18n/i18n';
import { PROVENANCE_KEYS } from '../../app/labels';
import { Link } from '../../app/router';
import { useCan } from '../../app/session';
import { useAsync } from '../../util/use-async';
import { textDirection } from '../../../../src/modules/editions/text-direction';
import { DraftNotices, LoadFailure } from '../editor/StoryEditorScreen';
import { siblingsOf } from '../editor/draft-fields';
import { MetaPanel } from '../editor/MetaPanel';
import { RevisionsPanel } from '../editor/RevisionsPanel';
import { SaveIndicator } from '../editor/SaveIndicator';
import { useTranslationDraft } from '../editor/use-translation-draft';
import { WorkflowPanel } from '../editor/WorkflowPanel';
import { useAction } from '../../util/use-action';

/** Which translation this one was made from: named by the link, or found among its siblings. */
function sourceIdOf(translation: Translation, fromLink: string | null): string | null {
  if (fromLink) return fromLink;
  const siblings = siblingsOf(translation).filter((x) => x.id !== translation.id);
  return (siblings.find((x) => x.isOriginal) ?? siblings.find((x) => x.locale === translation.translatedFrom))?.id ?? null;
}

/** Whether the source changed since the last sync, and how (GET …/source-changes); null for an original. */
async function sourceChangesOf(translation: Translation): Promise<SourceChanges | null> {
  if (translation.isOriginal) return null;
  try {
    return await storiesApi.sourceChanges(translation.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The translation desk for one translation: the source on the left, the translation beside it. */
export function TranslationScreen({ id, sourceId }: { id: string; sourceId: string | null }) {
  const { t, languageName } = useI18n();
  const draft = useTranslationDraft(id, { unsavedWarning: t('save.leaveWarning') });
  const { translation, fields, update } = draft;
  const sourceKey = translation ? sourceIdOf(translation, sourceId) : null;
  const source = useAsync((): Promise<Translation | null> => (sourceKey ? storiesApi.get(sourceKey) : Promise.resolve(null)), [sourceKey]);

  if (draft.loadError) return <LoadFailure error={draft.loadError} />;
  if (draft.loading || !translation || !fields) return <p role="status">{t('common.loading')}</p>;

  const locale = translation.locale;
  const dir = textDirection(locale);
  const src = source.data ?? null;
  const provenance = translation.provenance && translation.provenance !== 'original' ? t(PROVENANCE_KEYS[translation.provenance]) : null;

  return (
    <div className="editor editor--desk">
      <div className="editor__head">
        <Link to={`/desk?locale=${encodeURIComponent(locale)}`}>{t('desk.back')}</Link>
        <h1 className="editor__title">{t('desk.translationInto', { language: languageName(locale) })}</h1>
        {provenance ? (
          <span className="badge">
            {provenance}
            {translation.provenanceCredit ? ` · ${translation.provenanceCredit}` : ''}
          </span>
        ) : null}
        <Link to={`/translations/${encodeURIComponent(translation.id)}`}>{t('desk.fullEditor')}</Link>
        <SaveIndicator state={draft.saveState} />
      </div>
      <DraftNotices draft={draft} />
      <SourceUpdated translation={translation} flush={draft.flush} version={draft.currentVersion} onSynced={draft.accept} />

      <div className="desk">
        <section className="desk__source" aria-labelledby="source-title">
          <h2 id="source-title">{src ? t('desk.source', { language: languageName(src.locale) }) : t('desk.sourceUnknown')}</h2>
          {source.error ? <Notice kind="error">{describeError(t, source.error)}</Notice> : null}
          {source.loading && sourceKey ? <p role="status">{t('common.loading')}</p> : null}
          {src ? (
            <div lang={src.locale} dir={textDirection(src.locale)} className="desk__source-text">
              <p className="desk__source-title">{src.title}</p>
              <p className="desk__source-dek">{src.dek}</p>
              <BodyEditor
                key={`${src.id}:${src.version}`}
                value={src.body}
                label={t('desk.sourceBody')}
                locale={src.locale}
                editable={false}
              />
            </div>
          ) : null}
        </section>
        <section className="desk__target" aria-labelledby="target-title">
          <h2 id="target-title">{t('desk.translation', { language: languageName(locale) })}</h2>
          <TextField
            label={t('field.title')}
            className="field--headline"
            value={fields.title}
            onValue={(title) => update({ title })}
            required
            maxLength={300}
            lang={locale}
            dir={dir}
          />
          <TextArea label={t('field.dek')} value={fields.dek} onValue={(dek) => update({ dek })} rows={2} lang={locale} dir={dir} />
          <div className="field">
            <span className="field__label">{t('field.body')}</span>
            <BodyEditor
              key={draft.generation}
              value={fields.body}
              onChange={(body) => update({ body })}
              label={t('field.body')}
              locale={locale}
            />
          </div>
        </section>
      </div>

      <div className="editor__below">
        <WorkflowPanel translation={translation} flush={draft.flush} version={draft.currentVersion} onChanged={draft.accept} />
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">{t('editor.details')}</h2>
          <MetaPanel fields={fields} translation={translation} update={update} storyWide={false} />
        </section>
        <RevisionsPanel
          translation={translation}
          flush={draft.flush}
          version={draft.currentVersion}
          onRestored={(restored) => void draft.reset(restored)}
        />
      </div>
    </div>
  );
}

/** The source changed since the last sync: what changed, and "mark synced". */
function SourceUpdated({
  translation,
  flush,
  version,
  onSynced,
}: {
  translation: Translation;
  flush(): Promise<boolean>;
  version(): number;
  onSynced(translation: Translation): void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const { busy, error, setError, run } = useAction();
  // Asked again after every save or sync of this translation (its version changes).
  const changes = useAsync(() => sourceChangesOf(translation), [translation.id, translation.version]);

  const markSynced = async () => {
    await run(async () => {
      if (!(await flush())) {
        setError(t('workflow.saveFirst'));
        return;
      }
      onSynced(await storiesApi.markSynced(translation.id, version()));
    });
  };

  if (!changes.data?.sourceUpdated) return null;
  return (
    <div className="notice notice--warning source-updated" role="status">
      <p>
        <strong>{t('desk.sourceUpdated')}</strong> {t('desk.sourceUpdatedHint')}
      </p>
      {changes.data.title !== undefined || changes.data.dek !== undefined || changes.data.body !== undefined ? (
        <details>
          <summary>{t('desk.whatChanged')}</summary>
          <DiffView diff={changes.data} />
        </details>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {can('translation.markSynced', { locale: translation.locale }) ? (
        <button type="button" className="button" disabled={busy} onClick={() => void markSynced()}>
          {t('desk.markSynced')}
        </button>
      ) : null}
    </div>
  );
}
