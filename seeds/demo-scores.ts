/**
 * Scorecards for the demo: a scorecard is planned as the weighted total the evaluator arrives at, and
 * split here into criterion scores (with comments) that add up to exactly that total. The demo rubrics
 * give every criterion a maximum equal to its weight, so a scorecard's weighted total is the plain sum
 * of its scores; `splitScores` checks that with the API's own `weightedTotal`.
 */
import type { Criterion } from '../src/modules/programs/program.entity.js';
import { weightedTotal } from '../src/modules/reviews/aggregation.js';
import { Recommendation } from '../src/modules/reviews/review-assignment.entity.js';

export interface CriterionScore {
  criterionKey: string;
  score: number;
  comment: string;
}

/** A small deterministic generator (mulberry32), so the demo is the same on every start. */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tenths = (value: number) => Math.round(value * 10) / 10;
const halves = (value: number) => Math.round(value * 2) / 2;

/** What an evaluator writes beside a criterion score, by how much of the maximum it gives. */
function commentFor(criterion: Criterion, score: number, notes: Record<string, string>): string {
  if (notes[criterion.key]) return notes[criterion.key];
  const share = score / criterion.maxScore;
  const verdict =
    share >= 0.95 ? '表现突出,论证充分,亮点明显' :
    share >= 0.88 ? '较好,思路清楚,依据较充分' :
    share >= 0.8 ? '基本达到要求,部分内容可进一步细化' :
    share >= 0.7 ? '有一定基础,但论证和数据支撑不足' :
    '不足,需要补充完善';
  return `${criterion.title}${verdict}。`;
}

/**
 * Criterion scores that add up to `total` (one decimal), spread around the rubric's weights with a
 * little deterministic variation, each within 0 and the criterion's maximum. `notes` overrides the
 * generated comment of a criterion.
 */
export function splitScores(rubric: Criterion[], total: number, seed: number, notes: Record<string, string> = {}): CriterionScore[] {
  for (const c of rubric) {
    if (c.maxScore !== c.weight) throw new Error(`Demo rubrics give each criterion a maximum equal to its weight (${c.key})`);
  }
  const random = randomSequence(seed);
  const scores = rubric.map((c) => {
    const share = (c.maxScore * total) / 100;
    const jitter = (random() - 0.5) * 0.08 * c.maxScore;
    return Math.min(c.maxScore, Math.max(0, halves(share + jitter)));
  });
  // Put the remainder where there is room for it, largest criteria first.
  let rest = tenths(total - scores.reduce((sum, s) => sum + s, 0));
  const order = rubric.map((_, i) => i).sort((a, b) => rubric[b].maxScore - rubric[a].maxScore);
  for (const i of order) {
    if (rest === 0) break;
    const next = Math.min(rubric[i].maxScore, Math.max(0, tenths(scores[i] + rest)));
    rest = tenths(rest - (next - scores[i]));
    scores[i] = next;
  }
  const result = rubric.map((c, i) => ({ criterionKey: c.key, score: scores[i], comment: commentFor(c, scores[i], notes) }));
  const check = weightedTotal(rubric, result);
  if (rest !== 0 || Math.abs(check - total) > 1e-9) throw new Error(`Cannot split ${total} over the rubric ${rubric.map((c) => c.key).join(', ')}`);
  return result;
}

/** A proposal scorecard's recommendation, as an evaluator would give it for the total. */
export const recommendationFor = (total: number): Recommendation =>
  total >= 80 ? Recommendation.APPROVE : total >= 65 ? Recommendation.REVISE : Recommendation.REJECT;
