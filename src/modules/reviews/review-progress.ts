import type { Context } from '../../shared/context.js';
import { groupByKey, type Loader, type Maybe } from '../../shared/loaders.js';
import { readRows, sqlArray } from '../../shared/read.js';
import { Program } from '../programs/program.entity.js';
import type { Project } from '../projects/project.entity.js';
import { aggregate, type Aggregate } from './aggregation.js';
import { AssignmentStatus, ReviewAssignment } from './review-assignment.entity.js';
import { RoundKind } from './review-round.entity.js';

export interface ReviewProgress {
  /** Assignments that count: not recused, and (proposal rounds) on the current revision. */
  active: number;
  submitted: number;
  recused: number;
  /** Submitted scorecards on earlier revisions, kept but no longer counted. */
  stale: number;
  required: number;
}

/** What a review's progress is computed from, of each assignment: plain values, read without entities where lists are long. */
export interface AssignmentFacts {
  id: string;
  kind: RoundKind;
  revisionId: string | null;
  status: AssignmentStatus;
  total: number | null;
  submittedAt: Date | null;
}

/** The facts of an assignment entity (its round loaded). */
export const factsOf = (a: ReviewAssignment): AssignmentFacts => ({
  id: a.id, kind: a.round.getEntity().kind, revisionId: a.revision?.id ?? null, status: a.status, total: a.total ?? null, submittedAt: a.submittedAt ?? null,
});

/** Whether an assignment is about what is being reviewed now: the current revision, or the delivered project. */
const isCurrentFact = (revisionId: string | null, currentRevisionId: string | null) => (revisionId ? revisionId === currentRevisionId : true);

export function isCurrent(assignment: ReviewAssignment, project: Project): boolean {
  return isCurrentFact(assignment.revision?.id ?? null, project.currentRevision?.id ?? null);
}

/**
 * Progress and aggregate of a project's review of one kind, from its assignments' facts and its
 * current revision. Pure, so the guards, the project fields and the leaderboard all compute it the
 * same way.
 */
export function summarizeReview(assignments: AssignmentFacts[], currentRevisionId: string | null, kind: RoundKind, program: Program): { progress: ReviewProgress; aggregate: Aggregate } {
  const ofKind = assignments.filter((a) => a.kind === kind);
  const current = ofKind.filter((a) => isCurrentFact(a.revisionId, currentRevisionId));
  const counting = current.filter((a) => a.status !== AssignmentStatus.RECUSED);
  const submitted = counting.filter((a) => a.status === AssignmentStatus.SUBMITTED);
  return {
    progress: {
      active: counting.length,
      submitted: submitted.length,
      recused: current.length - counting.length,
      stale: ofKind.filter((a) => !isCurrentFact(a.revisionId, currentRevisionId) && a.status === AssignmentStatus.SUBMITTED).length,
      required: program.minEvaluators,
    },
    aggregate: aggregate(
      submitted.map((a) => ({ id: a.id, total: a.total!, submittedAt: a.submittedAt! })),
      program.aggregationRule,
      program.minEvaluators,
    ),
  };
}

/** An assignment's own facts, over review_assignment `a` (the round's kind comes after them). */
const OWN_FACTS = 'a.id, a.project_id, a.revision_id, a.status, a.total, a.submitted_at';

/**
 * The SQL of assignment facts with their project, for `where` over review_assignment `a` choosing a
 * few projects' assignments. Each round's kind is read from the index that holds it (see migration
 * 20261203110000): joined instead, a page's subquery per project hashed every round for each project.
 */
export const ASSIGNMENT_FACTS_SQL = `select ${OWN_FACTS}, (select r.kind from review_round r where r.id = a.round_id) as kind
   from review_assignment a`;

/** The columns ASSIGNMENT_FACTS_SQL reads, in the order factsFromValues takes them. */
const FACT_COLUMNS = ['id', 'project_id', 'revision_id', 'status', 'total', 'submitted_at', 'kind'] as const;

export const toFacts = (row: Record<string, unknown>) => factsFromValues(FACT_COLUMNS.map((column) => row[column]));

/** The facts of an assignment from its columns' values (FACT_COLUMNS), as assignmentFactsJsonSql reads them. */
export const factsFromValues = ([id, projectId, revisionId, status, total, submittedAt, kind]: readonly unknown[]): AssignmentFacts & { projectId: string } => ({
  id: id as string,
  projectId: projectId as string,
  kind: kind as RoundKind,
  revisionId: (revisionId as string | null) ?? null,
  status: status as AssignmentStatus,
  total: total == null ? null : Number(total),
  submittedAt: submittedAt == null ? null : new Date(submittedAt as string | Date),
});

/** Every assignment of the projects resolved in one request, rounds included, in one statement. */
export function assignmentsOf(ctx: Context, projectId: string): Promise<ReviewAssignment[]> {
  return ctx.loaders
    .keyed('assignmentsByProject', async (projectIds, em) => {
      const rows = await em.find(ReviewAssignment, { project: { $in: [...projectIds] } }, { populate: ['round'], strategy: 'joined', orderBy: { createdAt: 'asc', id: 'asc' } });
      return groupByKey(projectIds, rows, (row) => row.project.id);
    })
    .load(projectId);
}

/** The facts of every assignment of the projects resolved in one request, as plain rows, in one statement. */
export function assignmentFactsOf(ctx: Context, projectId: string): Maybe<AssignmentFacts[]> {
  return assignmentFactsLoader(ctx).now(projectId);
}

/** The loader of assignmentFactsOf; a list of projects may fill it with its page (project.queries.ts, from assignmentFactsJsonSql). */
export function assignmentFactsLoader(ctx: Context): Loader<AssignmentFacts[]> {
  return ctx.loaders.keyed('assignmentFactsByProject', async (projectIds, em) => {
    const rows = await readRows(em, `${ASSIGNMENT_FACTS_SQL} where a.project_id = any(?::uuid[])`, [sqlArray(projectIds)]);
    return groupByKey(projectIds, rows.map(toFacts), (row) => row.projectId);
  });
}

/** The assignment facts of the project `projectId` (an SQL expression) as a JSON array of arrays of values, for factsFromValues. */
export const assignmentFactsJsonSql = (projectId: string) =>
  `(select coalesce(json_agg(json_build_array(${FACT_COLUMNS.map((column) => `f.${column}`).join(', ')})), '[]') from (${ASSIGNMENT_FACTS_SQL} where a.project_id = ${projectId}) f)`;

/**
 * The facts of a round's assignments (the round's id the one parameter), a row per project:
 * `project_id` and `facts`, a JSON array of each assignment's values as factsFromValues takes them.
 * A round of a hundred projects has hundreds of assignments: a row per project is a hundred rows to
 * receive instead of hundreds, their values parsed as JSON at once.
 */
export const ROUND_FACTS_BY_PROJECT_SQL = `select f.project_id, json_agg(json_build_array(${FACT_COLUMNS.map((column) => `f.${column}`).join(', ')})) as facts
   from (select ${OWN_FACTS}, r.kind from review_assignment a join review_round r on r.id = a.round_id where a.round_id = ?) f group by f.project_id`;

/** Where one project's review stands (for preconditions), batched across the projects of a request. */
export async function reviewProgress(ctx: Context, project: Project, kind: RoundKind) {
  const [assignments, program] = await Promise.all([assignmentFactsOf(ctx, project.id), ctx.loaders.byId(Program).load(project.program.id)]);
  return summarizeReview(assignments, project.currentRevision?.id ?? null, kind, program!).progress;
}
