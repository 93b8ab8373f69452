import type { Context } from '../../shared/context.js';
import { groupByKey } from '../../shared/loaders.js';
import { chronologicalOrders, projectPage, type NewestFirstPageArgs } from '../../shared/connection.js';
import { forbidden } from '../../shared/errors.js';
import { findVisible } from '../../shared/node.js';
import type { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { followsProject, requireDeliveryRole } from '../supervision/supervision.queries.js';
import { computeProgress, type ProgressFigures } from './progress.js';
import { canViewReports } from './reports.permissions.js';
import { ReportStatus, ServiceReport } from './service-report.entity.js';

export function getReport(ctx: Context, globalId: string): Promise<ServiceReport> {
  requireDeliveryRole(ctx);
  return findVisible(ctx, ServiceReport, globalId, (report) => followsProject(ctx, report.project.id));
}

/** A project reports each month (YYYY-MM) once. */
const REPORT_ORDERS = chronologicalOrders('serviceReports', 'period', 'text', { unique: true });

/** A project's reports, latest period first by default; one statement for every project of a list. */
export async function listReports(ctx: Context, project: Project, args: NewestFirstPageArgs) {
  if (!(await canViewReports(ctx, project))) throw forbidden('see this project’s service reports');
  return projectPage(ctx, ServiceReport, project.id, REPORT_ORDERS[args.order], args);
}

function acceptedReportsOf(ctx: Context, projectId: string): Promise<ServiceReport[]> {
  return ctx.loaders
    .keyed('acceptedServiceReports', async (projectIds, em) => {
      const rows = await em.find(ServiceReport, { project: { $in: [...projectIds] }, status: ReportStatus.ACCEPTED });
      return groupByKey(projectIds, rows, (row) => row.project.id);
    })
    .load(projectId);
}

/**
 * Progress against the approved revision (the current one where no approved revision was recorded),
 * from accepted reports only; null until the project is approved with a grant.
 */
export async function progressOf(ctx: Context, project: Project): Promise<ProgressFigures | null> {
  if (!(await canViewReports(ctx, project))) throw forbidden('see this project’s progress');
  const revisionId = project.approvedRevision?.id ?? project.currentRevision?.id;
  if (project.approvedGrant == null || !revisionId) return null;
  const [revision, reports] = await Promise.all([ctx.loaders.byId(ProposalRevision).load(revisionId), acceptedReportsOf(ctx, project.id)]);
  return computeProgress(revision?.indicatorTargets ?? [], project.approvedGrant, reports);
}
