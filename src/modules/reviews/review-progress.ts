import type { Context } from '../../shared/context.js';
import { groupByKey } from '../../shared/loaders.js';
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

/** Whether an assignment is about what is being reviewed now: the current revision, or the delivered project. */
export function isCurrent(assignment: ReviewAssignment, project: Project): boolean {
  return assignment.revision ? assignment.revision.id === project.currentRevision?.id : true;
}

/**
 * Progress and aggregate of a project's review of one kind, from its assignments (each with its round
 * loaded). Pure, so the guards, the project fields and the leaderboard all compute it the same way.
 */
export function summarizeReview(assignments: ReviewAssignment[], project: Project, kind: RoundKind, program: Program): { progress: ReviewProgress; aggregate: Aggregate } {
  const ofKind = assignments.filter((a) => a.round.getEntity().kind === kind);
  const current = ofKind.filter((a) => isCurrent(a, project));
  const counting = current.filter((a) => a.status !== AssignmentStatus.RECUSED);
  const submitted = counting.filter((a) => a.status === AssignmentStatus.SUBMITTED);
  return {
    progress: {
      active: counting.length,
      submitted: submitted.length,
      recused: current.length - counting.length,
      stale: ofKind.filter((a) => !isCurrent(a, project) && a.status === AssignmentStatus.SUBMITTED).length,
      required: program.minEvaluators,
    },
    aggregate: aggregate(
      submitted.map((a) => ({ id: a.id, total: a.total!, submittedAt: a.submittedAt! })),
      program.aggregationRule,
      program.minEvaluators,
    ),
  };
}

/** Every assignment of the projects resolved in one request, rounds included, in one statement. */
export function assignmentsOf(ctx: Context, projectId: string): Promise<ReviewAssignment[]> {
  return ctx.loaders
    .keyed('assignmentsByProject', async (projectIds, em) => {
      const rows = await em.find(ReviewAssignment, { project: { $in: [...projectIds] } }, { populate: ['round'], strategy: 'joined', orderBy: { createdAt: 'asc', id: 'asc' } });
      return groupByKey(projectIds, rows, (row) => row.project.id);
    })
    .load(projectId);
}

/** Where one project's review stands (for preconditions), batched across the projects of a request. */
export async function reviewProgress(ctx: Context, project: Project, kind: RoundKind) {
  const [assignments, program] = await Promise.all([assignmentsOf(ctx, project.id), ctx.loaders.byId(Program).load(project.program.id)]);
  return summarizeReview(assignments, project, kind, program!).progress;
}
