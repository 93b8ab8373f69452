import type { Context } from '../../shared/context.js';
import { Role, hasRole, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { ProjectStatus, type Project } from '../projects/project.entity.js';
import { isApplicantOf, isMentorOf, isStaffOver } from '../projects/project.permissions.js';
import type { FollowUp } from './follow-up.entity.js';

/**
 * The roles that follow delivery at all. Anyone else (evaluators) is FORBIDDEN from it outright,
 * rather than told a visit or report does not exist: evaluators judge proposals and closings, not
 * the months in between.
 */
export const mayFollowDelivery = (viewer: Viewer | null) => hasRole(viewer, Role.ADMIN, Role.STAFF, Role.MENTOR, Role.APPLICANT);

/**
 * Who follows a project's delivery (visits, follow-ups, service reports, progress): the staff of
 * its park and district, the project's mentors and the applicant organisation's members.
 */
export async function canFollowDelivery(ctx: Context, project: Project): Promise<boolean> {
  const viewer = ctx.viewer;
  if (isStaffOver(viewer, project)) return true;
  if (isApplicantOf(viewer, project)) return true;
  return isMentorOf(ctx, project);
}

/** The staff of its park or district, or a mentor of the project (督导 are mentors), supervise it. */
async function supervises(ctx: Context, project: Project): Promise<Verdict> {
  return isStaffOver(ctx.viewer, project) || (await isMentorOf(ctx, project)) ? ALLOWED : refuse(UserErrorCode.WRONG_ROLE, 'Only staff and the project’s mentors supervise it.');
}

/** The project's supervisors log visits while it is in delivery. */
export async function canLogVisit(ctx: Context, project: Project): Promise<Verdict> {
  const verdict = await supervises(ctx, project);
  if (!verdict.allowed || project.status === ProjectStatus.IN_PROGRESS) return verdict;
  return refuse(UserErrorCode.INVALID_STATUS, `Supervision visits are logged on projects in delivery (IN_PROGRESS); this one is ${project.status}.`);
}

/** A follow-up is closed once, by the project's supervisors. */
export async function canCloseFollowUp(ctx: Context, project: Project, followUp: FollowUp): Promise<Verdict> {
  const verdict = await supervises(ctx, project);
  if (!verdict.allowed || !followUp.closedAt) return verdict;
  return refuse(UserErrorCode.ALREADY_DONE, `This follow-up was closed on ${followUp.closedAt.toISOString()}.`);
}

/** What stands between a project and its closing evaluation is its staff's to weigh. */
export const canSeeClosingBlockers = isStaffOver;
