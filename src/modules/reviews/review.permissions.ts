import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { groupByKey } from '../../shared/loaders.js';
import { ALLOWED, firstRefusal, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { Project, ProjectStatus } from '../projects/project.entity.js';
import { isApplicantOf, isMentorOf } from '../projects/project.permissions.js';
import { AssignmentStatus, type ReviewAssignment } from './review-assignment.entity.js';
import { isCurrent } from './review-progress.js';
import { ReviewRound, RoundKind } from './review-round.entity.js';

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

/** The status a project must be in to be reviewed in a round of each kind. */
export const REVIEWABLE: Record<RoundKind, ProjectStatus[]> = {
  [RoundKind.PROPOSAL]: [ProjectStatus.SUBMITTED, ProjectStatus.UNDER_REVIEW],
  [RoundKind.CLOSING]: [ProjectStatus.CLOSING_REVIEW],
};

/** Staff run a round while it is open: assign its evaluators, and close it. */
export function canRunRound(viewer: Viewer | null, round: ReviewRound): Verdict {
  if (!canManageReviews(viewer)) return refuse(UserErrorCode.WRONG_ROLE, 'Only staff run review rounds.');
  return round.closedAt ? refuse(UserErrorCode.ROUND_CLOSED, `${round.name} was closed on ${round.closedAt.toISOString()}.`, 'input.roundId') : ALLOWED;
}

/** Evaluators are assigned to a project in an open round of its programme, while the project is in the status that kind of round reviews. */
export function canAssignEvaluators(viewer: Viewer | null, round: ReviewRound, project: Project): Verdict {
  return firstRefusal(
    canRunRound(viewer, round),
    project.program.id === round.program.id ? ALLOWED : refuse(UserErrorCode.WRONG_ROUND, 'The round belongs to another programme than the project.', 'input.roundId'),
    REVIEWABLE[round.kind].includes(project.status)
      ? ALLOWED
      : refuse(UserErrorCode.INVALID_STATUS, `A ${round.kind.toLowerCase()} round reviews projects in status ${REVIEWABLE[round.kind].join(' or ')}; this one is ${project.status}.`, 'input.projectId'),
  );
}

/** The open rounds of each programme resolved in one request, in one statement. */
function openRoundsOf(ctx: Context, programId: string): Promise<ReviewRound[]> {
  return ctx.loaders
    .keyed('openRoundsByProgram', async (programIds, em) => {
      const rounds = await em.find(ReviewRound, { program: { $in: [...programIds] }, closedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return groupByKey(programIds, rounds, (round) => round.program.id);
    })
    .load(programId);
}

/** For `Project.viewerCan`: whether some open round of the project's programme would take evaluators for it. */
export async function canAssignEvaluatorsToProject(ctx: Context, project: Project): Promise<boolean> {
  if (!canManageReviews(ctx.viewer)) return false;
  return (await openRoundsOf(ctx, project.program.id)).some((round) => canAssignEvaluators(ctx.viewer, round, project).allowed);
}

/** An evaluator acts on their own assignment while it is open: neither submitted nor recused. Declaring a conflict needs no more. */
export function canDeclareConflict(viewer: Viewer | null, assignment: ReviewAssignment): Verdict {
  if (!isAssignee(viewer, assignment)) return refuse(UserErrorCode.NOT_FOUND, 'You have no assignment with that ID.');
  if (assignment.status === AssignmentStatus.SUBMITTED) return refuse(UserErrorCode.SCORECARD_FINAL, 'This scorecard was submitted and is final.');
  if (assignment.status === AssignmentStatus.RECUSED) return refuse(UserErrorCode.INVALID_STATUS, 'You declared a conflict of interest on this assignment.');
  return ALLOWED;
}

/** Scoring also needs the round open, the project still under that review, and the revision scored still current. */
export async function canSaveScorecard(ctx: Context, assignment: ReviewAssignment): Promise<Verdict> {
  const own = canDeclareConflict(ctx.viewer, assignment);
  if (!own.allowed) return own;
  const [round, project] = await Promise.all([ctx.loaders.byId(ReviewRound).load(assignment.round.id), ctx.loaders.byId(Project).load(assignment.project.id)]);
  if (round!.closedAt) return refuse(UserErrorCode.ROUND_CLOSED, `${round!.name} is closed.`);
  if (!REVIEWABLE[round!.kind].includes(project!.status)) return refuse(UserErrorCode.INVALID_STATUS, `The project is ${project!.status}; it is no longer under this review.`);
  if (!isCurrent(assignment, project!)) {
    return refuse(UserErrorCode.STALE_REVISION, 'The applicant has saved a newer revision since this assignment; this scorecard is stale.');
  }
  return ALLOWED;
}
