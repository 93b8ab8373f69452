import { describe, expect, it } from 'vitest';
import { computeProgress, type ReportFigures } from './progress.js';

const targets = [
  { name: '服务人次', unit: '人次', target: 2595 },
  { name: '活动场次', unit: '场', target: 28 },
];

const month = (overrides: Partial<ReportFigures> = {}): ReportFigures => ({
  sessionsHeld: 5,
  personTimes: 400,
  volunteers: 10,
  volunteerHours: 20.5,
  satisfactionRate: 92,
  spending: 8000.1,
  indicatorActuals: [
    { name: '服务人次', actual: 400 },
    { name: '活动场次', actual: 5 },
  ],
  ...overrides,
});

describe('computeProgress', () => {
  it('reports zero progress against every target before any report is accepted', () => {
    expect(computeProgress(targets, 50000, [])).toEqual({
      indicators: [
        { name: '服务人次', unit: '人次', target: 2595, actual: 0, percent: 0 },
        { name: '活动场次', unit: '场', target: 28, actual: 0, percent: 0 },
      ],
      spending: { grant: 50000, spent: 0, percent: 0 },
      reportsAccepted: 0,
      sessionsHeld: 0,
      personTimes: 0,
      volunteers: 0,
      volunteerHours: 0,
      averageSatisfaction: null,
    });
  });

  it('adds up actuals and figures, and gives percentages to one decimal', () => {
    const progress = computeProgress(targets, 50000, [
      month(),
      month({ personTimes: 395, satisfactionRate: 95.5, spending: 0.2, volunteerHours: 0.1, indicatorActuals: [{ name: '服务人次', actual: 395 }] }),
    ]);
    expect(progress.indicators).toEqual([
      { name: '服务人次', unit: '人次', target: 2595, actual: 795, percent: 30.6 },
      { name: '活动场次', unit: '场', target: 28, actual: 5, percent: 17.9 },
    ]);
    expect(progress.spending).toEqual({ grant: 50000, spent: 8000.3, percent: 16 });
    expect(progress).toMatchObject({ reportsAccepted: 2, sessionsHeld: 10, personTimes: 795, volunteerHours: 20.6, averageSatisfaction: 93.8 });
  });

  it('takes the most volunteers in any one period rather than a sum', () => {
    const progress = computeProgress(targets, 50000, [month({ volunteers: 8 }), month({ volunteers: 12 }), month({ volunteers: 10 })]);
    expect(progress.volunteers).toBe(12);
  });

  it('ignores actuals for names that are not targets, and leaves percentages of zero out', () => {
    const progress = computeProgress([{ name: '满意度', unit: '%', target: 0 }], 0, [month({ indicatorActuals: [{ name: '志愿者', actual: 3 }, { name: '满意度', actual: 90 }] })]);
    expect(progress.indicators).toEqual([{ name: '满意度', unit: '%', target: 0, actual: 90, percent: null }]);
    expect(progress.spending.percent).toBeNull();
  });
});

describe('rate indicators', () => {
  it('averages an indicator measured in % instead of adding it up', () => {
    const report = (rate: number) => ({ sessionsHeld: 1, personTimes: 10, volunteers: 1, volunteerHours: 1, satisfactionRate: rate, spending: 0, indicatorActuals: [{ name: '满意度', actual: rate }] });
    const result = computeProgress([{ name: '满意度', unit: '%', target: 90 }], 1000, [report(92), report(95)]);
    expect(result.indicators[0]).toMatchObject({ actual: 93.5, percent: 103.9 });
  });
});
