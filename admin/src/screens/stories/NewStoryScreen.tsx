import { useState, type FormEvent } from 'react';
import { storiesApi } from '../../api/endpoints';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../app/router';
import { useStaff } from '../../app/session';
import { useTaxonomy } from '../../app/taxonomy';
import { useAction } from '../../util/use-action';

/** A story starts as a draft in one language with a title; everything else is written in the editor. */
export function NewStoryScreen() {
  const { t, language, languageName } = useI18n();
  const staff = useStaff();
  const { locales } = useTaxonomy();
  const [title, setTitle] = useState('');
  const [dek, setDek] = useState('');
  const [locale, setLocale] = useState(staff.locales[0] ?? (locales.includes(language) ? language : (locales[0] ?? 'en')));
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const created = await storiesApi.create({
        locale,
        title: title.trim(),
        dek: dek.trim(),
        body: { type: 'doc', content: [] },
        accessLevel: 'public',
      });
      navigate(`/translations/${encodeURIComponent(created.id)}`, { replace: true });
    });
  };

  return (
    <section className="narrow">
      <h1>{t('newStory.title')}</h1>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <SelectField
          label={t('field.locale')}
          value={locale}
          onValue={setLocale}
          options={locales.map((l) => ({ value: l, label: languageName(l) }))}
        />
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
