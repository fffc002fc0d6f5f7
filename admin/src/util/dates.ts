/** Local date/time helpers for schedule inputs and the calendar (the browser's time zone). */

/** "2014-07-10T14:30" for <input type="datetime-local"> from an instant. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a datetime-local value means in this browser's time zone, or null. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2014-07-10" in local time, for grouping by day. */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The weeks (Monday first) covering a month, as rows of 7 dates. */
export function monthGrid(year: number, month: number): Date[][] {
  const sinceMonday = (d: Date) => (d.getDay() + 6) % 7;
  const first = new Date(year, month, 1);
  const last = new Date(year, month + 1, 0);
  const days = sinceMonday(first) + last.getDate() + (6 - sinceMonday(last));
  const weeks: Date[][] = [];
  for (let i = 0; i < days; i++) {
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]?.push(new Date(year, month, 1 - sinceMonday(first) + i));
  }
  return weeks;
}
