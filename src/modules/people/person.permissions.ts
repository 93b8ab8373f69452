import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import type { Person } from './person.entity.js';

/** Contact details of a person: themselves, and staff who coordinate everyone. */
export const canSeePersonEmail = (viewer: Viewer | null, personId: string) => !!viewer && (viewer.id === personId || isStaff(viewer));

/** The directory of people: staff assign mentors and evaluators from it. */
export const canListPeople = (viewer: Viewer | null) => isStaff(viewer);

/** Administrators manage accounts: roles, passwords, deactivation. */
export const canManageAccounts = (viewer: Viewer | null) => hasRole(viewer, Role.ADMIN);

/** An administrator deactivates an active account other than their own (another administrator must do that). */
export function canDeactivate(viewer: Viewer | null, person: Person): Verdict {
  if (!canManageAccounts(viewer)) return refuse(UserErrorCode.WRONG_ROLE, 'Only administrators deactivate accounts.');
  if (person.id === viewer!.id) return refuse(UserErrorCode.WRONG_ROLE, 'You cannot deactivate yourself: ask another administrator.');
  return person.deactivatedAt ? refuse(UserErrorCode.ALREADY_DONE, 'This account is already deactivated.') : ALLOWED;
}

/** ...and reactivates a deactivated one. */
export function canReactivate(viewer: Viewer | null, person: Person): Verdict {
  if (!canManageAccounts(viewer)) return refuse(UserErrorCode.WRONG_ROLE, 'Only administrators reactivate accounts.');
  return person.deactivatedAt ? ALLOWED : refuse(UserErrorCode.ALREADY_DONE, 'This account is active.');
}
