import { useState } from 'react';
import { storiesApi } from '../../api/endpoints';
import type { DiffSet, RevisionSummary, Translation } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { DiffView } from '../../components/DiffView';
import { describeError } from '../../components/errors';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../util/use-action';
import { statusKey } from '../../app/labels';

interface Props {
  translation: Translation;
  flush(): Promise<boolean>;
  version(): number;
  /** A restore made a new revision: the editor shows it. */
  onRestored(translation: Translation): void;
}

function whoOf(r: RevisionSummary): string {
  return r.savedByName ?? '';
}

/** What made the revision: an autosave, a save, a restore, or a status change (named by its status). */
function useKindOf(): (r: RevisionSummary) => string {
  const { t } = useI18n();
  return (r) => {
    if (r.kind === 'workflow') {
      const key = r.note ? statusKey(r.note) : null;
      return key ? t(key) : '';
    }
    if (r.kind === 'autosave') return t('revisions.kindAutosave');
    if (r.kind === 'restore') return t('revisions.kindRestore');
    return r.kind === 'save' ? t('revisions.kindSave') : '';
  };
}

function whenOf(r: RevisionSummary): string | undefined {
  return r.savedAt;
}

/**
 * GET …/revisions on opening, a page at a time ("Older revisions" fetches the next); compare shows
 * the API's diff against the current text; restore.
 */
export function RevisionsPanel({ translation, flush, version, onRestored }: Props) {
  const { t, dateTime } = useI18n();
  const kindOf = useKindOf();
  const [items, setItems] = useState<RevisionSummary[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [comparing, setComparing] = useState<{ revision: RevisionSummary; diff: DiffSet | null } | null>(null);
  const { busy, error, setError, run } = useAction();

  const load = async (before: number | null = null) => {
    setError(null);
    try {
      const page = await storiesApi.revisions(translation.id, before);
      setItems((current) => (before === null ? page.items : [...(current ?? []), ...page.items]));
      setNextBefore(page.nextBefore ?? null);
    } catch (e) {
      setError(describeError(t, e));
    }
  };

  const compare = async (revision: RevisionSummary) => {
    setComparing({ revision, diff: null });
    try {
      const diff = await storiesApi.revisionDiff(translation.id, revision.id);
      setComparing({ revision, diff });
    } catch (e) {
      setComparing(null);
      setError(describeError(t, e));
    }
  };

  const restore = async (revision: RevisionSummary) => {
    if (!window.confirm(t('revisions.confirmRestore'))) return;
    await run(async () => {
      if (!(await flush())) {
        setError(t('workflow.saveFirst'));
        return;
      }
      onRestored(await storiesApi.restoreRevision(translation.id, revision.id, version()));
      setComparing(null);
      await load();
    });
  };

  return (
    <details
      className="panel"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>
        <h2>{t('revisions.title')}</h2>
      </summary>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {items === null && !error ? <p role="status">{t('common.loading')}</p> : null}
      {items && items.length === 0 ? <p className="empty">{t('revisions.none')}</p> : null}
      {items && items.length > 0 ? (
        <ol className="revisions">
          {items.map((r) => (
            <li key={r.id}>
              <span>
                {dateTime(whenOf(r))}
                {whoOf(r) ? ` · ${whoOf(r)}` : ''}
                {kindOf(r) ? ` · ${kindOf(r)}` : ''}
                {r.version !== undefined ? ` · v${r.version}` : ''}
              </span>
              <span className="actions">
                <button type="button" className="button button--small" onClick={() => void compare(r)}>
                  {t('revisions.compare')}
                </button>
                <button type="button" className="button button--small" disabled={busy} onClick={() => void restore(r)}>
                  {t('revisions.restore')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {nextBefore !== null ? (
        <button type="button" className="button button--small" onClick={() => void load(nextBefore)}>
          {t('revisions.older')}
        </button>
      ) : null}
      {comparing ? (
        <Dialog title={t('revisions.compareTitle', { when: dateTime(whenOf(comparing.revision)) })} onClose={() => setComparing(null)} wide>
          {comparing.diff ? <DiffView diff={comparing.diff} /> : <p role="status">{t('common.loading')}</p>}
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void restore(comparing.revision)}>
              {t('revisions.restore')}
            </button>
            <button type="button" className="button" onClick={() => setComparing(null)}>
              {t('common.close')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </details>
  );
}
