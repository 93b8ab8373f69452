import { Role, hasRole, isStaff, oversees, staffCovers, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import type { Program } from './program.entity.js';

/** Staff run programmes: create them and change their settings. */
export const canManagePrograms = (viewer: Viewer | null) => isStaff(viewer);

/**
 * Which staff run a programme: a park's own, that park's staff (and its district's); a district's,
 * the district's staff; a platform-wide one, administrators.
 */
export function canManageProgram(viewer: Viewer | null, program: Pick<Program, 'district' | 'park'>): boolean {
  if (program.park) return staffCovers(viewer, { parkId: program.park.id, districtId: null }) || oversees(viewer, program.district?.id ?? null);
  return program.district ? oversees(viewer, program.district.id) : hasRole(viewer, Role.ADMIN);
}

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
