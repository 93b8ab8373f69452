import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  CoachingNodeDocument,
  CoachingProjectBoardDocument,
  CoachingSessionListDocument,
  LogCoachingSessionDocument,
  NodeDocument,
  OverdueActionItemsDocument,
  ProjectEventsDocument,
  ProjectCoachingDocument,
  SetActionItemDoneDocument,
  WithdrawProjectDocument,
  type CoachingProjectBoardQuery,
  type CoachingSessionListQuery,
  type LogCoachingSessionInput,
} from './generated/graphql.js';
import type { Client } from './support/client.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, person, program, project, revision, type TestPerson } from './support/factories.js';
import { projectUnderReview } from './support/lifecycle.js';

const app = useTestApp();

const HOUR = 3600 * 1000;
const PAST_DUE = '2025-01-15';
const FAR_FUTURE = '2099-06-30';

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), the platform's calendar. */
const shanghaiDate = (offsetDays = 0) => new Date(Date.now() + 8 * HOUR + offsetDays * 24 * HOUR).toISOString().slice(0, 10);

async function assignMentor(projectId: string): Promise<TestPerson> {
  const mentor = await person(app(), ['MENTOR']);
  const team = await app().admin.data(AssignProjectTeamDocument, { input: { projectId, mentorIds: [mentor.id] } });
  expect(team.assignProjectTeam.userErrors).toEqual([]);
  return mentor;
}

/** An applicant organisation's project with one revision, in its own programme, and a mentor assigned to it. */
async function coachedProject() {
  const { applicant, organization } = await applicantOrganization(app());
  const call = await program(app());
  const created = await project(applicant.client, call.id);
  const first = await revision(applicant.client, created.id);
  return { applicant, organization, program: call, project: created, revision: first, mentor: await assignMentor(created.id) };
}

function sessionInput(projectId: string, overrides: Partial<LogCoachingSessionInput> = {}): LogCoachingSessionInput {
  return {
    projectId,
    heldAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    mode: 'ON_SITE',
    durationMinutes: 90,
    topics: ['需求分析', '预算编制'],
    notes: '梳理服务对象需求,建议把服务人次目标与活动场次对应起来。',
    actionItems: [],
    ...overrides,
  };
}

async function logSession(client: Client, input: LogCoachingSessionInput) {
  const result = await client.data(LogCoachingSessionDocument, { input });
  expect(result.logCoachingSession.userErrors).toEqual([]);
  return result.logCoachingSession.coachingSession!;
}

async function sessionCount(projectId: string) {
  return (await app().admin.data(ProjectCoachingDocument, { id: projectId, first: 1 })).project!.coachingSessions!.totalCount;
}

async function eventTypes(projectId: string) {
  return (await app().admin.data(ProjectEventsDocument, { id: projectId, first: 100 })).project!.events.nodes.map((e) => e.type);
}

const codes = (errors: { code: string; field?: string[] | null }[]) => errors.map((e) => [e.code, e.field?.join('.')]);

