import type { EntityManager } from '@mikro-orm/postgresql';
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

/** Where one project's review stands, read from the database (for preconditions). */
export async function reviewProgress(em: EntityManager, project: Project, kind: RoundKind) {
  const [assignments, program] = await Promise.all([
    em.find(ReviewAssignment, { project: project.id, round: { kind } }, { populate: ['round'] }),
    em.findOneOrFail(Program, { id: project.program.id }),
  ]);
  return summarizeReview(assignments, project, kind, program).progress;
}
