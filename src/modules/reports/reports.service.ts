import { LockMode, ref } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { groupByKey } from '../../shared/loaders.js';
import { projectForMutation } from '../projects/project.service.js';
import { Role, requireRole, requireViewer } from '../../shared/auth.js';
import { projectPage, type PageArgs } from '../../shared/connection.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { isMoney } from '../../shared/money.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { Person } from '../people/person.entity.js';
import { Project, ProjectStatus } from '../projects/project.entity.js';
import { ProposalRevision, type IndicatorTarget } from '../projects/proposal-revision.entity.js';
import { followsProject, requireDeliveryRole } from '../supervision/supervision.service.js';
import { computeProgress, type ProgressFigures } from './progress.js';
import type { ReviewServiceReportInput, SubmitServiceReportInput } from './reports.inputs.js';
import { canReviewReports, canSubmitReport, canViewReports } from './reports.permissions.js';
import { ReportStatus, ServiceReport } from './service-report.entity.js';

export async function getReport(ctx: Context, globalId: string): Promise<ServiceReport> {
  requireDeliveryRole(ctx);
  const id = decodeId(globalId, 'ServiceReport');
  const report = id ? await ctx.loaders.byId(ServiceReport).load(id) : null;
  if (!report || !(await followsProject(ctx, report.project.id))) throw notFound('ServiceReport');
  return report;
}

/** A project's reports, latest period first; one statement for every project of a list. */
export async function listReports(ctx: Context, project: Project, args: PageArgs) {
  if (!(await canViewReports(ctx, project))) throw forbidden('see this project’s service reports');
  return projectPage(ctx, ServiceReport, project.id, 'e.period desc', args);
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

/** The month it is in Shenzhen (UTC+8, no daylight saving): on the 1st there, that month may be reported. */
export const currentPeriod = (now: Date) => new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 7);

const hasDecimals = (value: number, places: number) => Math.abs(value * 10 ** places - Math.round(value * 10 ** places)) < 1e-6;

function checkReport(input: SubmitServiceReportInput, targets: IndicatorTarget[], latestPeriod: string): Checks {
  const checks = new Checks();
  const period = input.period.trim();
  if (checks.check(/^\d{4}-(0[1-9]|1[0-2])$/.test(period), UserErrorCode.INVALID_FORMAT, 'input.period', 'A period is a month written YYYY-MM, e.g. 2022-07.')) {
    checks.check(period <= latestPeriod, UserErrorCode.OUT_OF_RANGE, 'input.period', `A month is reported once it has begun; the latest you can report now is ${latestPeriod}.`);
  }
  for (const field of ['sessionsHeld', 'personTimes', 'volunteers'] as const) {
    checks.check(input[field] >= 0, UserErrorCode.OUT_OF_RANGE, `input.${field}`, 'A count cannot be negative.');
  }
  const hours = input.volunteerHours;
  checks.check(Number.isFinite(hours) && hours >= 0 && hours < 1e8 && hasDecimals(hours, 1), UserErrorCode.OUT_OF_RANGE, 'input.volunteerHours',
    'Volunteer hours are zero or more, to at most one decimal.');
  const rate = input.satisfactionRate;
  checks.check(Number.isFinite(rate) && rate >= 0 && rate <= 100 && hasDecimals(rate, 2), UserErrorCode.OUT_OF_RANGE, 'input.satisfactionRate',
    'Satisfaction is a percentage from 0 to 100, to at most two decimals.');
  checks.check(isMoney(input.spending, { allowZero: true }), UserErrorCode.OUT_OF_RANGE, 'input.spending', 'Spending is zero or more, in yuan with at most two decimals.');
  checks.text(input.narrative, 'input.narrative', 'Narrative', 10000);

  const allowed = targets.map((t) => t.name);
  const seen = new Set<string>();
  input.indicatorActuals.forEach(({ name, actual }, i) => {
    const field = `input.indicatorActuals.${i}`;
    const trimmed = name.trim();
    checks.check(allowed.includes(trimmed), UserErrorCode.UNKNOWN_INDICATOR, `${field}.name`, allowed.length
      ? `"${trimmed}" is not an indicator of the approved proposal; report against ${allowed.join(', ')}.`
      : 'The approved proposal has no indicators to report against.');
    checks.check(!seen.has(trimmed), UserErrorCode.DUPLICATE, `${field}.name`, `Indicator "${trimmed}" appears twice; report each once.`);
    seen.add(trimmed);
    checks.check(Number.isFinite(actual) && actual >= 0, UserErrorCode.OUT_OF_RANGE, `${field}.actual`, 'An actual figure is zero or more.');
  });
  return checks;
}