describe('logging a coaching session', () => {
  it('lets a mentor log a session on revision 1 that the applicant sees and revision 2 answers', async () => {
    const { applicant, project: coached, revision: first, mentor } = await coachedProject();
    const session = await logSession(mentor.client, sessionInput(coached.id, {
      mode: 'ONLINE',
      topics: ['  需求分析 ', '指标设定'],
      discussedRevisionId: first.id,
      actionItems: [
        { description: '补充服务对象需求调研数据', dueDate: '2099-06-30' },
        { description: ' 细化志愿者培训计划 ', dueDate: '2099-05-31' },
      ],
    }));
    expect(session).toMatchObject({
      mode: 'ONLINE',
      durationMinutes: 90,
      topics: ['需求分析', '指标设定'],
      coach: { id: mentor.id, name: mentor.name },
      project: { id: coached.id },
      discussedRevision: { id: first.id, number: 1 },
      answeredByRevision: null,
    });
    expect(session.actionItems).toMatchObject([
      { description: '细化志愿者培训计划', dueDate: '2099-05-31', done: false, doneAt: null, overdue: false },
      { description: '补充服务对象需求调研数据', dueDate: '2099-06-30', done: false, overdue: false },
    ]);

    const seen = await applicant.client.data(ProjectCoachingDocument, { id: coached.id });
    expect(seen.project!.coachingSessions!.totalCount).toBe(1);
    expect(seen.project!.coachingSessions!.nodes[0]).toEqual(session);
    expect(seen.project!.openActionItems!.map((i) => i.dueDate)).toEqual(['2099-05-31', '2099-06-30']);

    const second = await revision(applicant.client, coached.id, { changeNote: '根据导师辅导意见补充需求调研', answersSessionIds: [session.id] });
    const followed = await mentor.client.data(CoachingNodeDocument, { id: session.id });
    expect(followed.node).toMatchObject({
      __typename: 'CoachingSession',
      discussedRevision: { number: 1 },
      answeredByRevision: { id: second.id, number: 2, summary: second.summary },
      actionItems: [{ description: '细化志愿者培训计划' }, { description: '补充服务对象需求调研数据' }],
    });
    const answering = await mentor.client.data(NodeDocument, { id: second.id });
    expect(answering.node).toMatchObject({ __typename: 'ProposalRevision', number: 2 });
  });

  it('lists sessions newest first, a page at a time', async () => {
    const { project: coached, mentor } = await coachedProject();
    for (const hoursAgo of [30, 10, 20]) await logSession(mentor.client, sessionInput(coached.id, { heldAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(), durationMinutes: hoursAgo }));
    const page1 = await mentor.client.data(ProjectCoachingDocument, { id: coached.id, first: 2 });
    expect(page1.project!.coachingSessions).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(page1.project!.coachingSessions!.nodes.map((s) => s.durationMinutes)).toEqual([10, 20]);
    const page2 = await mentor.client.data(ProjectCoachingDocument, { id: coached.id, first: 2, after: page1.project!.coachingSessions!.pageInfo.endCursor });
    expect(page2.project!.coachingSessions).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(page2.project!.coachingSessions!.nodes.map((s) => s.durationMinutes)).toEqual([30]);
    const beyond = await mentor.client.data(ProjectCoachingDocument, { id: coached.id, first: 2, after: page2.project!.coachingSessions!.pageInfo.endCursor });
    expect(beyond.project!.coachingSessions).toMatchObject({ totalCount: 3, nodes: [] });
  });

  it('validates every field, reports each error at its path, and writes nothing', async () => {
    const { project: coached, mentor } = await coachedProject();
    const other = await coachedProject();
    const before = { sessions: await sessionCount(coached.id), events: (await eventTypes(coached.id)).length };

    const everything = await mentor.client.data(LogCoachingSessionDocument, {
      input: sessionInput(coached.id, {
        heldAt: new Date(Date.now() + HOUR).toISOString(),
        durationMinutes: 0,
        topics: ['需求分析', '   ', 'x'.repeat(101)],
        notes: '  ',
        discussedRevisionId: other.revision.id,
        actionItems: [
          { description: '补充预算说明', dueDate: '2099-01-31' },
          { description: '', dueDate: '2026-02-30' },
          { description: '联系街道', dueDate: '2026/03/01' },
        ],
      }),
    });
    expect(everything.logCoachingSession.coachingSession).toBeNull();
    expect(codes(everything.logCoachingSession.userErrors)).toEqual([
      ['OUT_OF_RANGE', 'input.heldAt'],
      ['OUT_OF_RANGE', 'input.durationMinutes'],
      ['REQUIRED', 'input.topics.1'],
      ['TOO_LONG', 'input.topics.2'],
      ['REQUIRED', 'input.notes'],
      ['REQUIRED', 'input.actionItems.1.description'],
      ['INVALID_FORMAT', 'input.actionItems.1.dueDate'],
      ['INVALID_FORMAT', 'input.actionItems.2.dueDate'],
      ['NOT_FOUND', 'input.discussedRevisionId'],
    ]);

    const refused = async (overrides: Partial<LogCoachingSessionInput>) =>
      codes((await mentor.client.data(LogCoachingSessionDocument, { input: sessionInput(coached.id, overrides) })).logCoachingSession.userErrors);
    expect(await refused({ durationMinutes: 1441 })).toEqual([['OUT_OF_RANGE', 'input.durationMinutes']]);
    expect(await refused({ topics: [] })).toEqual([['REQUIRED', 'input.topics']]);
    expect(await refused({ notes: '记'.repeat(10001) })).toEqual([['TOO_LONG', 'input.notes']]);
    expect(await refused({ actionItems: [{ description: '细'.repeat(2001), dueDate: '2099-01-31' }] })).toEqual([['TOO_LONG', 'input.actionItems.0.description']]);
    expect(await refused({ discussedRevisionId: coached.id })).toEqual([['INVALID_ID', 'input.discussedRevisionId']]);
    expect(await refused({ projectId: other.revision.id })).toEqual([['NOT_FOUND', 'input.projectId']]);

    expect(await sessionCount(coached.id)).toBe(before.sessions);
    expect((await eventTypes(coached.id)).length).toBe(before.events);

    // The limits themselves are accepted.
    const edge = await logSession(mentor.client, sessionInput(coached.id, { durationMinutes: 1440, topics: ['预'.repeat(100)], notes: '记'.repeat(10000), heldAt: new Date(Date.now() - 1000).toISOString() }));
    expect(edge.durationMinutes).toBe(1440);
    expect(await sessionCount(coached.id)).toBe(before.sessions + 1);
  });

  it('refuses projects whose lifecycle has ended', async () => {
    const { applicant, project: coached, mentor } = await coachedProject();
    const withdrawn = await applicant.client.data(WithdrawProjectDocument, { input: { projectId: coached.id, reason: '团队调整' } });
    expect(withdrawn.withdrawProject.project?.status).toBe('WITHDRAWN');
    const result = await mentor.client.data(LogCoachingSessionDocument, { input: sessionInput(coached.id) });
    expect(result.logCoachingSession.userErrors).toMatchObject([{ code: 'INVALID_STATUS', field: ['input', 'projectId'], message: expect.stringContaining('WITHDRAWN') }]);
    expect(await sessionCount(coached.id)).toBe(0);
  });
});

