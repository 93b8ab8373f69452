import { beforeAll, describe, expect, it } from 'vitest';
import {
  DeliveryBoardDocument,
  DeliveryEventsDocument,
  DeliveryNodeDocument,
  LogSupervisionVisitDocument,
  ProjectClosingBlockersDocument,
  ProjectProgressDocument,
  ProjectServiceReportsDocument,
  ReviewServiceReportDocument,
  SubmitServiceReportDocument,
  type DeliveryBoardQuery,
  type SubmitServiceReportInput,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { projectInDelivery } from './support/lifecycle.js';

type ProjectInDelivery = Awaited<ReturnType<typeof projectInDelivery>>;
import { applicantOrganization, person, program, project, revision, type TestPerson } from './support/factories.js';

const app = useTestApp();

let delivery: ProjectInDelivery;
let evaluator: TestPerson;

beforeAll(async () => {
  delivery = await projectInDelivery(app(), { grant: 48000 });
  evaluator = await person(app(), ['EVALUATOR']);
});

function reportInput(projectId: string, period: string, overrides: Partial<SubmitServiceReportInput> = {}): SubmitServiceReportInput {
  return {
    projectId,
    period,
    sessionsHeld: 5,
    personTimes: 420,
    volunteers: 10,
    volunteerHours: 20.5,
    satisfactionRate: 95,
    spending: 8000,
    narrative: '开展"过来人"志愿者禁毒宣传进社区活动。',
    indicatorActuals: [
      { name: '服务人次', actual: 420 },
      { name: '活动场次', actual: 5 },
    ],
    ...overrides,
  };
}

async function submit(client: Client, input: SubmitServiceReportInput) {
  const result = await client.data(SubmitServiceReportDocument, { input });
  expect(result.submitServiceReport.userErrors).toEqual([]);
  return result.submitServiceReport.report!;
}

async function review(client: Client, reportId: string, accept: boolean, reason?: string) {
  const result = await client.data(ReviewServiceReportDocument, { input: { reportId, accept, reason } });
  expect(result.reviewServiceReport.userErrors).toEqual([]);
  return result.reviewServiceReport.report!;
}

async function reportsOf(client: Client, projectId: string) {
  return (await client.data(ProjectServiceReportsDocument, { id: projectId, first: 50 })).project!.serviceReports!;
}

/** 反毒馨生's half year, July to December 2022: 28 activities and 2,595 person-times, as the source reports. */
const HALF_YEAR = [
  { period: '2022-07', sessionsHeld: 4, personTimes: 380, volunteers: 8, volunteerHours: 12.5, satisfactionRate: 92, spending: 7000 },
  { period: '2022-08', sessionsHeld: 5, personTimes: 420, volunteers: 10, volunteerHours: 20, satisfactionRate: 95, spending: 8000.5 },
  { period: '2022-09', sessionsHeld: 5, personTimes: 450, volunteers: 10, volunteerHours: 18.5, satisfactionRate: 93.5, spending: 8500 },
  { period: '2022-10', sessionsHeld: 4, personTimes: 400, volunteers: 9, volunteerHours: 16, satisfactionRate: 96, spending: 7999.5 },
  { period: '2022-11', sessionsHeld: 5, personTimes: 480, volunteers: 10, volunteerHours: 22, satisfactionRate: 94, spending: 8000 },
  { period: '2022-12', sessionsHeld: 5, personTimes: 465, volunteers: 10, volunteerHours: 21, satisfactionRate: 97, spending: 8000 },
];

describe('monthly service reports (报送月度服务资料6份)', () => {
  it('takes six monthly reports from the applicant, which staff accept', async () => {
    for (const month of HALF_YEAR) {
      const report = await submit(delivery.applicant.client, reportInput(delivery.project.id, month.period, {
        ...month,
        indicatorActuals: [{ name: '服务人次', actual: month.personTimes }, { name: '活动场次', actual: month.sessionsHeld }],
      }));
      expect(report).toMatchObject({ ...month, status: 'SUBMITTED', submittedBy: { id: delivery.applicant.id }, reviewedBy: null });
      const accepted = await review(delivery.staff.client, report.id, true);
      expect(accepted).toMatchObject({ id: report.id, status: 'ACCEPTED', reviewedBy: { id: delivery.staff.id }, reviewedAt: expect.any(String) });
    }
    const listed = await reportsOf(delivery.mentor.client, delivery.project.id);
    expect(listed.totalCount).toBe(6);
    expect(listed.nodes.map((r) => [r.period, r.status])).toEqual([...HALF_YEAR].reverse().map((m) => [m.period, 'ACCEPTED']));
  });

  it('measures progress against the approved revision from accepted reports only', async () => {
    const before = await delivery.applicant.client.data(ProjectProgressDocument, { id: delivery.project.id });
    const pending = await submit(delivery.applicant.client, reportInput(delivery.project.id, '2023-01', { personTimes: 500, volunteers: 30 }));
    const returned = await submit(delivery.applicant.client, reportInput(delivery.project.id, '2023-02', { satisfactionRate: 10 }));
    await review(delivery.staff.client, returned.id, false, '缺少活动照片和签到表');

    const project = (await delivery.applicant.client.data(ProjectProgressDocument, { id: delivery.project.id })).project!;
    expect(project.progress).toEqual(before.project!.progress);
    expect(project.progress!.indicators.map(({ name, unit, target }) => ({ name, unit, target }))).toEqual(project.currentRevision!.indicatorTargets);
    expect(project.progress).toEqual({
      indicators: [
        { name: '服务人次', unit: '人次', target: 2595, actual: 2595, percent: 100 },
        { name: '活动场次', unit: '场', target: 28, actual: 28, percent: 100 },
        { name: '满意度', unit: '%', target: 90, actual: 0, percent: 0 },
      ],
      spending: { grant: 48000, spent: 47500, percent: 99 },
      reportsAccepted: 6,
      sessionsHeld: 28,
      personTimes: 2595,
      volunteers: 10,
      volunteerHours: 110,
      averageSatisfaction: 94.6,
    });

    await review(delivery.staff.client, pending.id, true);
    const after = await delivery.mentor.client.data(ProjectProgressDocument, { id: delivery.project.id });
    expect(after.project!.progress).toMatchObject({
      indicators: [{ actual: 3015, percent: 116.2 }, { actual: 33, percent: 117.9 }, { actual: 0 }],
      reportsAccepted: 7,
      personTimes: 3095,
      volunteers: 30,
      spending: { spent: 55500, percent: 115.6 },
    });
  });

  it('is null before approval', async () => {
    const { applicant } = await applicantOrganization(app());
    const draft = await project(applicant.client, (await program(app())).id, '家庭幸福经营学院');
    await revision(applicant.client, draft.id);
    const { project: seen } = await applicant.client.data(ProjectProgressDocument, { id: draft.id });
    expect(seen).toMatchObject({ approvedGrant: null, progress: null });
    const refused = await applicant.client.data(SubmitServiceReportDocument, { input: reportInput(draft.id, '2022-07') });
    expect(refused.submitServiceReport.userErrors).toMatchObject([{ code: 'INVALID_STATUS', message: expect.stringContaining('DRAFT') }]);
  });
});

describe('one report per period', () => {
  it('refuses a second report for a submitted or accepted period, writing nothing', async () => {
    const target = await projectInDelivery(app());
    const first = await submit(target.applicant.client, reportInput(target.project.id, '2022-07'));
    const again = await target.applicant.client.data(SubmitServiceReportDocument, { input: reportInput(target.project.id, '2022-07', { personTimes: 999 }) });
    expect(again.submitServiceReport).toMatchObject({ report: null, userErrors: [{ code: 'PERIOD_ALREADY_REPORTED', field: ['input', 'period'] }] });
    await review(target.staff.client, first.id, true);
    const afterAcceptance = await target.applicant.client.data(SubmitServiceReportDocument, { input: reportInput(target.project.id, '2022-07', { personTimes: 999 }) });
    expect(afterAcceptance.submitServiceReport.userErrors.map((e) => e.code)).toEqual(['PERIOD_ALREADY_REPORTED']);

    const listed = await reportsOf(target.staff.client, target.project.id);
    expect(listed.nodes).toMatchObject([{ id: first.id, personTimes: 420, status: 'ACCEPTED' }]);
    const submitted = (await target.staff.client.data(DeliveryEventsDocument, { id: target.project.id })).project!.events.nodes.filter((e) => e.type === 'REPORT_SUBMITTED');
    expect(submitted).toHaveLength(1);
  });

  it('resubmits a returned report in place: same report, SUBMITTED again, one row for the period', async () => {
    const target = await projectInDelivery(app());
    const first = await submit(target.applicant.client, reportInput(target.project.id, '2022-08'));

    const noReason = await target.staff.client.data(ReviewServiceReportDocument, { input: { reportId: first.id, accept: false } });
    expect(noReason.reviewServiceReport.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['REQUIRED', 'input.reason']]);
    const returned = await review(target.staff.client, first.id, false, '服务人次与签到表不一致,请核对');
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: '服务人次与签到表不一致,请核对' });
    const twice = await target.staff.client.data(ReviewServiceReportDocument, { input: { reportId: first.id, accept: true } });
    expect(twice.reviewServiceReport.userErrors).toMatchObject([{ code: 'INVALID_STATUS', message: expect.stringContaining('RETURNED') }]);

    const corrected = await submit(target.applicant.client, reportInput(target.project.id, '2022-08', { personTimes: 398, indicatorActuals: [{ name: '服务人次', actual: 398 }] }));
    expect(corrected).toMatchObject({ id: first.id, period: '2022-08', status: 'SUBMITTED', personTimes: 398, returnReason: null, reviewedBy: null });
    const listed = await reportsOf(target.staff.client, target.project.id);
    expect(listed.nodes.map((r) => [r.id, r.period, r.status])).toEqual([[first.id, '2022-08', 'SUBMITTED']]);

    const events = (await target.staff.client.data(DeliveryEventsDocument, { id: target.project.id })).project!.events.nodes.filter((e) => e.type.startsWith('REPORT_'));
    expect(events.map((e) => [e.type, e.details])).toEqual([
      ['REPORT_SUBMITTED', { __typename: 'ReportSubmittedDetails', reportId: first.id, period: '2022-08', resubmission: false }],
      ['REPORT_RETURNED', { __typename: 'ReportReturnedDetails', reportId: first.id, period: '2022-08', returnReason: '服务人次与签到表不一致,请核对' }],
      ['REPORT_SUBMITTED', { __typename: 'ReportSubmittedDetails', reportId: first.id, period: '2022-08', resubmission: true }],
    ]);
    await review(target.staff.client, first.id, true);
    const accepted = (await target.staff.client.data(DeliveryEventsDocument, { id: target.project.id })).project!.events.nodes.at(-1);
    expect(accepted).toMatchObject({ type: 'REPORT_ACCEPTED', actor: { id: target.staff.id } });
  });
});

