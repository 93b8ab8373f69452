import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import type { Project } from '../projects/project.entity.js';
import { isApplicantOf, isMentorOf } from '../projects/project.permissions.js';
import type { ReviewAssignment } from './review-assignment.entity.js';

/** Staff run rounds: open and close them, assign evaluators, read every scorecard and the leaderboard. */
export const canManageReviews = (viewer: Viewer | null) => isStaff(viewer);

/** An evaluator acts only on their own assignments. */
export const isAssignee = (viewer: Viewer | null, assignment: ReviewAssignment) => hasRole(viewer, Role.EVALUATOR) && assignment.evaluator.id === viewer!.id;

/** Who scored: staff, and the evaluator themselves. Nobody else ever learns it. */
export const canSeeEvaluator = (viewer: Viewer | null, assignment: ReviewAssignment) => isStaff(viewer) || assignment.evaluator.id === viewer?.id;

/**
 * How much of a project's scorecards the viewer sees: staff all of them; evaluators their own;
 * mentors and applicants the submitted ones, without who wrote them (feedback, never who scored what).
 */
export async function scorecardAccess(ctx: Context, project: Project): Promise<'ALL' | 'OWN' | 'ANONYMOUS_SUBMITTED' | 'NONE'> {
  if (isStaff(ctx.viewer)) return 'ALL';
  if (isApplicantOf(ctx.viewer, project) || (await isMentorOf(ctx, project))) return 'ANONYMOUS_SUBMITTED';
  return hasRole(ctx.viewer, Role.EVALUATOR) ? 'OWN' : 'NONE';
}

/** Review progress and the aggregate: the people following the project, not the evaluators scoring it. */
export async function canSeeReviewSummary(ctx: Context, project: Project): Promise<boolean> {
  return isStaff(ctx.viewer) || isApplicantOf(ctx.viewer, project) || isMentorOf(ctx, project);
}