describe('who logs and sees coaching', () => {
  /** A project under review, so one evaluator sees it through their assignment. */
  let coached: Awaited<ReturnType<typeof projectUnderReview>> & { mentor: TestPerson };
  let elsewhere: Awaited<ReturnType<typeof coachedProject>>;
  let session: Awaited<ReturnType<typeof logSession>>;
  let evaluator: TestPerson;
  let assignedEvaluator: TestPerson;

  beforeAll(async () => {
    const reviewed = await projectUnderReview(app());
    coached = { ...reviewed, mentor: await assignMentor(reviewed.project.id) };
    elsewhere = await coachedProject();
    evaluator = await person(app(), ['EVALUATOR']);
    assignedEvaluator = reviewed.assignments[0].evaluator;
    session = await logSession(coached.mentor.client, sessionInput(coached.project.id, { actionItems: [{ description: '提交修改后的预算表', dueDate: PAST_DUE }] }));
  });

  it('lets staff log for any project', async () => {
    const staff = await person(app(), ['STAFF']);
    const logged = await logSession(staff.client, sessionInput(coached.project.id, { mode: 'PHONE', durationMinutes: 20 }));
    expect(logged.coach.id).toBe(staff.id);
  });

  it('refuses the applicant, outsiders and evaluators with a coded user error, writing nothing', async () => {
    const before = await sessionCount(coached.project.id);
    const tryLog = async (client: Client) =>
      (await client.data(LogCoachingSessionDocument, { input: sessionInput(coached.project.id) })).logCoachingSession.userErrors.map((e) => e.code);
    expect(await tryLog(coached.applicant.client)).toEqual(['WRONG_ROLE']);
    expect(await tryLog(elsewhere.mentor.client)).toEqual(['NOT_FOUND']);
    expect(await tryLog(elsewhere.applicant.client)).toEqual(['NOT_FOUND']);
    expect(await tryLog(evaluator.client)).toEqual(['NOT_FOUND']);
    expect(await tryLog(assignedEvaluator.client)).toEqual(['WRONG_ROLE']);
    expect(await sessionCount(coached.project.id)).toBe(before);
  });

  it('shows the coaching to nobody outside the project, by any route', async () => {
    const item = session.actionItems[0];
    for (const outsider of [elsewhere.mentor, elsewhere.applicant, evaluator, assignedEvaluator]) {
      expect(await outsider.client.errorCode(CoachingNodeDocument, { id: session.id })).toBe('NOT_FOUND');
      expect(await outsider.client.errorCode(CoachingNodeDocument, { id: item.id })).toBe('NOT_FOUND');
      const done = await outsider.client.data(SetActionItemDoneDocument, { input: { actionItemId: item.id, done: true } });
      expect(done.setActionItemDone.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      expect((await outsider.client.data(OverdueActionItemsDocument, { programId: coached.program.id })).overdueActionItems!.totalCount).toBe(0);
    }
    for (const outsider of [elsewhere.mentor, elsewhere.applicant, evaluator]) {
      expect(await outsider.client.errorCode(ProjectCoachingDocument, { id: coached.project.id })).toBe('NOT_FOUND');
    }
    expect((await coached.applicant.client.data(CoachingNodeDocument, { id: item.id })).node).toMatchObject({ __typename: 'ActionItem', done: false });
  });

  it('gives an evaluator who sees the project FORBIDDEN for its coaching', async () => {
    const client = assignedEvaluator.client;
    expect((await client.data(NodeDocument, { id: coached.project.id })).node).toMatchObject({ __typename: 'Project' });
    expect(await client.errorCode(CoachingSessionListDocument, { id: coached.project.id })).toBe('FORBIDDEN');
    // The board still lists the project; only its coaching is refused, field by field.
    const board = await client.request(CoachingProjectBoardDocument, { programId: coached.program.id });
    expect(board.data?.projects?.nodes).toEqual([{ id: coached.project.id, openActionItems: null, coachingSessions: null }]);
    expect(board.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]).sort()).toEqual([
      ['FORBIDDEN', 'projects.nodes.0.coachingSessions'],
      ['FORBIDDEN', 'projects.nodes.0.openActionItems'],
    ]);
  });
});

