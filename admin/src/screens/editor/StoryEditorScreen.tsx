import { ApiError } from '../../api/client';
import { describeError } from '../../components/errors';
import { TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { BodyEditor } from '../../editor/BodyEditor';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../app/router';
import { useCan } from '../../app/session';
import { textDirection } from '../../../../src/modules/editions/text-direction';
import { CorrectionsPanel } from './CorrectionsPanel';
import { MetaPanel } from './MetaPanel';
import { RevisionsPanel } from './RevisionsPanel';
import { SaveIndicator } from './SaveIndicator';
import { TranslationsPanel } from './TranslationsPanel';
import { useTranslationDraft, type TranslationDraft } from './use-translation-draft';
import { WorkflowPanel } from './WorkflowPanel';

/** The conflict notice shared by the story editor and the translation desk. */
export function DraftNotices({ draft }: { draft: TranslationDraft }) {
  const { t } = useI18n();
  if (draft.saveState === 'conflict') {
    return (
      <Notice kind="error">
        <p>{t('save.conflictMessage')}</p>
        <button type="button" className="button" onClick={() => void draft.reset()}>
          {t('save.reload')}
        </button>
      </Notice>
    );
  }
  if (draft.saveState === 'error' && draft.saveError) {
    return (
      <Notice kind="error">
        <p>{describeError(t, draft.saveError)}</p>
        <button type="button" className="button" onClick={() => void draft.flush()}>
          {t('save.retry')}
        </button>
      </Notice>
    );
  }
  return null;
}

export function LoadFailure({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{error instanceof ApiError && error.status === 404 ? t('editor.notFound') : t('editor.loadFailed')}</h1>
      <Notice kind="error">{describeError(t, error)}</Notice>
      <Link to="/stories">{t('editor.backToStories')}</Link>
    </section>
  );
}

export function StoryEditorScreen({ id }: { id: string }) {
  const { t, languageName } = useI18n();
  const can = useCan();
  const draft = useTranslationDraft(id, { unsavedWarning: t('save.leaveWarning') });
  const { translation, fields, update } = draft;

  if (draft.loadError) return <LoadFailure error={draft.loadError} />;
  if (draft.loading || !translation || !fields) return <p role="status">{t('common.loading')}</p>;

  const locale = translation.locale;
  const dir = textDirection(locale);
  const isTranslation = translation.isOriginal === false;

  return (
    <div className="editor">
      <div className="editor__head">
        <Link to="/stories">{t('editor.backToStories')}</Link>
        <span className="editor__locale">{languageName(locale)}</span>
        {isTranslation ? <Link to={`/translations/${encodeURIComponent(translation.id)}/translate`}>{t('editor.sideBySide')}</Link> : null}
        <SaveIndicator state={draft.saveState} />
      </div>
      <DraftNotices draft={draft} />
      <div className="editor__grid">
        <div className="editor__main">
          <h1 className="visually-hidden">{t('editor.heading', { title: fields.title || t('stories.untitled') })}</h1>
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
        </div>
        <aside className="editor__side" aria-label={t('editor.sidebar')}>
          <WorkflowPanel translation={translation} flush={draft.flush} version={draft.currentVersion} onChanged={draft.accept} />
          <section className="panel" aria-labelledby="details-title">
            <h2 id="details-title">{t('editor.details')}</h2>
            <MetaPanel fields={fields} translation={translation} update={update} storyWide={!isTranslation} />
          </section>
          <TranslationsPanel translation={translation} />
          <RevisionsPanel
            translation={translation}
            flush={draft.flush}
            version={draft.currentVersion}
            onRestored={(restored) => void draft.reset(restored)}
          />
          {can('story.correct') ? <CorrectionsPanel translation={translation} /> : null}
        </aside>
      </div>
    </div>
  );
}
