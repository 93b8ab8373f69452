import { raw } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, STAFF_COVERS_SQL, hasRole, isStaff, workplaceArrays, type Viewer } from '../../shared/auth.js';
import { groupByKey, type Maybe } from '../../shared/loaders.js';
import { ALLOWED, firstRefusal, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { Project, ProjectStatus } from '../projects/project.entity.js';
import { isApplicantOf, isMentorOf, isStaffOver } from '../projects/project.permissions.js';
import { Program } from '../programs/program.entity.js';
import { canManageProgram } from '../programs/program.permissions.js';
import { AssignmentStatus, ReviewAssignment } from './review-assignment.entity.js';
import { isCurrent } from './review-progress.js';
import { ReviewRound, RoundKind } from './review-round.entity.js';

/**
 * Staff run rounds: those who run the programme open and close them and read the whole leaderboard;
 * a project's staff assign its evaluators and read its scorecards. This is the role check made
 * before anything is looked up; each act then checks the programme or the project.
 */
export const canManageReviews = (viewer: Viewer | null) => isStaff(viewer);

/** The rounds of the programmes in which a project the viewer is staff over takes part, as a subquery. */
export const roundsWithStaffProjects = (viewer: Viewer) =>
  raw(`(select r.id from review_round r where r.program_id in (select program_id from project where ${STAFF_COVERS_SQL}))`, workplaceArrays(viewer));

/**
 * Who sees a round: those who run its programme; other staff (a park's, in a district programme)
 * when their projects take part in the programme (its ranking then shows them only their own
 * projects' lines); an evaluator the rounds they are assigned in.
 */
export async function canSeeRound(ctx: Context, round: ReviewRound): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  const program = await ctx.loaders.byId(Program).load(round.program.id);
  if (canManageProgram(viewer, program!)) return true;
  if (isStaff(viewer) && (await ctx.em.count(ReviewRound, { id: round.id, $and: [{ id: { $in: roundsWithStaffProjects(viewer) } }] })) > 0) return true;
  return hasRole(viewer, Role.EVALUATOR) && (await ctx.em.count(ReviewAssignment, { round: round.id, evaluator: viewer.id })) > 0;
}

/** An evaluator acts only on their own assignments. */
export const isAssignee = (viewer: Viewer | null, assignment: ReviewAssignment) => hasRole(viewer, Role.EVALUATOR) && assignment.evaluator.id === viewer!.id;

/** Who scored: the staff of the project's park or district, and the evaluator themselves. Nobody else ever learns it. */
export async function canSeeEvaluator(ctx: Context, assignment: ReviewAssignment): Promise<boolean> {
  if (assignment.evaluator.id === ctx.viewer?.id) return true;
  return isStaff(ctx.viewer) && isStaffOver(ctx.viewer, (await ctx.loaders.byId(Project).load(assignment.project.id))!);
}

/**
 * How much of a project's scorecards the viewer sees: its staff (its park's and district's) all of them; evaluators their own;
 * mentors and applicants the submitted ones, without who wrote them (feedback, never who scored what).
 */
export async function scorecardAccess(ctx: Context, project: Project): Promise<'ALL' | 'OWN' | 'ANONYMOUS_SUBMITTED' | 'NONE'> {
  if (isStaffOver(ctx.viewer, project)) return 'ALL';
  if (isApplicantOf(ctx.viewer, project) || (await isMentorOf(ctx, project))) return 'ANONYMOUS_SUBMITTED';
  return hasRole(ctx.viewer, Role.EVALUATOR) ? 'OWN' : 'NONE';
}

/** Review progress and the aggregate: the people following the project (its staff, mentors, applicant), not the evaluators scoring it. */
export function canSeeReviewSummary(ctx: Context, project: Project): Maybe<boolean> {
  return isStaffOver(ctx.viewer, project) || isApplicantOf(ctx.viewer, project) || isMentorOf(ctx, project);
}

/** The status a project must be in to be reviewed in a round of each kind. */
export const REVIEWABLE: Record<RoundKind, ProjectStatus[]> = {
  [RoundKind.PROPOSAL]: [ProjectStatus.SUBMITTED, ProjectStatus.UNDER_REVIEW],
  [RoundKind.CLOSING]: [ProjectStatus.CLOSING_REVIEW],
};

const roundOpen = (round: ReviewRound): Verdict =>
  round.closedAt ? refuse(UserErrorCode.ROUND_CLOSED, `${round.name} was closed on ${round.closedAt.toISOString()}.`, 'input.roundId') : ALLOWED;

/**
 * Those who run the programme (see canManageProgram) open its review rounds: a district
 * programme's, its district's staff; a park's own programme's, that park's staff and its
 * district's; a platform-wide programme's, administrators.
 */
export function canOpenRound(viewer: Viewer | null, program: Pick<Program, 'name' | 'district' | 'park'>): Verdict {
  if (!canManageReviews(viewer)) return refuse(UserErrorCode.WRONG_ROLE, 'Only staff run review rounds.');
  if (canManageProgram(viewer, program)) return ALLOWED;
  if (program.park) return refuse(UserErrorCode.OUTSIDE_WORKPLACE, `${program.name} is a park’s own programme: only the staff of that park or its district open and close its review rounds.`);
  if (program.district) return refuse(UserErrorCode.OUTSIDE_WORKPLACE, `${program.name} is a district programme: only the district’s staff open and close its review rounds.`);
  return refuse(UserErrorCode.WRONG_ROLE, `${program.name} is a platform-wide programme: only administrators open and close its review rounds.`);
}

/** Those who run the round's programme close the round, while it is open. */
export function canRunRound(viewer: Viewer | null, round: ReviewRound, program: Pick<Program, 'name' | 'district' | 'park'>): Verdict {
  return firstRefusal(canOpenRound(viewer, program), roundOpen(round));
}

/**
 * Evaluators are assigned to a project by its staff (its park's or district's), in an open round of
 * its programme, while the project is in the status that kind of round reviews.
 */
export function canAssignEvaluators(viewer: Viewer | null, round: ReviewRound, project: Project): Verdict {
  return firstRefusal(
    isStaffOver(viewer, project) ? ALLOWED : refuse(UserErrorCode.WRONG_ROLE, 'Only the staff of the project’s park or district assign its evaluators.'),
    roundOpen(round),
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
