import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  CloseFollowUpDocument,
  DeliveryEventsDocument,
  DeliveryNodeDocument,
  LogSupervisionVisitDocument,
  ProjectClosingBlockersDocument,
  ProjectSupervisionDocument,
  type LogSupervisionVisitInput,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { projectInDelivery } from './support/lifecycle.js';

type ProjectInDelivery = Awaited<ReturnType<typeof projectInDelivery>>;
import { applicantOrganization, person, program, project, revision, type TestPerson } from './support/factories.js';

const app = useTestApp();

let delivery: ProjectInDelivery;
let evaluator: TestPerson;
let otherMentor: TestPerson;

beforeAll(async () => {
  delivery = await projectInDelivery(app());
  evaluator = await person(app(), ['EVALUATOR']);
  otherMentor = await person(app(), ['MENTOR']);
});

function visitInput(projectId: string, overrides: Partial<LogSupervisionVisitInput> = {}): LogSupervisionVisitInput {
  return {
    projectId,
    visitedAt: '2022-08-15T02:00:00.000Z',
    kind: 'SITE_VISIT',
    findings: '志愿者培训按计划开展,活动签到表不完整。',
    riskLevel: 'ATTENTION',
    followUps: [
      { description: '补齐7月活动签到表', dueDate: '2022-09-15' },
      { description: '提交志愿者培训照片', dueDate: '2022-08-31' },
    ],
    ...overrides,
  };
}

async function visitCount(projectId: string) {
  return (await delivery.staff.client.data(ProjectSupervisionDocument, { id: projectId })).project!.supervisionVisits!.totalCount;
}

async function eventsOf(projectId: string) {
  return (await delivery.staff.client.data(DeliveryEventsDocument, { id: projectId })).project!.events.nodes;
}

describe('logging supervision visits', () => {
  it('lets staff log a visit with follow-ups, ordered by due date', async () => {
    const result = await delivery.staff.client.data(LogSupervisionVisitDocument, { input: visitInput(delivery.project.id) });
    expect(result.logSupervisionVisit.userErrors).toEqual([]);
    expect(result.logSupervisionVisit.visit).toMatchObject({
      visitedAt: '2022-08-15T02:00:00.000Z',
      kind: 'SITE_VISIT',
      findings: '志愿者培训按计划开展,活动签到表不完整。',
      riskLevel: 'ATTENTION',
      visitor: { id: delivery.staff.id },
      project: { id: delivery.project.id },
    });
    expect(result.logSupervisionVisit.visit!.followUps.map((f) => [f.description, f.dueDate, f.open, f.closedAt])).toEqual([
      ['提交志愿者培训照片', '2022-08-31', true, null],
      ['补齐7月活动签到表', '2022-09-15', true, null],
    ]);
  });

  it('lets a mentor of the project (督导) log a visit, and shows visits newest first to the applicant', async () => {
    const result = await delivery.mentor.client.data(LogSupervisionVisitDocument, {
      input: visitInput(delivery.project.id, { visitedAt: '2022-09-20T06:30:00.000Z', kind: 'ACTIVITY_OBSERVATION', riskLevel: 'NORMAL', followUps: [] }),
    });
    expect(result.logSupervisionVisit.userErrors).toEqual([]);
    expect(result.logSupervisionVisit.visit).toMatchObject({ visitor: { id: delivery.mentor.id }, kind: 'ACTIVITY_OBSERVATION', followUps: [] });

    const seen = await delivery.applicant.client.data(ProjectSupervisionDocument, { id: delivery.project.id });
    expect(seen.project!.supervisionVisits!.nodes.map((v) => v.visitedAt).slice(0, 2)).toEqual(['2022-09-20T06:30:00.000Z', '2022-08-15T02:00:00.000Z']);
  });

  it('refuses an unassigned mentor, an applicant and an evaluator, writing nothing', async () => {
    const before = await visitCount(delivery.project.id);
    const stranger = await otherMentor.client.data(LogSupervisionVisitDocument, { input: visitInput(delivery.project.id) });
    expect(stranger.logSupervisionVisit).toMatchObject({ visit: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'projectId'] }] });
    expect(await delivery.applicant.client.errorCode(LogSupervisionVisitDocument, { input: visitInput(delivery.project.id) })).toBe('FORBIDDEN');
    expect(await evaluator.client.errorCode(LogSupervisionVisitDocument, { input: visitInput(delivery.project.id) })).toBe('FORBIDDEN');
    expect(await visitCount(delivery.project.id)).toBe(before);
  });

  it('refuses a project that is not in delivery, naming its status', async () => {
    const { applicant } = await applicantOrganization(app());
    const draft = await project(applicant.client, (await program(app())).id, '同心南园邻里互助会');
    await revision(applicant.client, draft.id);
    await delivery.staff.client.data(AssignProjectTeamDocument, { input: { projectId: draft.id, mentorIds: [delivery.mentor.id] } });
    for (const client of [delivery.staff.client, delivery.mentor.client]) {
      const result = await client.data(LogSupervisionVisitDocument, { input: visitInput(draft.id) });
      expect(result.logSupervisionVisit.userErrors).toMatchObject([{ code: 'INVALID_STATUS', field: ['input', 'projectId'], message: expect.stringContaining('DRAFT') }]);
    }
    expect(await visitCount(draft.id)).toBe(0);
  });

  it('validates the visit and its follow-ups, reporting every problem and writing nothing', async () => {
    const before = await visitCount(delivery.project.id);
    const eventsBefore = (await eventsOf(delivery.project.id)).length;
    const result = await delivery.staff.client.data(LogSupervisionVisitDocument, {
      input: visitInput(delivery.project.id, {
        visitedAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
        findings: '   ',
        followUps: [
          { description: '整改宣传台账', dueDate: '2022-02-30' },
          { description: '', dueDate: '2022-10-31' },
          { description: '补充满意度问卷', dueDate: '31/10/2022' },
        ],
      }),
    });
    expect(result.logSupervisionVisit.visit).toBeNull();
    expect(result.logSupervisionVisit.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['REQUIRED', 'input.findings'],
      ['OUT_OF_RANGE', 'input.visitedAt'],
      ['INVALID_FORMAT', 'input.followUps.0.dueDate'],
      ['REQUIRED', 'input.followUps.1.description'],
      ['INVALID_FORMAT', 'input.followUps.2.dueDate'],
    ]);
    expect(await visitCount(delivery.project.id)).toBe(before);
    expect(await eventsOf(delivery.project.id)).toHaveLength(eventsBefore);
  });
});

