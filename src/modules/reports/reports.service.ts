import { LockMode, ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { projectForMutation } from '../projects/project.service.js';
import { Role, requireRole } from '../../shared/auth.js';
import { MAX_INDICATOR_VALUE, MAX_ITEMS, MAX_LENGTH, MAX_MONTHLY_FIGURES } from '../../shared/input-limits.js';
import { flushFirstWins } from '../../shared/mutation.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { enforce, requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail, userError } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision, type IndicatorTarget } from '../projects/proposal-revision.entity.js';
import type { ReviewServiceReportInput, SubmitServiceReportInput } from './reports.inputs.js';
import { canResubmitReport, canReviewReport, canReviewReports, canSubmitReports, canViewReports } from './reports.permissions.js';
import { ReportStatus, ServiceReport } from './service-report.entity.js';

/** The month it is in Shenzhen (UTC+8, no daylight saving): on the 1st there, that month may be reported. */
export const currentPeriod = (now: Date) => new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 7);

function checkReport(input: SubmitServiceReportInput, targets: IndicatorTarget[], latestPeriod: string): Checks {
  const checks = new Checks();
  const period = input.period.trim();
  if (checks.check(/^\d{4}-(0[1-9]|1[0-2])$/.test(period), UserErrorCode.INVALID_FORMAT, 'input.period', 'A period is a month written YYYY-MM, e.g. 2022-07.')) {
    if (checks.date(`${period}-01`, 'input.period', 'The month')) {
      checks.check(period <= latestPeriod, UserErrorCode.OUT_OF_RANGE, 'input.period', `A month is reported once it has begun; the latest you can report now is ${latestPeriod}.`);
    }
  }
  checks.number(input.sessionsHeld, 'input.sessionsHeld', 'Sessions held', { max: MAX_MONTHLY_FIGURES.sessionsHeld });
  checks.number(input.personTimes, 'input.personTimes', 'Person-times', { max: MAX_MONTHLY_FIGURES.personTimes });
  checks.number(input.volunteers, 'input.volunteers', 'Volunteers', { max: MAX_MONTHLY_FIGURES.volunteers });
  checks.number(input.volunteerHours, 'input.volunteerHours', 'Volunteer hours', { max: MAX_MONTHLY_FIGURES.volunteerHours, decimals: 1 });
  checks.number(input.satisfactionRate, 'input.satisfactionRate', 'Satisfaction, in percent,', { max: 100, decimals: 2 });
  checks.amount(input.spending, 'input.spending', 'Spending', { allowZero: true });
  checks.text(input.narrative, 'input.narrative', 'Narrative', MAX_LENGTH.document);

  const allowed = targets.map((t) => t.name);
  checks.list(input.indicatorActuals, 'input.indicatorActuals', {
    label: 'indicators', max: MAX_ITEMS.indicators, key: (a) => a.name.trim(), keyField: 'name',
    each: ({ name, actual }, at) => {
      if (checks.text(name, `${at}.name`, 'An indicator name', MAX_LENGTH.name)) {
        checks.check(allowed.includes(name.trim()), UserErrorCode.UNKNOWN_INDICATOR, `${at}.name`, allowed.length
          ? `"${name.trim()}" is not an indicator of the approved proposal; report against ${allowed.join(', ')}.`
          : 'The approved proposal has no indicators to report against.');
      }
      checks.number(actual, `${at}.actual`, 'An actual figure', { max: MAX_INDICATOR_VALUE });
    },
  });
  return checks;
}

export async function submitReport(ctx: Context, input: SubmitServiceReportInput) {
  const { em } = ctx;
  const viewer = requireRole(ctx.viewer, 'submit service reports', Role.APPLICANT);
  const project = await projectForMutation(ctx, input.projectId);
  enforce(canSubmitReports(viewer, project), 'input.projectId');
  const revisionId = project.approvedRevision?.id ?? project.currentRevision?.id;
  const revision = revisionId ? await em.findOne(ProposalRevision, { id: revisionId }) : null;
  checkReport(input, revision?.indicatorTargets ?? [], currentPeriod(ctx.now)).throwIfAny();

  const period = input.period.trim();
  // Locked, so a resubmission and a review of the same report cannot interleave.
  const existing = await em.findOne(ServiceReport, { project, period }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (existing) enforce(canResubmitReport(viewer, project, existing));
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
  await flushFirstWins(em, 'service_report_project_id_period_unique', userError(UserErrorCode.PERIOD_ALREADY_REPORTED, 'input.period',
    `${period} was reported at the same moment by someone else; a period is reported once, and again only when staff return it.`));
  return { report };
}

export async function reviewReport(ctx: Context, input: ReviewServiceReportInput) {
  const { em } = ctx;
  const viewer = requireAllowed(ctx.viewer, canReviewReports, 'review service reports');
  const id = decodeId(input.reportId, 'ServiceReport');
  const report = id ? await em.findOne(ServiceReport, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  const project = report ? await em.findOne(Project, { id: report.project.id }) : null;
  // A report of a project the viewer does not follow is, to them, no report at all.
  if (!report || !project || !(await canViewReports(ctx, project))) fail(UserErrorCode.NOT_FOUND, 'input.reportId', 'No service report you can see has that ID.');
  enforce(canReviewReport(viewer, report, project), 'input.reportId');
  const checks = new Checks();
  checks.text(input.reason, 'input.reason', input.accept ? 'The reason' : 'A reason for returning the report', MAX_LENGTH.reason, !input.accept);
  checks.throwIfAny();

  const reason = input.reason?.trim() || null;
  report.status = input.accept ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
  report.returnReason = input.accept ? null : reason;
  report.reviewedBy = ref(Person, viewer.id);
  report.reviewedAt = ctx.now;
  recordEvent(ctx, project, input.accept ? EventType.REPORT_ACCEPTED : EventType.REPORT_RETURNED, {
    details: { reportId: toGlobalId('ServiceReport', report.id), period: report.period, ...(reason && { reason }) },
  });
  await em.flush();
  return { report };
}
