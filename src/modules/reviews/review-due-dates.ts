import { platformDate } from '../coaching/due-dates.js';

/** How long an evaluator has to score when staff name no due date: two weeks, as district panels allow. */
export const DAYS_TO_SCORE = 14;

/** The platform date `days` after `now`'s. */
export function platformDateAfter(now: Date, days: number): string {
  const date = new Date(`${platformDate(now)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
