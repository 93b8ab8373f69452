import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import type { Project } from '../projects/project.entity.js';
import { canFollowDelivery } from '../supervision/supervision.permissions.js';

/** Service reports and progress are followed by those who follow the delivery: staff, the project's mentors, the applicant. */
export const canViewReports = canFollowDelivery;

/** The applicant organisation reports on its own project. */
export const canSubmitReport = (viewer: Viewer | null, project: Project) =>
  hasRole(viewer, Role.APPLICANT) && viewer!.organizationId === project.organization.id;

/** Staff accept or return reports. */
export const canReviewReports = (viewer: Viewer | null) => isStaff(viewer);
