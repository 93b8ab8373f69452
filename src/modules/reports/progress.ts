/** What progress is measured against: the approved revision's indicator targets and the grant. */
export interface IndicatorTargetFigure {
  name: string;
  unit: string;
  target: number;
}

/** The figures of one accepted service report. */
export interface ReportFigures {
  sessionsHeld: number;
  personTimes: number;
  volunteers: number;
  volunteerHours: number;
  satisfactionRate: number;
  spending: number;
  indicatorActuals: { name: string; actual: number }[];
}

export interface IndicatorProgressFigures extends IndicatorTargetFigure {
  actual: number;
  /** Of the target, to one decimal; null for a target of zero. */
  percent: number | null;
}

export interface ProgressFigures {
  indicators: IndicatorProgressFigures[];
  spending: { grant: number; spent: number; percent: number | null };
  reportsAccepted: number;
  sessionsHeld: number;
  personTimes: number;
  volunteers: number;
  volunteerHours: number;
  averageSatisfaction: number | null;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const percentOf = (part: number, whole: number) => (whole > 0 ? oneDecimal((part / whole) * 100) : null);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Delivery against the targets, derived from accepted reports only (never typed in twice): each
 * indicator's actual is the sum of the reports' actuals for it (the mean, for a rate in %), and the
 * activity figures add up likewise.
 */
export function computeProgress(targets: IndicatorTargetFigure[], grant: number, reports: ReportFigures[]): ProgressFigures {
  const indicators = targets.map(({ name, unit, target }) => {
    const values = reports.flatMap((r) => r.indicatorActuals.filter((a) => a.name === name).map((a) => a.actual));
    // A rate (unit %, e.g. 满意度) is averaged over the periods reported; counts add up.
    const actual = unit.trim() === '%' ? (values.length ? oneDecimal(sum(values) / values.length) : 0) : sum(values);
    return { name, unit, target, actual, percent: percentOf(actual, target) };
  });
  // Money in whole fen and hours in tenths, as stored, so sums carry no binary fractions.
  const spent = sum(reports.map((r) => Math.round(r.spending * 100))) / 100;
  return {
    indicators,
    spending: { grant, spent, percent: percentOf(spent, grant) },
    reportsAccepted: reports.length,
    sessionsHeld: sum(reports.map((r) => r.sessionsHeld)),
    personTimes: sum(reports.map((r) => r.personTimes)),
    // The most in any one period, not a sum: largely the same volunteers serve month after month.
    volunteers: Math.max(0, ...reports.map((r) => r.volunteers)),
    volunteerHours: sum(reports.map((r) => Math.round(r.volunteerHours * 10))) / 10,
    averageSatisfaction: reports.length ? oneDecimal(sum(reports.map((r) => r.satisfactionRate)) / reports.length) : null,
  };
}
