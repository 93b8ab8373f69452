import { describe, expect, it } from 'vitest';
import { AggregationRule } from '../programs/program.entity.js';
import { aggregate, rank, weightedTotal } from './aggregation.js';

const at = (minute: number) => new Date(Date.UTC(2022, 6, 1, 9, minute));
const card = (id: string, total: number, minute = 0) => ({ id, total, submittedAt: at(minute) });

describe('weightedTotal', () => {
  it('weights each criterion’s share of its maximum', () => {
    const rubric = [
      { key: 'need', title: '需求', weight: 30, maxScore: 10 },
      { key: 'design', title: '设计', weight: 70, maxScore: 50 },
    ];
    expect(weightedTotal(rubric, [{ criterionKey: 'need', score: 9, comment: '' }, { criterionKey: 'design', score: 45, comment: '' }])).toBe(90);
    expect(weightedTotal(rubric, [{ criterionKey: 'need', score: 10, comment: '' }, { criterionKey: 'design', score: 50, comment: '' }])).toBe(100);
  });
});

describe('aggregate', () => {
  it('averages under the mean rule, to one decimal', () => {
    expect(aggregate([card('a', 90), card('b', 85), card('c', 80.5)], AggregationRule.MEAN, 3)).toEqual({
      rule: 'MEAN', score: 85.2, counted: ['c', 'b', 'a'], dropped: [], pending: null,
    });
  });

  it('drops the highest and the lowest total under the trimmed mean', () => {
    const result = aggregate([card('a', 99), card('b', 96), card('c', 96.8), card('d', 70), card('e', 96.4)], AggregationRule.TRIMMED_MEAN, 5);
    expect(result.dropped).toEqual(['d', 'a']);
    expect(result.counted).toEqual(['b', 'e', 'c']);
    expect(result.score).toBe(96.4);
  });

  it('needs three scorecards for a trimmed mean, and the programme’s minimum for any score', () => {
    expect(aggregate([card('a', 90), card('b', 80)], AggregationRule.TRIMMED_MEAN, 1)).toMatchObject({ score: null, pending: '2 of 3 scorecards are in.' });
    expect(aggregate([card('a', 90), card('b', 80)], AggregationRule.MEAN, 3)).toMatchObject({ score: null, pending: '2 of 3 scorecards are in.' });
  });

  it('is the same whatever order the scorecards come in, ties broken by submission time', () => {
    const cards = [card('a', 90, 3), card('b', 90, 1), card('c', 80, 2), card('d', 80, 4)];
    const forward = aggregate(cards, AggregationRule.TRIMMED_MEAN, 3);
    expect(aggregate([...cards].reverse(), AggregationRule.TRIMMED_MEAN, 3)).toEqual(forward);
    expect(forward.dropped).toEqual(['c', 'a']);
    expect(forward.score).toBe(85);
  });
});

describe('rank', () => {
  it('orders by score, then counted scorecards, then submission time; equal scores share a rank', () => {
    const ranked = rank([
      { projectId: 'p1', score: 90, counted: 3, submittedAt: at(5) },
      { projectId: 'p2', score: 96.4, counted: 3, submittedAt: at(9) },
      { projectId: 'p3', score: 90, counted: 3, submittedAt: at(1) },
      { projectId: 'p4', score: null, counted: 1, submittedAt: at(0) },
      { projectId: 'p5', score: 90, counted: 5, submittedAt: at(7) },
    ]);
    expect(ranked.map((r) => [r.projectId, r.rank])).toEqual([
      ['p2', 1],
      ['p5', 2],
      ['p3', 2],
      ['p1', 2],
      ['p4', null],
    ]);
  });
});