describe('follow-ups and closing blockers', () => {
  it('lists an open follow-up as a closing blocker until a mentor closes it, and closing twice is ALREADY_DONE', async () => {
    const target = await projectInDelivery(app());
    const logged = await target.staff.client.data(LogSupervisionVisitDocument, {
      input: visitInput(target.project.id, { followUps: [{ description: '完善精神康复个案档案', dueDate: '2022-10-31' }] }),
    });
    const [followUp] = logged.logSupervisionVisit.visit!.followUps;
    expect((await target.staff.client.data(ProjectClosingBlockersDocument, { id: target.project.id })).project!.closingBlockers).toEqual([
      'Open follow-up due 2022-10-31: 完善精神康复个案档案',
    ]);
    expect(await target.mentor.client.errorCode(ProjectClosingBlockersDocument, { id: target.project.id })).toBe('FORBIDDEN');
    expect(await target.applicant.client.errorCode(ProjectClosingBlockersDocument, { id: target.project.id })).toBe('FORBIDDEN');

    const blank = await target.mentor.client.data(CloseFollowUpDocument, { input: { followUpId: followUp.id, resolution: ' ' } });
    expect(blank.closeFollowUp.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['REQUIRED', 'input.resolution']]);
    expect(await target.applicant.client.errorCode(CloseFollowUpDocument, { input: { followUpId: followUp.id, resolution: '已完善' } })).toBe('FORBIDDEN');
    const stranger = await otherMentor.client.data(CloseFollowUpDocument, { input: { followUpId: followUp.id, resolution: '已完善' } });
    expect(stranger.closeFollowUp.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);

    const closed = await target.mentor.client.data(CloseFollowUpDocument, { input: { followUpId: followUp.id, resolution: '个案档案已补齐并归档' } });
    expect(closed.closeFollowUp).toMatchObject({
      userErrors: [],
      followUp: { id: followUp.id, open: false, resolution: '个案档案已补齐并归档', closedAt: expect.any(String), closedBy: { id: target.mentor.id }, visit: { id: logged.logSupervisionVisit.visit!.id } },
    });
    expect((await target.staff.client.data(ProjectClosingBlockersDocument, { id: target.project.id })).project!.closingBlockers).toEqual([]);

    const again = await target.staff.client.data(CloseFollowUpDocument, { input: { followUpId: followUp.id, resolution: '再次关闭' } });
    expect(again.closeFollowUp).toMatchObject({ followUp: null, userErrors: [{ code: 'ALREADY_DONE' }] });
    const node = await target.applicant.client.data(DeliveryNodeDocument, { id: followUp.id });
    expect(node.node).toMatchObject({ __typename: 'FollowUp', open: false });
  });

  it('records VISIT_LOGGED and FOLLOW_UP_CLOSED events with their details', async () => {
    const target = await projectInDelivery(app());
    const logged = await target.mentor.client.data(LogSupervisionVisitDocument, {
      input: visitInput(target.project.id, { kind: 'ONLINE_CHECK', riskLevel: 'WARNING' }),
    });
    const visit = logged.logSupervisionVisit.visit!;
    await target.staff.client.data(CloseFollowUpDocument, { input: { followUpId: visit.followUps[0].id, resolution: '照片已提交' } });
    const events = (await eventsOf(target.project.id)).filter((e) => e.type === 'VISIT_LOGGED' || e.type === 'FOLLOW_UP_CLOSED');
    expect(events).toEqual([
      { type: 'VISIT_LOGGED', actor: { id: target.mentor.id }, details: { __typename: 'VisitLoggedDetails', visitId: visit.id, visitKind: 'ONLINE_CHECK', riskLevel: 'WARNING', followUpCount: 2 } },
      { type: 'FOLLOW_UP_CLOSED', actor: { id: target.staff.id }, details: { __typename: 'FollowUpClosedDetails', followUpId: visit.followUps[0].id, visitId: visit.id } },
    ]);
  });
});

