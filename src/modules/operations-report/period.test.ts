import { describe, expect, it } from 'vitest';
import { ReportPeriodKind } from './operations-report.entity.js';
import { periodLabel, periodOf } from './operations-report.service.js';

describe('report periods', () => {
  it('run from China midnight to China midnight, the end excluded', () => {
    expect(periodOf(ReportPeriodKind.YEAR, 2022, null)).toEqual({
      period: { from: new Date('2021-12-31T16:00:00Z'), to: new Date('2022-12-31T16:00:00Z') }, periodStart: '2022-01-01',
    });
    expect(periodOf(ReportPeriodKind.QUARTER, 2022, 4)).toEqual({
      period: { from: new Date('2022-09-30T16:00:00Z'), to: new Date('2022-12-31T16:00:00Z') }, periodStart: '2022-10-01',
    });
    expect(periodOf(ReportPeriodKind.MONTH, 2022, 12).period.to).toEqual(new Date('2022-12-31T16:00:00Z'));
    expect(periodOf(ReportPeriodKind.MONTH, 2024, 2)).toEqual({
      period: { from: new Date('2024-01-31T16:00:00Z'), to: new Date('2024-02-29T16:00:00Z') }, periodStart: '2024-02-01',
    });
  });

  it('are named as people say them', () => {
    expect(periodLabel(ReportPeriodKind.YEAR, 2022, null, 'zh')).toBe('2022年度');
    expect(periodLabel(ReportPeriodKind.QUARTER, 2022, 3, 'zh')).toBe('2022年第3季度');
    expect(periodLabel(ReportPeriodKind.MONTH, 2022, 12, 'zh')).toBe('2022年12月');
    expect(periodLabel(ReportPeriodKind.QUARTER, 2022, 3, 'en')).toBe('Q3 2022');
    expect(periodLabel(ReportPeriodKind.MONTH, 2022, 12, 'en')).toBe('December 2022');
  });
});
