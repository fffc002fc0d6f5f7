import { useState, type FormEvent } from 'react';
import { storiesApi } from '../../api/endpoints';
import type { Provenance, Translation } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { PROVENANCE_KEYS, STATUS_KEYS } from '../../app/labels';
import { Link, navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { useTaxonomy } from '../../app/taxonomy';
import { siblingsOf } from './draft-fields';
import { useAction } from '../../util/use-action';

type NewProvenance = Exclude<Provenance, 'original'>;

/** The story's other language versions, and "Translate into {language}" for the missing ones. */
export function TranslationsPanel({ translation }: { translation: Translation }) {
  const { t, languageName } = useI18n();
  const can = useCan();
  const { locales } = useTaxonomy();
  const [into, setInto] = useState<string | null>(null);
  const others = siblingsOf(translation).filter((x) => x.id !== translation.id);
  const present = new Set([translation.locale, ...others.map((x) => x.locale)]);
  const missing = locales.filter((l) => !present.has(l) && can('translation.create', { locale: l }));
  const originalId = translation.isOriginal === false ? (others.find((x) => x.isOriginal)?.id ?? translation.id) : translation.id;
  const hrefOf = (x: { id: string; isOriginal?: boolean }) =>
    x.isOriginal
      ? `/translations/${encodeURIComponent(x.id)}`
      : `/translations/${encodeURIComponent(x.id)}/translate?source=${encodeURIComponent(originalId)}`;

  return (
    <section className="panel" aria-labelledby="translations-title">
      <h2 id="translations-title">{t('translations.title')}</h2>
      {others.length > 0 ? (
        <ul className="plain">
          {others.map((x) => (
            <li key={x.id}>
              <Link to={hrefOf(x)} lang={x.locale}>
                {languageName(x.locale)}
              </Link>{' '}
              {x.status && STATUS_KEYS[x.status] ? <span className={`status status--${x.status}`}>{t(STATUS_KEYS[x.status])}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {missing.length > 0 ? (
        <div className="actions">
          {missing.map((locale) => (
            <button key={locale} type="button" className="button" onClick={() => setInto(locale)}>
              {t('translations.translateInto', { language: languageName(locale) })}
            </button>
          ))}
        </div>
      ) : others.length === 0 ? (
        <p className="field__hint">{t('translations.none')}</p>
      ) : null}
      {into ? (
        <TranslateDialog source={{ id: originalId, storyId: translation.storyId }} locale={into} onClose={() => setInto(null)} />
      ) : null}
    </section>
  );
}

/** POST /stories/:storyId/translations, then straight to the side-by-side desk. */
export function TranslateDialog({
  source,
  locale,
  onClose,
}: {
  source: { id?: string | null; storyId: string };
  locale: string;
  onClose(): void;
}) {
  const { t, languageName } = useI18n();
  const [provenance, setProvenance] = useState<NewProvenance>('newsroom');
  const [credit, setCredit] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const created = await storiesApi.translate(source.storyId, {
        locale,
        provenance,
        ...(credit.trim() && { provenanceCredit: credit.trim() }),
      });
      navigate(`/translations/${encodeURIComponent(created.id)}/translate${source.id ? `?source=${encodeURIComponent(source.id)}` : ''}`);
    });
  };

  return (
    <Dialog title={t('translations.translateInto', { language: languageName(locale) })} onClose={onClose}>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <SelectField
          label={t('field.provenance')}
          value={provenance}
          onValue={(v) => setProvenance(v as NewProvenance)}
          options={(['newsroom', 'machine', 'partner'] as const).map((p) => ({ value: p, label: t(PROVENANCE_KEYS[p]) }))}
        />
        <TextField
          label={t('field.provenanceCredit')}
          value={credit}
          onValue={setCredit}
          hint={t('field.provenanceCreditHint')}
          maxLength={300}
        />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('translations.start')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
