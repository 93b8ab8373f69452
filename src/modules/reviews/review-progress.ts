import type { EntityManager } from '@mikro-orm/postgresql';
import type { Project } from '../projects/project.entity.js';
import { Program } from '../programs/program.entity.js';
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

/** Where a project's current review stands, for its proposal or its closing evaluation. */
export async function reviewProgress(em: EntityManager, project: Project, kind: RoundKind): Promise<ReviewProgress> {
  const [assignments, program] = await Promise.all([
    em.find(ReviewAssignment, { project: project.id, round: { kind } }),
    em.findOneOrFail(Program, { id: project.program.id }),
  ]);
  const current = (a: ReviewAssignment) => kind === RoundKind.CLOSING || a.revision?.id === project.currentRevision?.id;
  const counting = assignments.filter((a) => current(a) && a.status !== AssignmentStatus.RECUSED);
  return {
    active: counting.length,
    submitted: counting.filter((a) => a.status === AssignmentStatus.SUBMITTED).length,
    recused: assignments.filter((a) => current(a) && a.status === AssignmentStatus.RECUSED).length,
    stale: assignments.filter((a) => !current(a) && a.status === AssignmentStatus.SUBMITTED).length,
    required: program.minEvaluators,
  };
}