describe('sixteen rounds of supervision (走访督导社区16轮)', () => {
  it('logs sixteen visits, counts them and pages through them newest first', async () => {
    const target = await projectInDelivery(app());
    for (let round = 1; round <= 16; round++) {
      const visitedAt = new Date(Date.UTC(2022, 0, 1) + round * 7 * 24 * 3600 * 1000).toISOString();
      const result = await target.staff.client.data(LogSupervisionVisitDocument, {
        input: visitInput(target.project.id, { visitedAt, findings: `第${round}轮走访督导`, followUps: [] }),
      });
      expect(result.logSupervisionVisit.userErrors).toEqual([]);
    }
    const first = await target.mentor.client.data(ProjectSupervisionDocument, { id: target.project.id, first: 10 });
    expect(first.project!.supervisionVisits).toMatchObject({ totalCount: 16, pageInfo: { hasNextPage: true } });
    const second = await target.mentor.client.data(ProjectSupervisionDocument, { id: target.project.id, first: 10, after: first.project!.supervisionVisits!.pageInfo.endCursor });
    expect(second.project!.supervisionVisits).toMatchObject({ totalCount: 16, pageInfo: { hasNextPage: false } });
    const findings = [...first.project!.supervisionVisits!.nodes, ...second.project!.supervisionVisits!.nodes].map((v) => v.findings);
    expect(findings).toEqual(Array.from({ length: 16 }, (_, i) => `第${16 - i}轮走访督导`));
    const past = await target.mentor.client.data(ProjectSupervisionDocument, { id: target.project.id, first: 10, after: second.project!.supervisionVisits!.pageInfo.endCursor });
    expect(past.project!.supervisionVisits).toMatchObject({ totalCount: 16, nodes: [] });
  });
});

describe('who sees supervision', () => {
  it('shows visits to staff, the project’s mentors and the applicant; others get NOT_FOUND, evaluators FORBIDDEN', async () => {
    const logged = await delivery.staff.client.data(LogSupervisionVisitDocument, { input: visitInput(delivery.project.id) });
    const visit = logged.logSupervisionVisit.visit!;
    for (const viewer of [delivery.staff, delivery.mentor, delivery.applicant]) {
      expect((await viewer.client.data(DeliveryNodeDocument, { id: visit.id })).node).toMatchObject({ __typename: 'SupervisionVisit', findings: visit.findings });
    }
    const outsider = await applicantOrganization(app());
    for (const client of [outsider.applicant.client, otherMentor.client]) {
      expect(await client.errorCode(DeliveryNodeDocument, { id: visit.id })).toBe('NOT_FOUND');
      expect(await client.errorCode(DeliveryNodeDocument, { id: visit.followUps[0].id })).toBe('NOT_FOUND');
    }
    expect(await evaluator.client.errorCode(DeliveryNodeDocument, { id: visit.id })).toBe('FORBIDDEN');
    expect(await evaluator.client.errorCode(DeliveryNodeDocument, { id: visit.followUps[0].id })).toBe('FORBIDDEN');
    const listed = await evaluator.client.request(ProjectSupervisionDocument, { id: delivery.project.id });
    expect(listed.data?.project ?? null).toBeNull();
    // NOT_FOUND while the project is not assigned to the evaluator; FORBIDDEN for the visits once it is.
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(listed.errors?.[0].extensions?.code);
  });
});