export async function submitReport(ctx: Context, input: SubmitServiceReportInput) {
  const { em } = ctx;
  const viewer = requireRole(ctx.viewer, 'submit service reports', Role.APPLICANT);
  const project = await projectForMutation(ctx, input.projectId);
  if (!canSubmitReport(viewer, project)) fail(UserErrorCode.NOT_ORGANIZATION_MEMBER, 'input.projectId', 'Only members of the applicant organisation report on its project.');
  if (project.status !== ProjectStatus.IN_PROGRESS) {
    fail(UserErrorCode.INVALID_STATUS, 'input.projectId', `Service reports are submitted for projects in delivery (IN_PROGRESS); this one is ${project.status}.`);
  }
  const revisionId = project.approvedRevision?.id ?? project.currentRevision?.id;
  const revision = revisionId ? await em.findOne(ProposalRevision, { id: revisionId }) : null;
  checkReport(input, revision?.indicatorTargets ?? [], currentPeriod(ctx.now)).throwIfAny();

  const period = input.period.trim();
  // Locked, so a resubmission and a review of the same report cannot interleave.
  const existing = await em.findOne(ServiceReport, { project, period }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (existing && existing.status !== ReportStatus.RETURNED) {
    fail(UserErrorCode.PERIOD_ALREADY_REPORTED, 'input.period',
      `${period} has already been reported (${existing.status}); a period is reported once, and again only when staff return it.`);
  }
  const figures = {
    sessionsHeld: input.sessionsHeld,
    personTimes: input.personTimes,
    volunteers: input.volunteers,
    volunteerHours: input.volunteerHours,
    satisfactionRate: input.satisfactionRate,
    spending: input.spending,
    narrative: input.narrative.trim(),
    indicatorActuals: input.indicatorActuals.map((a) => ({ name: a.name.trim(), actual: a.actual })),
    status: ReportStatus.SUBMITTED,
    submittedBy: ref(Person, viewer.id),
    submittedAt: ctx.now,
  };
  // A returned report is corrected in place: the period keeps one report, and the trail of returns lives in the events.
  const report = existing
    ? Object.assign(existing, figures, { returnReason: null, reviewedBy: null, reviewedAt: null })
    : em.create(ServiceReport, { project, period, ...figures, createdAt: ctx.now });
  // Touching the project bumps its version: a closing opened at the same moment conflicts instead of missing this report.
  project.updatedAt = ctx.now;
  recordEvent(ctx, project, EventType.REPORT_SUBMITTED, {
    details: { reportId: toGlobalId('ServiceReport', report.id), period, resubmission: !!existing },
  });
  await em.flush();
  return { report };
}

export async function reviewReport(ctx: Context, input: ReviewServiceReportInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  if (!canReviewReports(viewer)) throw forbidden('review service reports');
  const id = decodeId(input.reportId, 'ServiceReport');
  const report = id ? await em.findOne(ServiceReport, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!report) fail(UserErrorCode.NOT_FOUND, 'input.reportId', 'No service report has that ID.');
  if (report.status !== ReportStatus.SUBMITTED) {
    fail(UserErrorCode.INVALID_STATUS, 'input.reportId', `Only submitted reports are reviewed; the report for ${report.period} is ${report.status}.`);
  }
  const checks = new Checks();
  checks.text(input.reason, 'input.reason', input.accept ? 'The reason' : 'A reason for returning the report', 2000, !input.accept);
  checks.throwIfAny();

  const reason = input.reason?.trim() || null;
  report.status = input.accept ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
  report.returnReason = input.accept ? null : reason;
  report.reviewedBy = ref(Person, viewer.id);
  report.reviewedAt = ctx.now;
  const project = await em.findOneOrFail(Project, { id: report.project.id });
  recordEvent(ctx, project, input.accept ? EventType.REPORT_ACCEPTED : EventType.REPORT_RETURNED, {
    details: { reportId: toGlobalId('ServiceReport', report.id), period: report.period, ...(reason && { reason }) },
  });
  await em.flush();
  return { report };
}