describe('validating a report', () => {
  it('names the approved indicators when given an unknown one, and reports every problem, writing nothing', async () => {
    const target = await projectInDelivery(app());
    const result = await target.applicant.client.data(SubmitServiceReportDocument, {
      input: reportInput(target.project.id, '2022-13', {
        sessionsHeld: -1,
        volunteerHours: 1.25,
        satisfactionRate: 120,
        spending: 0.001,
        narrative: '',
        indicatorActuals: [
          { name: '志愿者人数', actual: 10 },
          { name: '服务人次', actual: 100 },
          { name: '服务人次', actual: -5 },
        ],
      }),
    });
    expect(result.submitServiceReport.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_FORMAT', 'input.period'],
      ['OUT_OF_RANGE', 'input.sessionsHeld'],
      ['OUT_OF_RANGE', 'input.volunteerHours'],
      ['OUT_OF_RANGE', 'input.satisfactionRate'],
      ['OUT_OF_RANGE', 'input.spending'],
      ['REQUIRED', 'input.narrative'],
      ['UNKNOWN_INDICATOR', 'input.indicatorActuals.0.name'],
      ['DUPLICATE', 'input.indicatorActuals.2.name'],
      ['OUT_OF_RANGE', 'input.indicatorActuals.2.actual'],
    ]);
    expect(result.submitServiceReport.userErrors[6].message).toBe('"志愿者人数" is not an indicator of the approved proposal; report against 服务人次, 活动场次, 满意度.');

    const future = await target.applicant.client.data(SubmitServiceReportDocument, { input: reportInput(target.project.id, '2099-01') });
    expect(future.submitServiceReport.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['OUT_OF_RANGE', 'input.period']]);
    const free = await submit(target.applicant.client, reportInput(target.project.id, '2022-09', { spending: 0, indicatorActuals: [] }));
    expect(free).toMatchObject({ spending: 0, indicatorActuals: [] });
    expect((await reportsOf(target.staff.client, target.project.id)).totalCount).toBe(1);
  });
});

