import type { Context } from '../../shared/context.js';
import { readRows } from '../../shared/read.js';
import { ReviewRound } from '../reviews/review-round.entity.js';
import { ranking } from '../reviews/review.queries.js';
import { toGlobalId } from '../../shared/node-id.js';
import { amount, instant, newestFirst, projectColumns, staffProjectIds } from './export-rows.js';
import type { ExportColumn } from './export-table.js';

interface ScorecardRow {
  id: string;
  created_at: string;
  round: string;
  round_kind: string;
  project_id: string;
  project_title: string;
  evaluator: string;
  status: string;
  total: string | null;
  recommendation: string | null;
  comment: string | null;
  submitted_at: string | null;
  due_date: string | null;
}

export const SCORECARD_COLUMNS: ExportColumn<ScorecardRow>[] = [
  { key: 'id', en: 'ID', zh: '编号', value: (row) => toGlobalId('ReviewAssignment', row.id) },
  { key: 'round', en: 'Round', zh: '评审轮次', value: (row) => row.round },
  { key: 'roundKind', en: 'Kind', zh: '评审类型', value: (row) => row.round_kind },
  ...projectColumns<ScorecardRow>(),
  { key: 'evaluator', en: 'Evaluator', zh: '评审专家', value: (row) => row.evaluator },
  { key: 'status', en: 'Status', zh: '状态', value: (row) => row.status },
  { key: 'total', en: 'Total score', zh: '总分', value: (row) => amount(row.total) },
  { key: 'recommendation', en: 'Recommendation', zh: '评审建议', value: (row) => row.recommendation },
  { key: 'comment', en: 'Comment', zh: '评语', value: (row) => row.comment },
  { key: 'dueDate', en: 'Due', zh: '截止日期', value: (row) => row.due_date },
  { key: 'submittedAt', en: 'Submitted at', zh: '提交时间', value: (row) => instant(row.submitted_at), kind: 'instant' },
];

/**
 * Every scorecard (an evaluator's assignment, with its scores once submitted) of the projects the
 * viewer is staff over, named: their staff see who scored what (see scorecardAccess). Newest first.
 */
export function scorecardRows(ctx: Context): AsyncIterable<ScorecardRow[]> {
  const projects = staffProjectIds(ctx);
  return newestFirst<ScorecardRow>(ctx, {
    text: `select a.id, a.created_at, r.name as round, r.kind as round_kind, a.project_id, p.title as project_title, who.name as evaluator,
                  a.status, a.total, a.recommendation, a.comment, a.submitted_at, a.due_date::text as due_date
             from review_assignment a
             join review_round r on r.id = a.round_id
             join project p on p.id = a.project_id
             join person who on who.id = a.evaluator_id
            where a.project_id in (${projects.text})`,
    params: projects.params,
  }, 'created_at');
}

interface RankingRow {
  round: ReviewRound;
  entry: Awaited<ReturnType<typeof ranking>>[number];
}

export const RANKING_COLUMNS: ExportColumn<RankingRow>[] = [
  { key: 'roundId', en: 'Round ID', zh: '评审轮次编号', value: (row) => toGlobalId('ReviewRound', row.round.id) },
  { key: 'round', en: 'Round', zh: '评审轮次', value: (row) => row.round.name },
  { key: 'roundKind', en: 'Kind', zh: '评审类型', value: (row) => row.round.kind },
  { key: 'closedAt', en: 'Closed at', zh: '结束时间', value: (row) => row.round.closedAt ?? null, kind: 'instant' },
  { key: 'rank', en: 'Rank', zh: '名次', value: (row) => row.entry.rank },
  { key: 'fieldSize', en: 'Projects ranked', zh: '参评项目数', value: (row) => row.entry.fieldSize },
  { key: 'projectId', en: 'Project ID', zh: '项目编号', value: (row) => toGlobalId('Project', row.entry.project.id) },
  { key: 'project', en: 'Project', zh: '项目名称', value: (row) => row.entry.project.title },
  { key: 'score', en: 'Score', zh: '得分', value: (row) => row.entry.score },
  { key: 'scorecards', en: 'Scorecards counted', zh: '有效评分表', value: (row) => row.entry.scorecardCount },
];

/**
 * The leaderboard lines of every round with a project the viewer is staff over, latest round first:
 * each round ranked as its own `ranking` field ranks it (aggregation rule, counted scorecards, ties),
 * with the lines the viewer may see there.
 */
export async function* rankingRows(ctx: Context): AsyncIterable<RankingRow[]> {
  const projects = staffProjectIds(ctx);
  const rounds = await readRows<{ id: string }>(
    ctx.em,
    `select r.id from review_round r where exists (select 1 from review_assignment a where a.round_id = r.id and a.project_id in (${projects.text}))
      order by r.created_at desc, r.id desc`,
    projects.params,
    { prepare: false },
  );
  for (const { id } of rounds) {
    const round = (await ctx.loaders.byId(ReviewRound).load(id))!;
    const lines = await ranking(ctx, round);
    if (lines.length) yield lines.map((entry) => ({ round, entry }));
  }
}
