import type { EntityManager } from '@mikro-orm/postgresql';
import type { Project } from '../projects/project.entity.js';
import { ReportStatus, ServiceReport } from '../reports/service-report.entity.js';
import { FollowUp } from './follow-up.entity.js';

/** What should be settled before a project's closing evaluation: open follow-ups and unaccepted reports. */
export async function closingBlockers(em: EntityManager, project: Project): Promise<string[]> {
  const [followUps, reports] = await Promise.all([
    em.find(FollowUp, { project: project.id, closedAt: null }, { orderBy: { dueDate: 'asc' } }),
    em.find(ServiceReport, { project: project.id, status: { $ne: ReportStatus.ACCEPTED } }, { orderBy: { period: 'asc' } }),
  ]);
  return [
    ...followUps.map((f) => `Open follow-up due ${f.dueDate}: ${f.description}`),
    ...reports.map((r) => `Service report ${r.period} is ${r.status.toLowerCase()}, not accepted`),
  ];
}
