import type { Context } from '../../shared/context.js';
import { groupByKey } from '../../shared/loaders.js';
import { ReportStatus, ServiceReport } from '../reports/service-report.entity.js';
import { FollowUp } from './follow-up.entity.js';

/**
 * What should be settled before a project's closing evaluation: open follow-ups and unaccepted
 * reports. Batched, so a list of projects with their blockers costs two statements.
 */
export function closingBlockers(ctx: Context, projectId: string): Promise<string[]> {
  return ctx.loaders
    .keyed('closingBlockers', async (projectIds, em) => {
      const [followUps, reports] = await Promise.all([
        em.find(FollowUp, { project: { $in: [...projectIds] }, closedAt: null }, { orderBy: { dueDate: 'asc', id: 'asc' } }),
        em.find(ServiceReport, { project: { $in: [...projectIds] }, status: { $ne: ReportStatus.ACCEPTED } }, { orderBy: { period: 'asc' } }),
      ]);
      const followUpsBy = groupByKey(projectIds, followUps, (f) => f.project.id);
      const reportsBy = groupByKey(projectIds, reports, (r) => r.project.id);
      return projectIds.map((_, i) => [
        ...followUpsBy[i].map((f) => `Open follow-up due ${f.dueDate}: ${f.description}`),
        ...reportsBy[i].map((r) => `Service report ${r.period} is ${r.status.toLowerCase()}, not accepted`),
      ]);
    })
    .load(projectId);
}