describe('who may report, review and see', () => {
  it('lets only the applicant organisation submit and only staff review', async () => {
    const target = await projectInDelivery(app());
    for (const client of [target.staff.client, target.mentor.client, evaluator.client]) {
      expect(await client.errorCode(SubmitServiceReportDocument, { input: reportInput(target.project.id, '2022-07') })).toBe('FORBIDDEN');
    }
    const outsider = await applicantOrganization(app());
    const foreign = await outsider.applicant.client.data(SubmitServiceReportDocument, { input: reportInput(target.project.id, '2022-07') });
    expect(foreign.submitServiceReport.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);

    const report = await submit(target.applicant.client, reportInput(target.project.id, '2022-07'));
    for (const client of [target.applicant.client, target.mentor.client, evaluator.client]) {
      expect(await client.errorCode(ReviewServiceReportDocument, { input: { reportId: report.id, accept: true } })).toBe('FORBIDDEN');
    }
    expect((await reportsOf(target.staff.client, target.project.id)).nodes).toMatchObject([{ id: report.id, status: 'SUBMITTED' }]);
    expect(await app().admin.data(ReviewServiceReportDocument, { input: { reportId: report.id, accept: true } })).toMatchObject({
      reviewServiceReport: { userErrors: [], report: { status: 'ACCEPTED' } },
    });
  });

  it('shows reports and progress to staff, the project’s mentors and the applicant, never to evaluators', async () => {
    const target = await projectInDelivery(app());
    const report = await submit(target.applicant.client, reportInput(target.project.id, '2022-07'));
    for (const viewer of [target.staff, target.mentor, target.applicant]) {
      expect((await viewer.client.data(DeliveryNodeDocument, { id: report.id })).node).toMatchObject({ __typename: 'ServiceReport', period: '2022-07' });
      expect((await viewer.client.data(ProjectProgressDocument, { id: target.project.id })).project!.progress).toMatchObject({ reportsAccepted: 0 });
    }
    const outsider = await applicantOrganization(app());
    expect(await outsider.applicant.client.errorCode(DeliveryNodeDocument, { id: report.id })).toBe('NOT_FOUND');
    expect(await evaluator.client.errorCode(DeliveryNodeDocument, { id: report.id })).toBe('FORBIDDEN');
    const progress = await evaluator.client.request(ProjectProgressDocument, { id: target.project.id });
    const reports = await evaluator.client.request(ProjectServiceReportsDocument, { id: target.project.id });
    for (const seen of [progress, reports]) {
      expect(seen.data?.project ?? null).toBeNull();
      // NOT_FOUND while the project is not assigned to the evaluator; FORBIDDEN for its delivery once it is.
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(seen.errors?.[0].extensions?.code);
    }
  });
});

