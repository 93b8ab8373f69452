/**
 * How much one mutation input may carry. Generous for real programmes (the demo, played from the
 * source reports, uses a fraction of each), yet small enough that no input can make an immutable
 * revision, an audit event or a list of user errors unreasonably large. The README lists them.
 */

/** The most characters, after trimming, of each kind of text. */
export const MAX_LENGTH = {
  /** An indicator's unit (人次, 场, %). */
  unit: 20,
  /** A contact phone number. */
  phone: 30,
  /** District, street, community; an activity's period. */
  place: 50,
  /** People's and team members' names and roles, contact names, topics, focus areas, indicator and criterion names. */
  name: 100,
  /** Names and titles of organisations, programmes, projects, review rounds, activities and budget items; funder; community served. */
  title: 200,
  /** An objective; a budget line's note. */
  item: 500,
  /** A condition of approval. */
  condition: 1000,
  /** Reasons, resolutions, action items, follow-ups, change notes, beneficiaries, activity descriptions, a criterion's comment. */
  reason: 2000,
  /** Summaries, rationales, a scorecard's overall comment. */
  statement: 5000,
  /** Needs analyses, coaching notes, visit findings, report narratives. */
  document: 10_000,
} as const;

/** The most entries of each list. */
export const MAX_ITEMS = {
  objectives: 20,
  activities: 50,
  /** A revision's indicator targets, and the actuals of a report. */
  indicators: 20,
  budgetLines: 50,
  teamMembers: 30,
  /** Coaching sessions a revision answers. */
  answeredSessions: 50,
  topics: 10,
  actionItems: 20,
  followUps: 20,
  conditions: 20,
  focusAreas: 20,
  /** Criteria of a rubric, and so the scores of a scorecard. */
  criteria: 20,
  /** Evaluators assigned at once, and a programme's minimum of evaluators. */
  evaluators: 20,
  mentors: 10,
  /** Streets a park serves; parks and districts a person works for. */
  workplaces: 30,
  /** Projects one subscription names. */
  subscribedProjects: 100,
} as const;

/** The largest amount of money an input may give, in yuan (¥100,000,000): budget pools, grants, budget lines, spending. */
export const MAX_AMOUNT = 100_000_000;

/** The largest indicator target or reported actual. */
export const MAX_INDICATOR_VALUE = 1_000_000_000;

/** The largest figures of one month's service report. */
export const MAX_MONTHLY_FIGURES = { sessionsHeld: 10_000, personTimes: 1_000_000, volunteers: 100_000, volunteerHours: 1_000_000 } as const;

/** A coaching session lasts at most a day. */
export const MAX_SESSION_MINUTES = 24 * 60;

/** The highest maximum score of a rubric criterion. */
export const MAX_CRITERION_SCORE = 1000;

/** First and last days, YYYY-MM-DD, inclusive. */
export interface DateWindow {
  from: string;
  to: string;
}

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** Every date an input gives (sessions, visits, due dates, report periods, programme years and windows) lies within it. */
export const DATE_WINDOW: DateWindow = { from: `${FIRST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` };

/** A programme takes applications within its year ± 1: a call for next year's projects opens in the autumn. */
export const applicationWindow = (year: number): DateWindow => ({
  from: `${Math.max(year - 1, FIRST_YEAR)}-01-01`,
  to: `${Math.min(year + 1, LAST_YEAR)}-12-31`,
});
