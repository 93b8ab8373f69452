import type { Context } from '../../shared/context.js';
import { Role, hasRole, staffCovers, type Scope, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { Organization } from '../organizations/organization.entity.js';
import type { ActivityRegistration, ParkActivity } from './park-activity.entity.js';

export const activityScope = (activity: ParkActivity): Scope => ({ parkId: activity.park.id, districtId: activity.district?.id ?? null });

/**
 * A park's activities are run by its staff (and its district's): they create them, register and
 * check people in, count heads, and alone see who came (registrations hold guests' names and units).
 */
export const canRunActivities = (viewer: Viewer | null, scope: Scope) => staffCovers(viewer, scope);

/**
 * Who sees a park's activities (not who came to them): its staff and everyone working for it
 * (mentors), and the members of the organisations it coaches, who are the people invited.
 */
export async function canSeeParkActivities(ctx: Context, scope: Scope): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (canRunActivities(viewer, scope)) return true;
  if (scope.parkId && viewer.parkIds.includes(scope.parkId)) return true;
  if (!hasRole(viewer, Role.APPLICANT) || !viewer.organizationId) return false;
  const organization = await ctx.loaders.byId(Organization).load(viewer.organizationId);
  return !!organization?.park && organization.park.id === scope.parkId;
}

/** Staff of the park register anyone; others who see the activity register themselves. */
export async function canRegister(ctx: Context, activity: ParkActivity, forSomeoneElse: boolean): Promise<Verdict> {
  if (canRunActivities(ctx.viewer, activityScope(activity))) return ALLOWED;
  if (forSomeoneElse) return refuse(UserErrorCode.WRONG_ROLE, 'Only the park’s staff register other people or guests.');
  return (await canSeeParkActivities(ctx, activityScope(activity))) ? ALLOWED : refuse(UserErrorCode.OUTSIDE_WORKPLACE, 'This activity is not one of your park’s.');
}

/** A registration is cancelled by the park's staff or by the person registered, before they attended. */
export function canCancelRegistration(viewer: Viewer | null, activity: ParkActivity, registration: ActivityRegistration, attended: boolean): Verdict {
  const own = !!viewer && registration.person?.id === viewer.id;
  if (!own && !canRunActivities(viewer, activityScope(activity))) return refuse(UserErrorCode.WRONG_ROLE, 'Only the park’s staff or the person registered cancel a registration.');
  if (registration.cancelledAt) return refuse(UserErrorCode.ALREADY_DONE, 'This registration is already cancelled.');
  if (attended) return refuse(UserErrorCode.INVALID_STATUS, 'They have been checked in: an attendance is not cancelled.');
  return ALLOWED;
}

/** Satisfaction is given by the person who attended, or recorded by staff from a paper form. */
export function canRecordSatisfaction(viewer: Viewer | null, activity: ParkActivity, registration: ActivityRegistration, attended: boolean): Verdict {
  const own = !!viewer && registration.person?.id === viewer.id;
  if (!own && !canRunActivities(viewer, activityScope(activity))) return refuse(UserErrorCode.WRONG_ROLE, 'Only the park’s staff or the person who attended record satisfaction.');
  if (!attended) return refuse(UserErrorCode.INVALID_STATUS, 'Satisfaction is asked of those who attended; this registration has no check-in.');
  return ALLOWED;
}
