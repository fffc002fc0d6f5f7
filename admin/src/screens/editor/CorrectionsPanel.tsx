import { useState, type FormEvent } from 'react';
import { storiesApi } from '../../api/endpoints';
import type { Correction, Translation } from '../../api/types';
import { SelectField, TextArea } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../util/use-async';
import { useAction } from '../../util/use-action';

/** Editors append a correction or update note to a story (POST …/corrections); notes are never edited. */
export function CorrectionsPanel({ translation }: { translation: Translation }) {
  const { t, dateTime } = useI18n();
  const existing = useAsync(() => storiesApi.corrections(translation.id).then((r) => r.items), [translation.id]);
  const [added, setAdded] = useState<Correction[]>([]);
  const [kind, setKind] = useState<'correction' | 'update'>('correction');
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const notes = [...(existing.data ?? []), ...added];
  const published = translation.status === 'published';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const note = await storiesApi.addCorrection(translation.id, { kind, text: text.trim() });
      setAdded((list) => [...list, note]);
      setText('');
    });
  };

  return (
    <details className="panel">
      <summary>
        <h2>{t('corrections.title')}</h2>
      </summary>
      {notes.length > 0 ? (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <strong>{n.kind === 'update' ? t('corrections.update') : t('corrections.correction')}</strong> {dateTime(n.createdAt)}
              <p lang={translation.locale}>{n.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('corrections.none')}</p>
      )}
      {!published ? <p className="field__hint">{t('corrections.onlyPublished')}</p> : null}
      <form className="stack" onSubmit={(event) => void submit(event)} hidden={!published}>
        <SelectField
          label={t('corrections.kind')}
          value={kind}
          onValue={(v) => setKind(v === 'update' ? 'update' : 'correction')}
          options={[
            { value: 'correction', label: t('corrections.correction') },
            { value: 'update', label: t('corrections.update') },
          ]}
        />
        <TextArea
          label={t('corrections.text')}
          value={text}
          onValue={setText}
          required
          lang={translation.locale}
          hint={t('corrections.hint')}
        />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={busy || text.trim() === ''}>
            {t('corrections.add')}
          </button>
        </div>
      </form>
    </details>
  );
}
