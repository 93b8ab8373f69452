import { oversees, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { ProjectStatus, type Project } from '../projects/project.entity.js';
import { isApplicantOf, isStaffOver } from '../projects/project.permissions.js';

/** A district's staff keep its taxonomy (areas, types, caps); administrators any district's. */
export const canManageTaxonomy = (viewer: Viewer | null, districtId: string) => oversees(viewer, districtId);

/** The staff over a project classify it at any time; its applicant while it is a draft. */
export function canSetProjectType(viewer: Viewer | null, project: Project): Verdict {
  if (isStaffOver(viewer, project)) return ALLOWED;
  if (!isApplicantOf(viewer, project)) return refuse(UserErrorCode.NOT_ORGANIZATION_MEMBER, 'Only the applicant organisation or the staff over the project set its type.');
  if (project.status !== ProjectStatus.DRAFT) return refuse(UserErrorCode.INVALID_STATUS, 'The applicant sets the type only while the project is a draft; ask the staff over it.');
  return ALLOWED;
}
