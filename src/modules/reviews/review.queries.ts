import type { Context } from '../../shared/context.js';
import { Role, requireRole } from '../../shared/auth.js';
import { chronologicalOrders, ascending, findPage, listOrder, type NewestFirstPageArgs, type PageArgs, type SelectedFields } from '../../shared/connection.js';
import { forbidden } from '../../shared/errors.js';
import { andThen, both } from '../../shared/loaders.js';
import { findVisible } from '../../shared/node.js';
import { toGlobalId } from '../../shared/node-id.js';
import { readRows } from '../../shared/read.js';
import { Program } from '../programs/program.entity.js';
import { canManageProgram } from '../programs/program.permissions.js';
import { Project } from '../projects/project.entity.js';
import { canViewProject, isStaffOver } from '../projects/project.permissions.js';
import { readProjects } from '../projects/project.queries.js';
import { rank, type Aggregate } from './aggregation.js';
import { AssignmentStatus, ReviewAssignment } from './review-assignment.entity.js';
import { canManageReviews, canSeeReviewSummary, canSeeRound, isAssignee, roundsWithStaffProjects, scorecardAccess } from './review.permissions.js';
import { ROUND_FACTS_BY_PROJECT_SQL, assignmentFactsOf, assignmentsOf, factsFromValues, summarizeReview } from './review-progress.js';
import { ReviewRound, RoundKind } from './review-round.entity.js';

/** An aggregate as clients see it: scorecards named by their global IDs. */
export const publicAggregate = (aggregate: Aggregate): Aggregate => ({
  ...aggregate,
  counted: aggregate.counted.map((id) => toGlobalId('ReviewAssignment', id)),
  dropped: aggregate.dropped.map((id) => toGlobalId('ReviewAssignment', id)),
});

export function reviewSummary(ctx: Context, project: Project, kind: RoundKind) {
  return andThen(canSeeReviewSummary(ctx, project), (visible) => {
    if (!visible) throw forbidden('see how this project’s review stands');
    return andThen(both(assignmentFactsOf(ctx, project.id), ctx.loaders.byId(Program).now(project.program.id)), ([assignments, program]) => {
      const { progress, aggregate } = summarizeReview(assignments, project.currentRevision?.id ?? null, kind, program!);
      return { progress, aggregate: publicAggregate(aggregate) };
    });
  });
}

/** A project's scorecards of one kind, as much as the viewer may see (see scorecardAccess): none, for those with no access. */
export async function projectScorecards(ctx: Context, project: Project, kind: RoundKind): Promise<ReviewAssignment[]> {
  const access = await scorecardAccess(ctx, project);
  if (access === 'NONE') return [];
  const all = (await assignmentsOf(ctx, project.id)).filter((a) => a.round.getEntity().kind === kind);
  if (access === 'ALL') return all;
  if (access === 'OWN') return all.filter((a) => a.evaluator.id === ctx.viewer!.id);
  return all.filter((a) => a.status === AssignmentStatus.SUBMITTED);
}

/** A round, to those who see it (see canSeeRound). */
export function getRound(ctx: Context, globalId: string): Promise<ReviewRound> {
  return findVisible(ctx, ReviewRound, globalId, (round) => canSeeRound(ctx, round));
}

const ROUNDS_AS_OPENED = listOrder('reviewRounds:OLDEST_FIRST', ascending('created_at', 'timestamp'));

/** A programme's rounds: all of them to those who run it, to other staff those their projects take part in (see canSeeRound). */
export function listRounds(ctx: Context, program: Program, args: PageArgs) {
  const viewer = requireRole(ctx.viewer, 'list review rounds', Role.ADMIN, Role.STAFF);
  const where = canManageProgram(viewer, program) ? { program: program.id } : { program: program.id, id: { $in: roundsWithStaffProjects(viewer) } };
  return findPage(ctx.em, ReviewRound, where, ROUNDS_AS_OPENED, args);
}

export function getAssignment(ctx: Context, globalId: string): Promise<ReviewAssignment> {
  return findVisible(ctx, ReviewAssignment, globalId, async (assignment) => {
    const project = (await ctx.loaders.byId(Project).load(assignment.project.id))!;
    const access = (await canViewProject(ctx, project)) ? await scorecardAccess(ctx, project) : 'NONE';
    return (
      access === 'ALL' ||
      (access === 'OWN' && isAssignee(ctx.viewer, assignment)) ||
      (access === 'ANONYMOUS_SUBMITTED' && assignment.status === AssignmentStatus.SUBMITTED)
    );
  });
}

const ASSIGNMENT_ORDERS = chronologicalOrders('myAssignments', 'created_at', 'timestamp');

/** An evaluator's own assignments, newest first by default. */
export function myAssignments(ctx: Context, args: NewestFirstPageArgs, status?: AssignmentStatus | null) {
  const viewer = requireRole(ctx.viewer, 'have review assignments', Role.EVALUATOR);
  return findPage(ctx.em, ReviewAssignment, { evaluator: viewer.id, ...(status && { status }) }, ASSIGNMENT_ORDERS[args.order], args);
}

/**
 * The round's leaderboard: every project scored in it, ranked by the documented rule over the whole
 * round (district-wide for a district programme). Those who run the programme see every line; other
 * staff (a park's) the lines of the projects they are staff over, with their true rank and the field size.
 */
/** `projectFields`: what the operation shows of each entry's project, read with the projects (see readProjects). */
export async function ranking(ctx: Context, round: ReviewRound, projectFields?: SelectedFields) {
  if (!canManageReviews(ctx.viewer)) throw forbidden('see the ranking');
  // Plain rows: a round of a hundred projects has hundreds of scorecards, and the ranking needs five values of each.
  const [rows, program] = await Promise.all([
    readRows<{ project_id: string; facts: unknown[][] }>(ctx.em, ROUND_FACTS_BY_PROJECT_SQL, [round.id]),
    ctx.loaders.byId(Program).load(round.program.id),
  ]);
  const projectIds = rows.map((row) => row.project_id);
  const factsByProject = rows.map((row) => row.facts.map(factsFromValues));
  // The ranking reads each project's submission time besides what the operation shows of it.
  const projects = await readProjects(ctx, projectIds, projectFields, ['submitted_at']);
  const entries = projects.map((project, i) => {
    const { progress, aggregate } = summarizeReview(factsByProject[i], project.currentRevision?.id ?? null, round.kind, program!);
    return { projectId: project.id, project, score: aggregate.score, counted: progress.submitted, submittedAt: project.submittedAt ?? null, aggregate: publicAggregate(aggregate), scorecardCount: progress.submitted, fieldSize: projectIds.length };
  });
  const ranked = rank(entries);
  return canManageProgram(ctx.viewer, program!) ? ranked : ranked.filter((entry) => isStaffOver(ctx.viewer, entry.project));
}