describe('closing blockers', () => {
  it('lists a report that is not accepted until staff accept it', async () => {
    const target = await projectInDelivery(app());
    const report = await submit(target.applicant.client, reportInput(target.project.id, '2022-11'));
    const blockers = async () => (await target.staff.client.data(ProjectClosingBlockersDocument, { id: target.project.id })).project!.closingBlockers;
    expect(await blockers()).toEqual(['Service report 2022-11 is submitted, not accepted']);
    await review(target.staff.client, report.id, false, '请补充支出凭证');
    expect(await blockers()).toEqual(['Service report 2022-11 is returned, not accepted']);
    await submit(target.applicant.client, reportInput(target.project.id, '2022-11'));
    await review(target.staff.client, report.id, true);
    expect(await blockers()).toEqual([]);
  });
});

describe('listing projects in delivery', () => {
  beforeAll(async () => {
    for (let i = 0; i < 8; i++) {
      const target = await projectInDelivery(app());
      const report = await submit(target.applicant.client, reportInput(target.project.id, '2022-07'));
      await review(target.staff.client, report.id, true);
      await submit(target.applicant.client, reportInput(target.project.id, '2022-08'));
      const visit = await target.mentor.client.data(LogSupervisionVisitDocument, {
        input: { projectId: target.project.id, visitedAt: '2022-08-20T02:00:00.000Z', kind: 'SITE_VISIT', findings: '活动开展正常', riskLevel: 'NORMAL', followUps: [] },
      });
      expect(visit.logSupervisionVisit.userErrors).toEqual([]);
    }
  }, 120_000);

  it('costs the same number of SQL statements for 3 projects as for 8, with progress, visits and reports', async () => {
    const counts: Record<number, number> = {};
    for (const first of [3, 8]) {
      let board: DeliveryBoardQuery | undefined;
      counts[first] = await app().countStatements(async () => {
        board = await app().admin.data(DeliveryBoardDocument, { first });
      });
      const projects = board!.projects!;
      expect(projects.nodes).toHaveLength(first);
      for (const node of projects.nodes) {
        expect(node.progress!.indicators[0].actual).toBe(420);
        expect(node.supervisionVisits!.totalCount).toBe(1);
        expect(node.serviceReports).toEqual({ totalCount: 2, nodes: [{ period: '2022-08' }, { period: '2022-07' }] });
      }
    }
    console.log(`SQL statements for a page of projects in delivery with progress, visits and reports: ${JSON.stringify(counts)}`);
    expect(counts[8]).toBe(counts[3]);
    // The page, approved revisions, accepted reports, a page of visits and a page of reports (the viewer is kept).
    expect(counts[8]).toBeLessThanOrEqual(5);
  });
});
