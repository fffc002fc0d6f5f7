import { useState } from 'react';
import { storiesApi } from '../../api/endpoints';
import type { StoryListItem } from '../../api/types';
import { describeError } from '../../components/errors';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../app/router';
import { dayKey, monthGrid } from '../../util/dates';
import { useAsync } from '../../util/use-async';
import { translationIdOf } from './StoryListScreen';

function whenOf(item: StoryListItem): Date | null {
  const value = item.publishedAt;
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Scheduled stories on a month grid (Monday first, the browser's time zone). */
export function CalendarScreen() {
  const { t, language } = useI18n();
  const [month, setMonth] = useState(() => {
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() };
  });
  const weeks = monthGrid(month.year, month.month);
  const from = weeks[0]?.[0] as Date;
  const lastDay = weeks[weeks.length - 1]?.[6] as Date;
  const to = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1);
  const calendar = useAsync((signal) => storiesApi.calendar(from.toISOString(), to.toISOString(), signal), [month.year, month.month]);

  const byDay = new Map<string, { item: StoryListItem; at: Date }[]>();
  for (const item of calendar.data?.items ?? []) {
    const at = whenOf(item);
    if (!at) continue;
    const key = dayKey(at);
    byDay.set(
      key,
      [...(byDay.get(key) ?? []), { item, at }].sort((a, b) => a.at.getTime() - b.at.getTime()),
    );
  }

  const monthName = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(new Date(month.year, month.month, 1));
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' });
  const longDay = new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long' });
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  const today = dayKey(new Date());
  const shift = (delta: number) =>
    setMonth(({ year, month: m }) => ({ year: m + delta < 0 ? year - 1 : m + delta > 11 ? year + 1 : year, month: (m + delta + 12) % 12 }));

  return (
    <section>
      <div className="page-head">
        <h1>{t('calendar.title')}</h1>
        <div className="calendar__nav">
          <button type="button" className="button" onClick={() => shift(-1)}>
            {t('calendar.previous')}
          </button>
          <h2 aria-live="polite">{monthName}</h2>
          <button type="button" className="button" onClick={() => shift(1)}>
            {t('calendar.next')}
          </button>
        </div>
      </div>
      {calendar.error ? <Notice kind="error">{describeError(t, calendar.error)}</Notice> : null}
      <table className="calendar">
        <caption className="visually-hidden">{t('calendar.caption', { month: monthName })}</caption>
        <thead>
          <tr>
            {(weeks[0] ?? []).map((d) => (
              <th scope="col" key={d.getDay()}>
                {weekday.format(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={dayKey(week[0] as Date)}>
              {week.map((d) => {
                const key = dayKey(d);
                const items = byDay.get(key) ?? [];
                const classes = [
                  'calendar__day',
                  d.getMonth() !== month.month ? 'calendar__day--other' : '',
                  key === today ? 'calendar__day--today' : '',
                ];
                return (
                  <td key={key} className={classes.join(' ').trim()}>
                    <span className="calendar__date" aria-label={longDay.format(d)}>
                      {d.getDate()}
                    </span>
                    {items.length > 0 ? (
                      <ul>
                        {items.map(({ item, at }) => (
                          <li key={translationIdOf(item)}>
                            <Link to={`/translations/${encodeURIComponent(translationIdOf(item))}`} lang={item.locale} dir="auto">
                              <time dateTime={at.toISOString()}>{time.format(at)}</time> {item.title || t('stories.untitled')}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {calendar.data && calendar.data.items.length === 0 ? <p className="empty">{t('calendar.none')}</p> : null}
    </section>
  );
}
