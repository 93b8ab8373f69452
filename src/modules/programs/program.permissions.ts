import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import type { Program } from './program.entity.js';

/** Staff run programmes: create them and change their settings. */
export const canManagePrograms = (viewer: Viewer | null) => isStaff(viewer);

/** Applicants start projects for their organisation, staff on an organisation's behalf. */
export const mayStartProjects = (viewer: Viewer | null) => hasRole(viewer, Role.APPLICANT, Role.STAFF, Role.ADMIN);

/** ...in a programme while it accepts applications. */
export function canStartProject(viewer: Viewer | null, program: Program, now: Date): Verdict {
  if (!mayStartProjects(viewer)) return refuse(UserErrorCode.WRONG_ROLE, 'Only applicants and staff start projects.');
  if (!program.isOpenAt(now)) {
    return refuse(UserErrorCode.PROGRAM_NOT_OPEN,
      `${program.name} accepts applications from ${program.applicationsOpenAt.toISOString()} until ${program.applicationsCloseAt.toISOString()}.`);
  }
  return ALLOWED;
}