describe('action items', () => {
  it('are ticked off by the applicant and reopened by the mentor, each only once', async () => {
    const { applicant, project: coached, mentor } = await coachedProject();
    const session = await logSession(mentor.client, sessionInput(coached.id, { actionItems: [{ description: '完善预算明细', dueDate: FAR_FUTURE }] }));
    const item = session.actionItems[0];

    const done = await applicant.client.data(SetActionItemDoneDocument, { input: { actionItemId: item.id, done: true } });
    expect(done.setActionItemDone).toMatchObject({
      userErrors: [],
      actionItem: { id: item.id, done: true, doneAt: expect.any(String), overdue: false, session: { id: session.id }, project: { id: coached.id } },
    });
    expect((await applicant.client.data(ProjectCoachingDocument, { id: coached.id })).project!.openActionItems).toEqual([]);

    const again = await applicant.client.data(SetActionItemDoneDocument, { input: { actionItemId: item.id, done: true } });
    expect(codes(again.setActionItemDone.userErrors)).toEqual([['ALREADY_DONE', 'input.done']]);
    expect(again.setActionItemDone.actionItem).toBeNull();

    const reopened = await mentor.client.data(SetActionItemDoneDocument, { input: { actionItemId: item.id, done: false } });
    expect(reopened.setActionItemDone.actionItem).toMatchObject({ done: false, doneAt: null });
    const reopenedAgain = await mentor.client.data(SetActionItemDoneDocument, { input: { actionItemId: item.id, done: false } });
    expect(codes(reopenedAgain.setActionItemDone.userErrors)).toEqual([['ALREADY_DONE', 'input.done']]);
    const wrongType = await mentor.client.data(SetActionItemDoneDocument, { input: { actionItemId: session.id, done: true } });
    expect(codes(wrongType.setActionItemDone.userErrors)).toEqual([['NOT_FOUND', 'input.actionItemId']]);
  });

  it('are overdue when open and due before today in Shanghai, and listed only where the viewer follows the project', async () => {
    const { applicant, program: call, project: coached, mentor } = await coachedProject();
    const yesterday = shanghaiDate(-1);
    const session = await logSession(mentor.client, sessionInput(coached.id, {
      actionItems: [
        { description: '提交修改后的预算表', dueDate: PAST_DUE },
        { description: '召开居民议事会', dueDate: FAR_FUTURE },
        { description: '补交活动照片', dueDate: '2025-01-05' },
        { description: '确认场地', dueDate: yesterday },
        { description: '今天要交的报名表', dueDate: shanghaiDate() },
      ],
    }));
    const byDescription = (text: string) => session.actionItems.find((i) => i.description === text)!;
    expect(session.actionItems.map((i) => [i.dueDate, i.overdue])).toEqual([
      ['2025-01-05', true],
      [PAST_DUE, true],
      [yesterday, true],
      [shanghaiDate(), false],
      [FAR_FUTURE, false],
    ]);
    const ticked = await applicant.client.data(SetActionItemDoneDocument, { input: { actionItemId: byDescription('补交活动照片').id, done: true } });
    expect(ticked.setActionItemDone.actionItem?.overdue).toBe(false);

    // Another organisation's project in the same programme, with an overdue item of its own.
    const { applicant: neighbour } = await applicantOrganization(app());
    const neighbours = await project(neighbour.client, call.id);
    const theirs = await logSession(app().admin, sessionInput(neighbours.id, { actionItems: [{ description: '整改财务台账', dueDate: '2025-01-10' }] }));

    const overdueFor = async (client: Client) =>
      (await client.data(OverdueActionItemsDocument, { programId: call.id })).overdueActionItems!.nodes.map((i) => i.id);
    const ours = [byDescription('提交修改后的预算表').id, byDescription('确认场地').id];
    expect(await overdueFor(applicant.client)).toEqual(ours);
    expect(await overdueFor(mentor.client)).toEqual(ours);
    expect(await overdueFor(neighbour.client)).toEqual([theirs.actionItems[0].id]);
    expect(await overdueFor(app().admin)).toEqual([theirs.actionItems[0].id, ...ours]);

    const firstPage = await app().admin.data(OverdueActionItemsDocument, { programId: call.id, first: 2 });
    expect(firstPage.overdueActionItems).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(firstPage.overdueActionItems!.nodes[0]).toMatchObject({ overdue: true, project: { id: neighbours.id }, session: { id: theirs.id } });
    expect(await app().admin.errorCode(OverdueActionItemsDocument, { programId: coached.id })).toBe('BAD_USER_INPUT');
  });
});

