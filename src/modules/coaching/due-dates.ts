/** Due dates are calendar dates, YYYY-MM-DD, on the platform's calendar. */

const PLATFORM_TIME_ZONE = 'Asia/Shanghai';
const platformCalendar = new Intl.DateTimeFormat('en-US', { timeZone: PLATFORM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date of an instant in the platform's time zone, Asia/Shanghai: due dates are Shenzhen
 * dates, so an item due today becomes overdue only once the day has ended there, wherever the server
 * runs. Dates in this form compare correctly as strings.
 */
export function platformDate(instant: Date): string {
  // A request asks with its one `now` for every item of a list: the last answer is kept.
  const time = instant.getTime();
  if (time === lastAsked.time) return lastAsked.date;
  const parts = platformCalendar.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  lastAsked = { time, date };
  return date;
}

let lastAsked = { time: Number.NaN, date: '' };

/** Open, and due before today on the platform's calendar. */
export const isOverdue = (item: { doneAt?: Date | null; dueDate: string }, now: Date) => !item.doneAt && item.dueDate < platformDate(now);

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
