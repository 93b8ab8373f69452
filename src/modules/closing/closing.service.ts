import type { Context } from '../../shared/context.js';
import { Role, requireRole } from '../../shared/auth.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { fire } from '../lifecycle/lifecycle.service.js';
import { ProjectAction } from '../lifecycle/project-status.machine.js';
import { AggregationRule, Program } from '../programs/program.entity.js';
import type { ProjectActionInput } from '../projects/project.inputs.js';
import { projectForMutation } from '../projects/project.service.js';
import { aggregate } from '../reviews/aggregation.js';
import { AssignmentStatus, ReviewAssignment } from '../reviews/review-assignment.entity.js';
import { RoundKind } from '../reviews/review-round.entity.js';
import type { CloseProjectInput } from './closing.inputs.js';

/** Delivery starts once the approval is final (staff). */
export async function startDelivery(ctx: Context, input: ProjectActionInput) {
  requireRole(ctx.viewer, 'start delivery', Role.ADMIN, Role.STAFF);
  const project = await projectForMutation(ctx, input.projectId);
  await fire(ctx, project, ProjectAction.START_DELIVERY);
  await ctx.em.flush();
  return { project };
}

/**
 * Opens the closing evaluation (结项). Open follow-ups and unaccepted reports block it; staff may
 * proceed anyway with a reason, which the event keeps.
 */
export async function openClosing(ctx: Context, input: ProjectActionInput) {
  requireRole(ctx.viewer, 'open closing', Role.ADMIN, Role.STAFF);
  const project = await projectForMutation(ctx, input.projectId);
  await fire(ctx, project, ProjectAction.OPEN_CLOSING, { reason: input.reason });
  await ctx.em.flush();
  return { project };
}

/**
 * Closes the project with the grade its closing score earns under the programme's thresholds. An
 * administrator's override lets a project close on fewer scorecards than the minimum (never on
 * none); a trimmed mean then needs three, so fewer fall back to the plain mean, as the event records.
 * Closing is one act and one event: the CLOSE status change carries the score, rule and grade (the
 * closing round's own REVIEW_COMPLETED was written when its last scorecard came in).
 */
export async function closeProject(ctx: Context, input: CloseProjectInput) {
  requireRole(ctx.viewer, 'close projects', Role.ADMIN, Role.STAFF);
  const project = await projectForMutation(ctx, input.projectId);
  const program = await ctx.em.findOneOrFail(Program, { id: project.program.id });
  const cards = await ctx.em.find(ReviewAssignment, { project, status: AssignmentStatus.SUBMITTED, round: { kind: RoundKind.CLOSING } });
  const { overridden, event } = await fire(ctx, project, ProjectAction.CLOSE, { reason: input.overrideReason, reasonField: 'input.overrideReason' });
  const rule = overridden && cards.length < 3 ? AggregationRule.MEAN : program.aggregationRule;
  const result = aggregate(cards.map((c) => ({ id: c.id, total: c.total!, submittedAt: c.submittedAt! })), rule, overridden ? 1 : program.minEvaluators);
  if (result.score === null) fail(UserErrorCode.NOT_ENOUGH_SCORECARDS, 'input.projectId', `No closing score yet: ${result.pending}`);
  project.finalScore = result.score;
  project.finalGrade = program.gradeFor(result.score);
  Object.assign(event!.details, { score: result.score, rule, grade: project.finalGrade });
  await ctx.em.flush();
  return { project };
}

/** Ends a project in delivery early (终止), with the reason on record. */
export async function terminate(ctx: Context, input: ProjectActionInput) {
  requireRole(ctx.viewer, 'terminate projects', Role.ADMIN, Role.STAFF);
  const checks = new Checks();
  checks.text(input.reason, 'input.reason', 'The reason for terminating', MAX_LENGTH.reason);
  checks.throwIfAny();
  const project = await projectForMutation(ctx, input.projectId);
  await fire(ctx, project, ProjectAction.TERMINATE, { reason: input.reason });
  await ctx.em.flush();
  return { project };
}
