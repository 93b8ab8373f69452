import { describe, expect, it } from 'vitest';
import { isCalendarDate, isOverdue, platformDate } from './due-dates.js';

describe('due dates', () => {
  it('reads the date in Asia/Shanghai, eight hours ahead of UTC', () => {
    expect(platformDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(platformDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(platformDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('makes an open item overdue once its due date has ended in Shanghai', () => {
    const item = { dueDate: '2026-03-01', doneAt: null };
    expect(isOverdue(item, new Date('2026-03-01T15:59:59Z'))).toBe(false);
    expect(isOverdue(item, new Date('2026-03-01T16:00:00Z'))).toBe(true);
    expect(isOverdue({ ...item, doneAt: new Date('2026-02-28T00:00:00Z') }, new Date('2026-03-05T00:00:00Z'))).toBe(false);
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026/03/01', '2026-3-1', '20260301', '']) expect(isCalendarDate(bad), bad).toBe(false);
  });
});
