import type { Criterion } from '../programs/program.entity.js';
import { AggregationRule } from '../programs/program.entity.js';
import type { CriterionScore } from './review-assignment.entity.js';

/** A scorecard's weighted total out of 100: each criterion's share of its maximum, times its weight. */
export function weightedTotal(rubric: Criterion[], scores: CriterionScore[]): number {
  const total = rubric.reduce((sum, criterion) => {
    const score = scores.find((s) => s.criterionKey === criterion.key)?.score ?? 0;
    return sum + (score / criterion.maxScore) * criterion.weight;
  }, 0);
  return Math.round(total * 1000) / 1000;
}

export interface SubmittedScorecard {
  id: string;
  total: number;
  submittedAt: Date;
}

export interface Aggregate {
  rule: AggregationRule;
  /** The result to one decimal; null until enough scorecards are in. */
  score: number | null;
  /** The scorecards the result is computed from. */
  counted: string[];
  /** The highest and lowest totals, under the trimmed mean. */
  dropped: string[];
  /** Why there is no score yet. */
  pending: string | null;
}

const roundOne = (value: number) => Math.round(value * 10 + Number.EPSILON) / 10;

/**
 * A project's round score from its submitted, non-recused scorecards on the revision under review.
 * Reproducible: the same scorecards always give the same result, whatever order they come in.
 * Trimmed mean (去掉一个最高分和一个最低分) drops the lowest and the highest total; among equal totals the
 * earlier submission is treated as the lower, so which card is dropped is fixed.
 */
export function aggregate(cards: SubmittedScorecard[], rule: AggregationRule, required: number): Aggregate {
  const sorted = [...cards].sort((a, b) => a.total - b.total || a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
  const needed = Math.max(required, rule === AggregationRule.TRIMMED_MEAN ? 3 : 1);
  if (sorted.length < needed) {
    return { rule, score: null, counted: [], dropped: [], pending: `${sorted.length} of ${needed} scorecards are in.` };
  }
  const trimmed = rule === AggregationRule.TRIMMED_MEAN;
  const counted = trimmed ? sorted.slice(1, -1) : sorted;
  const dropped = trimmed ? [sorted[0], sorted[sorted.length - 1]] : [];
  const mean = counted.reduce((sum, card) => sum + card.total, 0) / counted.length;
  return { rule, score: roundOne(mean), counted: counted.map((c) => c.id), dropped: dropped.map((c) => c.id), pending: null };
}

export interface RankedProject {
  projectId: string;
  score: number | null;
  counted: number;
  submittedAt: Date | null;
}

/**
 * The round's leaderboard order: higher score first; equal scores rank the project with more counted
 * scorecards first, then the one submitted earlier, then by ID so the order never changes between
 * reads. Projects without a score yet come last. Equal scores share a rank (1, 2, 2, 4).
 */
export function rank<T extends RankedProject>(entries: T[]): (T & { rank: number | null })[] {
  const sorted = [...entries].sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      b.counted - a.counted ||
      (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity) ||
      a.projectId.localeCompare(b.projectId),
  );
  return sorted.map((entry, i) => {
    if (entry.score === null) return { ...entry, rank: null };
    const first = sorted.findIndex((other) => other.score === entry.score);
    return { ...entry, rank: first + 1 };
  });
}
