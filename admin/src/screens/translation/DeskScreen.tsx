import { useState } from 'react';
import { storiesApi } from '../../api/endpoints';
import type { DeskItem } from '../../api/types';
import { describeError } from '../../components/errors';
import { SelectField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { DESK_STATE_KEYS } from '../../app/labels';
import { Link, navigate, useLocation } from '../../app/router';
import { useCan, useStaff } from '../../app/session';
import { useTaxonomy } from '../../app/taxonomy';
import { useAsync } from '../../util/use-async';
import { TranslateDialog } from '../editor/TranslationsPanel';

function targetIdOf(item: DeskItem): string | null {
  return item.translationId ?? null;
}

function needsSync(item: DeskItem): boolean {
  return item.sourceUpdated;
}

/** GET /translation-desk?locale=: what needs translating into a language, or re-syncing with its source. */
export function DeskScreen() {
  const { t, languageName, dateTime } = useI18n();
  const staff = useStaff();
  const can = useCan();
  const { locales } = useTaxonomy();
  const { search } = useLocation();
  const choices = staff.role === 'translator' && staff.locales.length > 0 ? staff.locales : locales;
  const locale = search.get('locale') ?? choices[0] ?? 'en';
  const desk = useAsync((signal) => storiesApi.desk(locale, signal), [locale]);
  const [translating, setTranslating] = useState<DeskItem | null>(null);

  return (
    <section>
      <div className="page-head">
        <h1>{t('desk.title')}</h1>
        <SelectField
          label={t('desk.locale')}
          value={locale}
          onValue={(v) => navigate(`/desk?locale=${encodeURIComponent(v)}`, { replace: true })}
          options={choices.map((l) => ({ value: l, label: languageName(l) }))}
        />
      </div>
      {desk.error ? <Notice kind="error">{describeError(t, desk.error)}</Notice> : null}
      {desk.loading && !desk.data ? <p role="status">{t('common.loading')}</p> : null}
      {desk.data && desk.data.items.length === 0 ? <p className="empty">{t('desk.empty', { language: languageName(locale) })}</p> : null}
      {desk.data && desk.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('desk.story')}</th>
              <th scope="col">{t('desk.from')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col">{t('stories.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('desk.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {desk.data.items.map((item) => {
              const target = targetIdOf(item);
              const stateText = t(DESK_STATE_KEYS[item.state]);
              const source = item.sourceTranslationId ? `?source=${encodeURIComponent(item.sourceTranslationId)}` : '';
              return (
                <tr key={`${item.storyId}:${target ?? ''}`}>
                  <td>
                    <span lang={item.sourceLocale} dir="auto">
                      {item.sourceTitle ?? item.storyId}
                    </span>
                    {item.title ? (
                      <span className="desk__translated-title" lang={locale} dir="auto">
                        {item.title}
                      </span>
                    ) : null}
                  </td>
                  <td>{item.sourceLocale ? languageName(item.sourceLocale) : ''}</td>
                  <td>
                    {stateText}
                    {needsSync(item) ? <span className="badge badge--warning">{t('desk.sourceUpdatedShort')}</span> : null}
                  </td>
                  <td>{dateTime(item.updatedAt)}</td>
                  <td>
                    {target ? (
                      <Link to={`/translations/${encodeURIComponent(target)}/translate${source}`} className="button button--small">
                        {t('desk.open')}
                      </Link>
                    ) : can('translation.create', { locale }) ? (
                      <button type="button" className="button button--small" onClick={() => setTranslating(item)}>
                        {t('desk.translate')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {translating ? (
        <TranslateDialog
          source={{ id: translating.sourceTranslationId, storyId: translating.storyId }}
          locale={locale}
          onClose={() => setTranslating(null)}
        />
      ) : null}
    </section>
  );
}
