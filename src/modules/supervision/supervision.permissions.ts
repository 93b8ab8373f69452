import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import type { Project } from '../projects/project.entity.js';
import { isApplicantOf, isMentorOf } from '../projects/project.permissions.js';

/**
 * The roles that follow delivery at all. Anyone else (evaluators) is FORBIDDEN from it outright,
 * rather than told a visit or report does not exist: evaluators judge proposals and closings, not
 * the months in between.
 */
export const mayFollowDelivery = (viewer: Viewer | null) => hasRole(viewer, Role.ADMIN, Role.STAFF, Role.MENTOR, Role.APPLICANT);

/**
 * Who follows a project's delivery (visits, follow-ups, service reports, progress): staff, the
 * project's mentors and the applicant organisation's members.
 */
export async function canFollowDelivery(ctx: Context, project: Project): Promise<boolean> {
  const viewer = ctx.viewer;
  if (isStaff(viewer)) return true;
  if (isApplicantOf(viewer, project)) return true;
  return isMentorOf(ctx, project);
}

/** Staff, or a mentor of the project (督导 are mentors), log visits and close their follow-ups. */
export async function canSupervise(ctx: Context, project: Project): Promise<boolean> {
  return isStaff(ctx.viewer) || isMentorOf(ctx, project);
}

/** What stands between a project and its closing evaluation is staff's to weigh. */
export const canSeeClosingBlockers = (viewer: Viewer | null) => isStaff(viewer);
