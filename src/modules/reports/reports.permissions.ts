import { isStaff, type Viewer } from '../../shared/auth.js';
import { ALLOWED, firstRefusal, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { ProjectStatus, type Project } from '../projects/project.entity.js';
import { isApplicantOf, isStaffOver } from '../projects/project.permissions.js';
import { canFollowDelivery } from '../supervision/supervision.permissions.js';
import { ReportStatus, type ServiceReport } from './service-report.entity.js';

/** Service reports and progress are followed by those who follow the delivery: staff, the project's mentors, the applicant. */
export const canViewReports = canFollowDelivery;

/** The applicant organisation reports on its own project, month by month while it is in delivery. */
export function canSubmitReports(viewer: Viewer | null, project: Project): Verdict {
  if (!isApplicantOf(viewer, project)) return refuse(UserErrorCode.NOT_ORGANIZATION_MEMBER, 'Only members of the applicant organisation report on its project.');
  if (project.status !== ProjectStatus.IN_PROGRESS) {
    return refuse(UserErrorCode.INVALID_STATUS, `Service reports are submitted for projects in delivery (IN_PROGRESS); this one is ${project.status}.`);
  }
  return ALLOWED;
}

/** A month is reported once, and again only when staff have returned its report. */
export function canResubmitReport(viewer: Viewer | null, project: Project, report: ServiceReport): Verdict {
  return firstRefusal(
    canSubmitReports(viewer, project),
    report.status === ReportStatus.RETURNED
      ? ALLOWED
      : refuse(UserErrorCode.PERIOD_ALREADY_REPORTED,
        `${report.period} has already been reported (${report.status}); a period is reported once, and again only when staff return it.`, 'input.period'),
  );
}

/** Staff accept or return reports (a role check made before anything is looked up; see canReviewReport). */
export const canReviewReports = (viewer: Viewer | null) => isStaff(viewer);

/** A report is reviewed once, when submitted (or resubmitted), by the staff of the project's park or district. */
export function canReviewReport(viewer: Viewer | null, report: ServiceReport, project: Project): Verdict {
  if (!isStaffOver(viewer, project)) return refuse(UserErrorCode.WRONG_ROLE, 'Only the staff of the project’s park or district review its service reports.');
  if (report.status !== ReportStatus.SUBMITTED) {
    return refuse(UserErrorCode.INVALID_STATUS, `Only submitted reports are reviewed; the report for ${report.period} is ${report.status}.`);
  }
  return ALLOWED;
}