describe('the audit trail', () => {
  it('records COACHING_LOGGED and ACTION_ITEM_UPDATED events', async () => {
    const { applicant, project: coached, mentor } = await coachedProject();
    const session = await logSession(mentor.client, sessionInput(coached.id, { mode: 'PHONE', durationMinutes: 45, actionItems: [{ description: '更新服务指标', dueDate: FAR_FUTURE }] }));
    await applicant.client.data(SetActionItemDoneDocument, { input: { actionItemId: session.actionItems[0].id, done: true } });

    const events = (await applicant.client.data(ProjectEventsDocument, { id: coached.id, first: 100 })).project!.events.nodes;
    expect(events.map((e) => e.type).slice(-2)).toEqual(['COACHING_LOGGED', 'ACTION_ITEM_UPDATED']);
    const logged = events.find((e) => e.type === 'COACHING_LOGGED')!;
    expect(logged).toMatchObject({ actor: { id: mentor.id }, details: { sessionId: session.id, mode: 'PHONE', durationMinutes: 45, actionItemCount: 1 } });
    const updated = events.find((e) => e.type === 'ACTION_ITEM_UPDATED')!;
    expect(updated).toMatchObject({ actor: { id: applicant.id }, details: { actionItemId: session.actionItems[0].id, done: true } });
  });
});

