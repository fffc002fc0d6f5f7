import { useState, type FormEvent } from 'react';
import { storiesApi } from '../../api/endpoints';
import { describeError } from '../../components/errors';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../app/router';
import { useStaff } from '../../app/session';
import { useTaxonomy } from '../../app/taxonomy';

/** A story starts as a draft in one language with a title; everything else is written in the editor. */
export function NewStoryScreen() {
  const { t, language, languageName } = useI18n();
  const staff = useStaff();
  const { locales } = useTaxonomy();
  const [title, setTitle] = useState('');
  const [dek, setDek] = useState('');
  const [locale, setLocale] = useState(staff.locales[0] ?? (locales.includes(language) ? language : (locales[0] ?? 'en')));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await storiesApi.create({ locale, title: title.trim(), dek: dek.trim(), body: { type: 'doc', content: [] }, accessLevel: 'public' });
      navigate(`/translations/${encodeURIComponent(created.id)}`, { replace: true });
    } catch (e) {
      setError(describeError(t, e));
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('newStory.title')}</h1>
      <form onSubmit={submit} className="stack">
        <SelectField label={t('field.locale')} value={locale} onValue={setLocale} options={locales.map((l) => ({ value: l, label: languageName(l) }))} />
        <TextField label={t('field.title')} value={title} onValue={setTitle} required maxLength={300} lang={locale} />
        <TextArea label={t('field.dek')} value={dek} onValue={setDek} lang={locale} />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy || title.trim() === ''}>
            {busy ? t('common.working') : t('newStory.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
