import { useEffect, useState } from 'react';
import { storiesApi, type StoryFilters } from '../../api/endpoints';
import type { StoryListItem } from '../../api/types';
import { describeError } from '../../components/errors';
import { SelectField, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { STATUS_KEYS, statusKey } from '../../app/labels';
import { Link, navigate, useLocation } from '../../app/router';
import { useCan } from '../../app/session';
import { useTaxonomy } from '../../app/taxonomy';
import { nameOf } from '../../util/names';
import { useAsync } from '../../util/use-async';

const FILTER_KEYS = ['status', 'locale', 'sectionId', 'authorId', 'topicId', 'q'] as const;

function filtersFrom(search: URLSearchParams): StoryFilters {
  const filters: StoryFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  const page = Number(search.get('page'));
  if (Number.isInteger(page) && page > 1) filters.page = page;
  return filters;
}

function hrefFor(filters: StoryFilters): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '/stories' : `/stories?${text}`;
}

/** The translation a list row opens. */
export function translationIdOf(item: StoryListItem): string {
  return item.translationId;
}

export function StoryListScreen() {
  const { t, language, languageName, dateTime } = useI18n();
  const can = useCan();
  const taxonomy = useTaxonomy();
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const key = JSON.stringify(filters);
  const [q, setQ] = useState(filters.q ?? '');
  const list = useAsync((signal) => storiesApi.list(filters, signal), [key]);

  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const apply = (patch: Partial<StoryFilters>) => navigate(hrefFor({ ...filters, ...patch, page: undefined }), { replace: true });
  const any = t('filter.any');
  const authorNames = (item: StoryListItem) =>
    item.authorIds
      .map(
        (id) =>
          nameOf(
            taxonomy.authors.find((a) => a.id === id),
            language,
          ) || id,
      )
      .join(', ');
  const sectionName = (item: StoryListItem) =>
    item.sectionId
      ? nameOf(
          taxonomy.sections.find((s) => s.id === item.sectionId),
          language,
        )
      : '';

  return (
    <section>
      <div className="page-head">
        <h1>{t('stories.title')}</h1>
        {can('story.create') ? (
          <Link to="/stories/new" className="button button--primary">
            {t('stories.new')}
          </Link>
        ) : null}
      </div>

      <form
        className="filters"
        role="search"
        aria-label={t('stories.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q: q.trim() || undefined });
        }}
      >
        <TextField label={t('filter.title')} type="search" value={q} onValue={setQ} />
        <SelectField
          label={t('filter.status')}
          value={filters.status ?? ''}
          onValue={(v) => apply({ status: v || undefined })}
          options={[{ value: '', label: any }, ...Object.entries(STATUS_KEYS).map(([value, k]) => ({ value, label: t(k) }))]}
        />
        <SelectField
          label={t('filter.locale')}
          value={filters.locale ?? ''}
          onValue={(v) => apply({ locale: v || undefined })}
          options={[{ value: '', label: any }, ...taxonomy.locales.map((l) => ({ value: l, label: languageName(l) }))]}
        />
        <SelectField
          label={t('filter.section')}
          value={filters.sectionId ?? ''}
          onValue={(v) => apply({ sectionId: v || undefined })}
          options={[{ value: '', label: any }, ...taxonomy.sections.map((s) => ({ value: s.id, label: nameOf(s, language) }))]}
        />
        <SelectField
          label={t('filter.author')}
          value={filters.authorId ?? ''}
          onValue={(v) => apply({ authorId: v || undefined })}
          options={[{ value: '', label: any }, ...taxonomy.authors.map((a) => ({ value: a.id, label: nameOf(a, language) }))]}
        />
        <SelectField
          label={t('filter.topic')}
          value={filters.topicId ?? ''}
          onValue={(v) => apply({ topicId: v || undefined })}
          options={[{ value: '', label: any }, ...taxonomy.topics.map((x) => ({ value: x.id, label: nameOf(x, language) }))]}
        />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('filter.apply')}
          </button>
          {Object.keys(filters).length > 0 ? (
            <button type="button" className="button button--quiet" onClick={() => navigate('/stories', { replace: true })}>
              {t('filter.clear')}
            </button>
          ) : null}
        </div>
      </form>

      {list.error ? <Notice kind="error">{describeError(t, list.error)}</Notice> : null}
      {list.loading && !list.data ? <p role="status">{t('common.loading')}</p> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p className="empty">{t('stories.none')}</p>
        ) : (
          <>
            <p className="count" role="status">
              {t(list.data.capped ? 'stories.countMore' : 'stories.count', { count: list.data.total })}
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.title')}</th>
                  <th scope="col">{t('field.locale')}</th>
                  <th scope="col">{t('field.status')}</th>
                  <th scope="col">{t('field.section')}</th>
                  <th scope="col">{t('field.authors')}</th>
                  <th scope="col">{t('stories.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => {
                  const status = statusKey(item.status);
                  return (
                    <tr key={translationIdOf(item)}>
                      <td>
                        <Link to={`/translations/${encodeURIComponent(translationIdOf(item))}`} lang={item.locale} dir="auto">
                          {item.title || t('stories.untitled')}
                        </Link>
                      </td>
                      <td>{languageName(item.locale)}</td>
                      <td>
                        <span className={`status status--${item.status}`}>{status ? t(status) : item.status}</span>
                      </td>
                      <td>{sectionName(item)}</td>
                      <td>{authorNames(item)}</td>
                      <td>{dateTime(item.updatedAt ?? item.publishedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Pagination
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPage={(page) => navigate(hrefFor({ ...filters, page }), { replace: false })}
            />
          </>
        )
      ) : null}
    </section>
  );
}