describe('SQL statements', () => {
  const SESSIONS = 20;
  const PROJECTS = 20;
  let coached: Awaited<ReturnType<typeof coachedProject>>;
  let board: Awaited<ReturnType<typeof program>>;

  beforeAll(async () => {
    coached = await coachedProject();
    const ids: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const session = await logSession(coached.mentor.client, sessionInput(coached.project.id, {
        heldAt: new Date(Date.now() - (i + 1) * HOUR).toISOString(),
        discussedRevisionId: coached.revision.id,
        actionItems: [
          { description: `行动项 ${i}-a`, dueDate: PAST_DUE },
          { description: `行动项 ${i}-b`, dueDate: FAR_FUTURE },
        ],
      }));
      ids.push(session.id);
    }
    await revision(coached.applicant.client, coached.project.id, { answersSessionIds: ids.filter((_, i) => i % 2 === 0) });

    board = await program(app());
    const { applicant } = await applicantOrganization(app());
    for (let i = 0; i < PROJECTS; i++) {
      const created = await project(applicant.client, board.id, `社区项目 ${i}`);
      await logSession(app().admin, sessionInput(created.id, { actionItems: [{ description: '提交需求调研', dueDate: FAR_FUTURE }] }));
    }
  }, 120_000);

  it('lists 5 or 20 sessions with coach, revisions and action items in the same number of statements', async () => {
    const counts: Record<number, number> = {};
    for (const first of [5, 20]) {
      let result: CoachingSessionListQuery | undefined;
      counts[first] = await app().countStatements(async () => {
        result = await coached.mentor.client.data(CoachingSessionListDocument, { id: coached.project.id, first });
      });
      const sessions = result!.project!.coachingSessions!;
      expect(sessions.totalCount).toBe(SESSIONS);
      expect(sessions.nodes).toHaveLength(first);
      for (const [i, node] of sessions.nodes.entries()) {
        expect(node.coach.id).toBe(coached.mentor.id);
        expect(node.discussedRevision?.number).toBe(1);
        expect(node.answeredByRevision?.number ?? null).toBe(i % 2 === 0 ? 2 : null);
        expect(node.actionItems.map((a) => [a.overdue, a.session.id, a.project.id])).toEqual([
          [true, node.id, coached.project.id],
          [false, node.id, coached.project.id],
        ]);
      }
    }
    console.log(`SQL statements for a page of coaching sessions (viewer lookup included): ${JSON.stringify(counts)}`);
    expect(counts[20]).toBe(counts[5]);
  });

  it('lists 5 or 20 projects with their open action items and sessions in the same number of statements', async () => {
    const counts: Record<number, number> = {};
    for (const first of [5, 20]) {
      let result: CoachingProjectBoardQuery | undefined;
      counts[first] = await app().countStatements(async () => {
        result = await app().admin.data(CoachingProjectBoardDocument, { first, programId: board.id });
      });
      const projects = result!.projects!;
      expect(projects.totalCount).toBe(PROJECTS);
      expect(projects.nodes).toHaveLength(first);
      for (const node of projects.nodes) {
        expect(node.openActionItems).toHaveLength(1);
        expect(node.coachingSessions).toMatchObject({ totalCount: 1, nodes: [{ coach: { id: expect.any(String) } }] });
      }
    }
    console.log(`SQL statements for a page of projects with open action items and sessions (viewer lookup included): ${JSON.stringify(counts)}`);
    expect(counts[20]).toBe(counts[5]);
  });
});
