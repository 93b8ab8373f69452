import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT, MAX_ITEMS } from '../src/shared/input-limits.js';
import {
  AssignEvaluatorsDocument,
  AssignProjectTeamDocument,
  CloseFollowUpDocument,
  CloseProjectDocument,
  CreateOrganizationDocument,
  CreatePersonDocument,
  CreateProgramDocument,
  CreateProjectDocument,
  DeclareConflictDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  MarkConditionMetDocument,
  OpenReviewRoundDocument,
  ProjectEventsDocument,
  ProjectEventsLiveDocument,
  ProjectRevisionsDocument,
  ProjectsDocument,
  ProjectStatusViewDocument,
  RecordDecisionDocument,
  ReviewServiceReportDocument,
  SaveRevisionDocument,
  SaveScorecardDocument,
  SetActionItemDoneDocument,
  SubmitServiceReportDocument,
  TerminateProjectDocument,
  UpdateOrganizationDocument,
  UpdateProgramDocument,
  WithdrawProjectDocument,
  type CriterionInput,
  type CriterionScoreInput,
  type LogCoachingSessionInput,
  type LogSupervisionVisitInput,
  type RecordDecisionInput,
  type SaveRevisionInput,
  type SubmitServiceReportInput,
  type UserErrorFieldsFragment,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, home, organization, person, program, programInput, project, revisionInput, type TestPerson } from './support/factories.js';
import { projectInDelivery, projectUnderReview, scoresFor, submitScorecard } from './support/lifecycle.js';
import { connectLive, subscribe } from './support/live.js';

const app = useTestApp();
const HOUR = 3600 * 1000;
const text = (length: number) => '字'.repeat(length);
const many = <T>(count: number, item: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => item(i));
const codes = (errors: UserErrorFieldsFragment[]) => errors.map((e) => [e.code, e.field?.join('.')]);

/** The tables a mutation writes, read whole: equal fingerprints mean nothing was inserted, changed or deleted. */
const WRITTEN_TABLES = [
  'organization', 'program', 'project', 'project_mentor', 'proposal_revision', 'coaching_session', 'action_item', 'review_round',
  'review_assignment', 'decision', 'decision_condition', 'supervision_visit', 'follow_up', 'service_report', 'lifecycle_event',
];
let db: pg.Client;

async function fingerprint(): Promise<string[]> {
  const people = await db.query(`select md5(coalesce(string_agg(concat_ws(',', id, email, name, roles, organization_id), '|' order by id), '')) as hash from person`);
  // One statement at a time: a pg client runs one query at a time (pg 9 refuses a second while one runs).
  const hashes: string[] = [people.rows[0].hash];
  for (const table of WRITTEN_TABLES) hashes.push((await db.query(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${table}" t`)).rows[0].hash);
  return hashes;
}

/** The codes and paths of a refused mutation's user errors, once it is clear the mutation wrote nothing. */
async function refused(mutation: () => Promise<UserErrorFieldsFragment[]>) {
  const before = await fingerprint();
  const errors = await mutation();
  expect(await fingerprint()).toEqual(before);
  return codes(errors);
}

const waitingOnLocks = async () =>
  (await db.query(`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].waiting as number;

/**
 * Runs concurrent requests so that they truly race: `table` takes no writes until `blocked` of them
 * are waiting on a lock, so every one has read the same state before any writes.
 */
async function race<T>(table: string, blocked: number, requests: () => Promise<T>): Promise<T> {
  const gate = new pg.Client({ connectionString: app().databaseUrl });
  await gate.connect();
  try {
    await gate.query('begin');
    await gate.query(`lock table "${table}" in share mode`);
    const results = requests();
    const deadline = Date.now() + 10_000;
    while ((await waitingOnLocks()) < blocked) {
      if (Date.now() > deadline) throw new Error(`fewer than ${blocked} requests reached the gate on ${table}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await gate.query('commit');
    return await results;
  } finally {
    await gate.end();
  }
}

let delivery: Awaited<ReturnType<typeof projectInDelivery>>;
let draft: { applicant: TestPerson; projectId: string };

beforeAll(async () => {
  db = new pg.Client({ connectionString: app().databaseUrl });
  await db.connect();
  delivery = await projectInDelivery(app());
  const { applicant } = await applicantOrganization(app());
  draft = { applicant, projectId: (await project(applicant.client, (await program(app())).id)).id };
});

afterAll(async () => {
  await db?.end();
});

describe('proposal revisions', () => {
  const save = (overrides: Partial<SaveRevisionInput>) => async () =>
    (await draft.applicant.client.data(SaveRevisionDocument, { input: revisionInput(draft.projectId, overrides) })).saveRevision.userErrors;
  const lines = (count: number) => many(count, (i) => ({ item: `预算${i}`, amount: 100 }));

  it('refuses each list over its cap with one error for the list, writing nothing', async () => {
    // The attacker's revision: a thousand objectives. One error, not a thousand.
    expect(await refused(save({ objectives: many(1000, (i) => `目标${i} ${'x'.repeat(100)}`) }))).toEqual([['TOO_MANY', 'input.objectives']]);
    expect(await refused(save({ activityPlan: many(51, (i) => ({ title: `活动${i}`, period: '2026-03', description: '' })) }))).toEqual([['TOO_MANY', 'input.activityPlan']]);
    expect(await refused(save({ indicatorTargets: many(21, (i) => ({ name: `指标${i}`, unit: '人次', target: 10 })) }))).toEqual([['TOO_MANY', 'input.indicatorTargets']]);
    expect(await refused(save({ budgetLines: lines(51), requestedAmount: 5100 }))).toEqual([['TOO_MANY', 'input.budgetLines']]);
    expect(await refused(save({ team: many(31, (i) => ({ name: `社工${i}`, role: '社工' })) }))).toEqual([['TOO_MANY', 'input.team']]);
    expect(await refused(save({ answersSessionIds: many(51, () => 'x') }))).toEqual([['TOO_MANY', 'input.answersSessionIds']]);
  });

  it('accepts every list at its cap', async () => {
    const { applicant } = await applicantOrganization(app());
    const full = (await project(applicant.client, (await program(app())).id)).id;
    const result = await applicant.client.data(SaveRevisionDocument, {
      input: revisionInput(full, {
        objectives: many(MAX_ITEMS.objectives, (i) => `目标${i}`),
        activityPlan: many(MAX_ITEMS.activities, (i) => ({ title: `活动${i}`, period: '2026-03', description: '' })),
        indicatorTargets: many(MAX_ITEMS.indicators, (i) => ({ name: `指标${i}`, unit: '人次', target: 1_000_000_000 })),
        budgetLines: lines(MAX_ITEMS.budgetLines),
        requestedAmount: 100 * MAX_ITEMS.budgetLines,
        team: many(MAX_ITEMS.teamMembers, (i) => ({ name: `社工${i}`, role: '社工' })),
      }),
    });
    expect(result.saveRevision.userErrors).toEqual([]);
    expect(result.saveRevision.revision?.objectives).toHaveLength(MAX_ITEMS.objectives);
  });

  it('refuses over-long texts, repeated entries and impossible figures at their paths', async () => {
    expect(await refused(save({ summary: text(5001), changeNote: text(2001) }))).toEqual([['TOO_LONG', 'input.summary'], ['TOO_LONG', 'input.changeNote']]);
    expect(await refused(save({ budgetLines: [{ item: '培训费', amount: 50000, note: text(501) }] }))).toEqual([['TOO_LONG', 'input.budgetLines.0.note']]);
    expect(await refused(save({ objectives: ['培育志愿者', '开展宣传', ' 培育志愿者 '] }))).toEqual([['DUPLICATE', 'input.objectives.2']]);
    expect(await refused(save({ team: [{ name: '李社工', role: '项目负责人' }, { name: '李社工', role: '督导' }] }))).toEqual([['DUPLICATE', 'input.team.1']]);
    expect(await refused(save({ indicatorTargets: [{ name: '服务人次', unit: '人次', target: 1e308 }] }))).toEqual([['OUT_OF_RANGE', 'input.indicatorTargets.0.target']]);
    expect(await refused(save({ budgetLines: [{ item: '培训费', amount: 1e308 }], requestedAmount: 1e308 }))).toEqual([
      ['OUT_OF_RANGE', 'input.budgetLines.0.amount'],
      ['OUT_OF_RANGE', 'input.requestedAmount'],
    ]);
    const session = await delivery.staff.client.data(LogCoachingSessionDocument, { input: sessionInput(draft.projectId) });
    const sessionId = session.logCoachingSession.coachingSession!.id;
    expect(await refused(save({ answersSessionIds: [sessionId, sessionId] }))).toEqual([['DUPLICATE', 'input.answersSessionIds.1']]);
  });

  it('refuses an over-long project title and withdrawal reason', async () => {
    const programId = (await program(app())).id;
    expect(await refused(async () => (await draft.applicant.client.data(CreateProjectDocument, {
      input: { programId, title: text(201), focusArea: '禁毒宣传', communityServed: '田厦社区' },
    })).createProject.userErrors)).toEqual([['TOO_LONG', 'input.title']]);
    expect(await refused(async () => (await draft.applicant.client.data(WithdrawProjectDocument, { input: { projectId: draft.projectId, reason: text(2001) } })).withdrawProject.userErrors))
      .toEqual([['TOO_LONG', 'input.reason']]);
  });

  it('refuses too many or repeated mentors', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const assign = (mentorIds: string[]) => async () =>
      (await delivery.staff.client.data(AssignProjectTeamDocument, { input: { projectId: draft.projectId, mentorIds } })).assignProjectTeam.userErrors;
    expect(await refused(assign(many(MAX_ITEMS.mentors + 1, () => mentor.id)))).toEqual([['TOO_MANY', 'input.mentorIds']]);
    expect(await refused(assign([mentor.id, mentor.id]))).toEqual([['DUPLICATE', 'input.mentorIds.1']]);
  });
});

describe('programmes, organisations and people', () => {
  const create = (overrides: Parameters<typeof programInput>[0]) => async () =>
    (await app().admin.data(CreateProgramDocument, { input: programInput(overrides) })).createProgram.userErrors;
  const criteria = (count: number): CriterionInput[] => many(count, (i) => ({ key: `c${i}`, title: `标准${i}`, weight: 100 / count, maxScore: 10 }));

  it('refuses over-cap and repeated lists', async () => {
    expect(await refused(create({ focusAreas: many(21, (i) => `领域${i}`) }))).toEqual([['TOO_MANY', 'input.focusAreas']]);
    expect(await refused(create({ focusAreas: ['禁毒宣传', '社区治理', '禁毒宣传'] }))).toEqual([['DUPLICATE', 'input.focusAreas.2']]);
    expect(await refused(create({ proposalRubric: criteria(25) }))).toEqual([['TOO_MANY', 'input.proposalRubric']]);
  });

  it('refuses amounts above the maximum, impossible numbers and over-long names', async () => {
    expect(await refused(create({ budgetPool: 1e308, maxGrant: MAX_AMOUNT + 0.01 }))).toEqual([['OUT_OF_RANGE', 'input.budgetPool'], ['OUT_OF_RANGE', 'input.maxGrant']]);
    expect(await refused(create({ minEvaluators: 21, proposalRubric: [{ key: 'need', title: '需求', weight: 100, maxScore: 1e308 }] }))).toEqual([
      ['OUT_OF_RANGE', 'input.proposalRubric.0.maxScore'],
      ['OUT_OF_RANGE', 'input.minEvaluators'],
    ]);
    expect(await refused(create({ name: text(201), funder: text(201) }))).toEqual([['TOO_LONG', 'input.name'], ['TOO_LONG', 'input.funder']]);
    const largest = await app().admin.data(CreateProgramDocument, { input: programInput({ budgetPool: MAX_AMOUNT, maxGrant: MAX_AMOUNT }) });
    expect(largest.createProgram.userErrors).toEqual([]);
  });

  it('keeps years and application windows plausible: 2000–2100, and within the programme’s year ± 1', async () => {
    expect(await refused(create({ year: 9999 }))).toEqual([['OUT_OF_RANGE', 'input.year']]);
    expect(await refused(create({ applicationsOpenAt: '0001-01-01T00:00:00Z', applicationsCloseAt: '9999-12-31T00:00:00Z' }))).toEqual([
      ['OUT_OF_RANGE', 'input.applicationsOpenAt'],
      ['OUT_OF_RANGE', 'input.applicationsCloseAt'],
    ]);
    expect(await refused(create({ year: 2026, applicationsOpenAt: '2030-01-01T00:00:00Z', applicationsCloseAt: '2030-03-01T00:00:00Z' }))).toEqual([
      ['OUT_OF_RANGE', 'input.applicationsOpenAt'],
      ['OUT_OF_RANGE', 'input.applicationsCloseAt'],
    ]);
    const nextYear = await app().admin.data(CreateProgramDocument, {
      input: programInput({ year: 2027, applicationsOpenAt: '2026-10-31T01:00:00Z', applicationsCloseAt: '2027-01-29T10:00:00Z' }),
    });
    expect(nextYear.createProgram.userErrors).toEqual([]);
    // Moving the year alone must not strand the window it already has.
    const programId = nextYear.createProgram.program!.id;
    expect(await refused(async () => (await app().admin.data(UpdateProgramDocument, { input: { programId, year: 2030 } })).updateProgram.userErrors)).toEqual([
      ['OUT_OF_RANGE', 'input.applicationsOpenAt'],
      ['OUT_OF_RANGE', 'input.applicationsCloseAt'],
    ]);
  });

  it('refuses over-long organisation fields and repeated roles', async () => {
    const org = await organization(app());
    expect(await refused(async () => (await app().admin.data(CreateOrganizationDocument, {
      input: { name: text(201), kind: 'RESIDENT_GROUP', placeId: (await home(app())).districtId, contactName: '陈主任', contactPhone: '0755-26661234' },
    })).createOrganization.userErrors)).toEqual([['TOO_LONG', 'input.name']]);
    expect(await refused(async () => (await app().admin.data(UpdateOrganizationDocument, { input: { organizationId: org.id, contactName: text(101) } })).updateOrganization.userErrors))
      .toEqual([['TOO_LONG', 'input.contactName']]);
    expect(await refused(async () => (await app().admin.data(CreatePersonDocument, {
      input: { email: 'roles@test.incubator.cn', name: text(101), password: 'correct horse battery', roles: ['MENTOR', 'STAFF', 'MENTOR'] },
    })).createPerson.userErrors)).toEqual([['TOO_LONG', 'input.name'], ['DUPLICATE', 'input.roles.2']]);
  });
});

function sessionInput(projectId: string, overrides: Partial<LogCoachingSessionInput> = {}): LogCoachingSessionInput {
  return { projectId, heldAt: new Date(Date.now() - 2 * HOUR).toISOString(), mode: 'ON_SITE', durationMinutes: 90, topics: ['需求分析'], notes: '梳理服务对象需求。', actionItems: [], ...overrides };
}

describe('coaching', () => {
  const log = (overrides: Partial<LogCoachingSessionInput>) => async () =>
    (await delivery.mentor.client.data(LogCoachingSessionDocument, { input: sessionInput(delivery.project.id, overrides) })).logCoachingSession.userErrors;

  it('refuses over-cap and repeated topics and action items', async () => {
    expect(await refused(log({ topics: many(11, (i) => `主题${i}`), actionItems: many(21, (i) => ({ description: `事项${i}`, dueDate: '2027-01-31' })) }))).toEqual([
      ['TOO_MANY', 'input.topics'],
      ['TOO_MANY', 'input.actionItems'],
    ]);
    expect(await refused(log({ topics: ['预算', '预算'], actionItems: [{ description: '补充预算', dueDate: '2027-01-31' }, { description: '补充预算', dueDate: '2027-02-28' }] }))).toEqual([
      ['DUPLICATE', 'input.topics.1'],
      ['DUPLICATE', 'input.actionItems.1.description'],
    ]);
  });

  it('refuses dates outside 2000–2100 and a duration beyond a day', async () => {
    expect(await refused(log({ heldAt: '0001-01-01T00:00:00Z', durationMinutes: 2_147_483_647, actionItems: [{ description: '补充预算', dueDate: '9999-12-31' }] }))).toEqual([
      ['OUT_OF_RANGE', 'input.heldAt'],
      ['OUT_OF_RANGE', 'input.durationMinutes'],
      ['OUT_OF_RANGE', 'input.actionItems.0.dueDate'],
    ]);
  });
});

describe('reviews and decisions', () => {
  it('refuses too many evaluators, scores and over-long comments and names', async () => {
    const review = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
    const { evaluator, assignmentId } = review.assignments[0];
    expect(await refused(async () => (await review.staff.client.data(AssignEvaluatorsDocument, {
      input: { roundId: review.round.id, projectId: review.project.id, evaluatorIds: many(21, () => evaluator.id) },
    })).assignEvaluators.userErrors)).toEqual([['TOO_MANY', 'input.evaluatorIds']]);
    const score = (scores: CriterionScoreInput[], comment?: string) => async () =>
      (await evaluator.client.data(SaveScorecardDocument, { input: { assignmentId, scores, comment } })).saveScorecard.userErrors;
    expect(await refused(score(many(21, () => ({ criterionKey: 'need', score: 1 }))))).toEqual([['TOO_MANY', 'input.scores']]);
    expect(await refused(score([{ criterionKey: 'need', score: 1e308 }, { criterionKey: 'need', score: 1 }]))).toEqual([
      ['SCORE_OUT_OF_RANGE', 'input.scores.0.score'],
      ['DUPLICATE', 'input.scores.1.criterionKey'],
    ]);
    expect(await refused(score([{ criterionKey: 'need', score: 20, comment: text(2001) }], text(5001)))).toEqual([
      ['TOO_LONG', 'input.scores.0.comment'],
      ['TOO_LONG', 'input.comment'],
    ]);
    expect(await refused(async () => (await evaluator.client.data(DeclareConflictDocument, { input: { assignmentId, reason: text(2001) } })).declareConflict.userErrors))
      .toEqual([['TOO_LONG', 'input.reason']]);
    expect(await refused(async () => (await review.staff.client.data(OpenReviewRoundDocument, { input: { programId: review.program.id, kind: 'PROPOSAL', name: text(201) } })).openReviewRound.userErrors))
      .toEqual([['TOO_LONG', 'input.name']]);
  });

  it('refuses too many or repeated conditions, an impossible grant and an over-long override reason', async () => {
    const review = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
    const decide = (input: Partial<RecordDecisionInput>) => async () =>
      (await review.staff.client.data(RecordDecisionDocument, { input: { projectId: review.project.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 50000, ...input } })).recordDecision.userErrors;
    expect(await refused(decide({ conditions: many(21, (i) => `条件${i}`) }))).toEqual([['TOO_MANY', 'input.conditions']]);
    expect(await refused(decide({ conditions: ['补充预算明细', '补充预算明细'], grantAmount: 1e308, rationale: text(5001) }))).toEqual([
      ['TOO_LONG', 'input.rationale'],
      ['OUT_OF_RANGE', 'input.grantAmount'],
      ['DUPLICATE', 'input.conditions.1'],
    ]);
    expect(await refused(decide({ conditions: ['补充预算明细'], overrideReason: text(2001) }))).toEqual([['TOO_LONG', 'input.overrideReason']]);
  });
});

describe('supervision, reports and closing', () => {
  function visitInput(overrides: Partial<LogSupervisionVisitInput> = {}): LogSupervisionVisitInput {
    return { projectId: delivery.project.id, visitedAt: new Date(Date.now() - HOUR).toISOString(), kind: 'SITE_VISIT', findings: '签到表不完整。', riskLevel: 'ATTENTION', followUps: [], ...overrides };
  }
  const visit = (overrides: Partial<LogSupervisionVisitInput>) => async () =>
    (await delivery.staff.client.data(LogSupervisionVisitDocument, { input: visitInput(overrides) })).logSupervisionVisit.userErrors;

  it('refuses over-cap and repeated follow-ups, implausible dates and over-long findings', async () => {
    expect(await refused(visit({ followUps: many(21, (i) => ({ description: `整改${i}`, dueDate: '2027-01-31' })) }))).toEqual([['TOO_MANY', 'input.followUps']]);
    expect(await refused(visit({ followUps: [{ description: '补齐签到表', dueDate: '2027-01-31' }, { description: '补齐签到表', dueDate: '9999-12-31' }] }))).toEqual([
      ['DUPLICATE', 'input.followUps.1.description'],
      ['OUT_OF_RANGE', 'input.followUps.1.dueDate'],
    ]);
    expect(await refused(visit({ visitedAt: '0001-01-01T00:00:00Z', findings: text(10_001) }))).toEqual([['TOO_LONG', 'input.findings'], ['OUT_OF_RANGE', 'input.visitedAt']]);
    const logged = await delivery.staff.client.data(LogSupervisionVisitDocument, { input: visitInput({ followUps: [{ description: '补齐签到表', dueDate: '2027-01-31' }] }) });
    const followUpId = logged.logSupervisionVisit.visit!.followUps[0].id;
    expect(await refused(async () => (await delivery.staff.client.data(CloseFollowUpDocument, { input: { followUpId, resolution: text(2001) } })).closeFollowUp.userErrors))
      .toEqual([['TOO_LONG', 'input.resolution']]);
  });

  function reportInput(overrides: Partial<SubmitServiceReportInput> = {}): SubmitServiceReportInput {
    return {
      projectId: delivery.project.id, period: '2025-06', sessionsHeld: 5, personTimes: 420, volunteers: 10, volunteerHours: 20.5, satisfactionRate: 95, spending: 8000,
      narrative: '开展禁毒宣传进社区活动。', indicatorActuals: [{ name: '服务人次', actual: 420 }], ...overrides,
    };
  }
  const report = (overrides: Partial<SubmitServiceReportInput>) => async () =>
    (await delivery.applicant.client.data(SubmitServiceReportDocument, { input: reportInput(overrides) })).submitServiceReport.userErrors;

  it('refuses implausible monthly figures, periods, amounts and lists', async () => {
    expect(await refused(report({ period: '1999-12', sessionsHeld: 10_001, personTimes: 2_147_483_647, volunteers: 100_001, volunteerHours: 1e308, spending: 1e308 }))).toEqual([
      ['OUT_OF_RANGE', 'input.period'],
      ['OUT_OF_RANGE', 'input.sessionsHeld'],
      ['OUT_OF_RANGE', 'input.personTimes'],
      ['OUT_OF_RANGE', 'input.volunteers'],
      ['OUT_OF_RANGE', 'input.volunteerHours'],
      ['OUT_OF_RANGE', 'input.spending'],
    ]);
    expect(await refused(report({ indicatorActuals: many(21, () => ({ name: '服务人次', actual: 1 })) }))).toEqual([['TOO_MANY', 'input.indicatorActuals']]);
    expect(await refused(report({ indicatorActuals: [{ name: '服务人次', actual: 1e308 }, { name: text(101), actual: 1 }], narrative: text(10_001) }))).toEqual([
      ['TOO_LONG', 'input.narrative'],
      ['OUT_OF_RANGE', 'input.indicatorActuals.0.actual'],
      ['TOO_LONG', 'input.indicatorActuals.1.name'],
    ]);
    const submitted = await delivery.applicant.client.data(SubmitServiceReportDocument, { input: reportInput({ period: '2025-07' }) });
    const reportId = submitted.submitServiceReport.report!.id;
    expect(await refused(async () => (await delivery.staff.client.data(ReviewServiceReportDocument, { input: { reportId, accept: false, reason: text(2001) } })).reviewServiceReport.userErrors))
      .toEqual([['TOO_LONG', 'input.reason']]);
  });

  it('refuses over-long reasons for closing and terminating', async () => {
    expect(await refused(async () => (await delivery.staff.client.data(CloseProjectDocument, { input: { projectId: delivery.project.id, overrideReason: text(2001) } })).closeProject.userErrors))
      .toEqual([['TOO_LONG', 'input.overrideReason']]);
    expect(await refused(async () => (await delivery.staff.client.data(TerminateProjectDocument, { input: { projectId: delivery.project.id, reason: text(2001) } })).terminateProject.userErrors))
      .toEqual([['TOO_LONG', 'input.reason']]);
  });
});

describe('cursors', () => {
  const unsafe = (prefix: string) => Buffer.from(`${prefix}:${'9'.repeat(30)}`).toString('base64url');

  it('refuses a page cursor whose number is past the safe integers', async () => {
    const revisionCursor = (number: string) => Buffer.from(`v1|revisions:NEWEST_FIRST|[${number}]`).toString('base64url');
    expect(await app().admin.errorCode(ProjectsDocument, { first: 5, after: unsafe('offset') })).toBe('BAD_USER_INPUT');
    expect(await app().admin.errorCode(ProjectRevisionsDocument, { id: draft.projectId, after: revisionCursor('9'.repeat(30)) })).toBe('BAD_USER_INPUT');
    const safe = await app().admin.data(ProjectRevisionsDocument, { id: draft.projectId, after: revisionCursor('9007199254740990') });
    expect(safe.project!.revisions.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses an event cursor past the safe integers, and too many projects to follow', async () => {
    const { client } = connectLive(app().url, delivery.staff.client.token);
    try {
      const tooFar = subscribe(client, ProjectEventsLiveDocument, { after: unsafe('event') });
      expect(JSON.stringify(await tooFar.failed())).toContain('not an event cursor');
      const tooMany = subscribe(client, ProjectEventsLiveDocument, { projectIds: many(MAX_ITEMS.subscribedProjects + 1, () => delivery.project.id) });
      expect(JSON.stringify(await tooMany.failed())).toContain(`at most ${MAX_ITEMS.subscribedProjects} projects`);
    } finally {
      await client.dispose();
    }
  });
});

describe('concurrent writes', () => {
  afterEach(async () => {
    expect(await waitingOnLocks()).toBe(0);
  });

  it('lets one of two revisions saved at once win; the other gets CONFLICT and writes nothing', async () => {
    const { applicant } = await applicantOrganization(app());
    const projectId = (await project(applicant.client, (await program(app())).id)).id;
    for (let round = 1; round <= 3; round++) {
      const save = (summary: string) => applicant.client.data(SaveRevisionDocument, { input: revisionInput(projectId, { summary }) });
      const results = await race('proposal_revision', 2, () => Promise.all([save(`甲方案 ${round}`), save(`乙方案 ${round}`)]));
      const [won, lost] = results[0].saveRevision.revision ? results : [results[1], results[0]];
      expect(won.saveRevision).toMatchObject({ userErrors: [], revision: { number: round } });
      expect(lost.saveRevision.revision).toBeNull();
      expect(codes(lost.saveRevision.userErrors)).toEqual([['CONFLICT', 'input.projectId']]);
      const revisions = await app().admin.data(ProjectRevisionsDocument, { id: projectId });
      expect(revisions.project!.revisions.totalCount).toBe(round);
      expect(revisions.project!.revisions.nodes[0].summary).toBe(won.saveRevision.revision!.summary);
    }
  });

  it('answers the loser of two reports for one month PERIOD_ALREADY_REPORTED', async () => {
    const submit = (personTimes: number) =>
      delivery.applicant.client.data(SubmitServiceReportDocument, {
        input: { projectId: delivery.project.id, period: '2025-09', sessionsHeld: 1, personTimes, volunteers: 1, volunteerHours: 1, satisfactionRate: 90, spending: 0, narrative: '九月服务。', indicatorActuals: [] },
      });
    const results = await race('service_report', 2, () => Promise.all([submit(100), submit(200)]));
    expect(results.map((r) => r.submitServiceReport.userErrors.map((e) => [e.code, e.field?.join('.')])).sort()).toEqual([[], [['PERIOD_ALREADY_REPORTED', 'input.period']]]);
  });

  it('makes the second of two submissions of one scorecard SCORECARD_FINAL', async () => {
    const review = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
    const { evaluator, assignmentId } = review.assignments[0];
    const submit = () => evaluator.client.data(SaveScorecardDocument, { input: { assignmentId, scores: scoresFor(80), recommendation: 'APPROVE', submit: true } });
    const results = await race('review_assignment', 2, () => Promise.all([submit(), submit()]));
    expect(results.map((r) => r.saveScorecard.userErrors.map((e) => e.code)).sort()).toEqual([[], ['SCORECARD_FINAL']]);
    const events = await app().admin.data(ProjectEventsDocument, { id: review.project.id, first: 100 });
    expect(events.project!.events.nodes.filter((e) => e.type === 'SCORECARD_SUBMITTED')).toHaveLength(1);
  });

  it('completes a review whose last scorecards are submitted at once', async () => {
    const review = await projectUnderReview(app());
    const results = await race('review_assignment', review.assignments.length, () =>
      Promise.all(review.assignments.map(({ evaluator, assignmentId }) =>
        evaluator.client.data(SaveScorecardDocument, { input: { assignmentId, scores: scoresFor(80), recommendation: 'APPROVE', submit: true } }))));
    expect(results.map((r) => r.saveScorecard.userErrors)).toEqual(review.assignments.map(() => []));
    const events = await app().admin.data(ProjectEventsDocument, { id: review.project.id, first: 100 });
    expect(events.project!.events.nodes.filter((e) => e.type === 'REVIEW_COMPLETED')).toHaveLength(1);
  });

  it('marks a condition met once however many ask at once, and approves when the last two are met at once', async () => {
    const review = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
    await submitScorecard(review.assignments[0].evaluator, review.assignments[0].assignmentId, 85);
    const decided = await review.staff.client.data(RecordDecisionDocument, {
      input: { projectId: review.project.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 40000, conditions: ['补充预算明细', '明确志愿者招募计划', '补充风险预案'] },
    });
    expect(decided.recordDecision.userErrors).toEqual([]);
    const [first, ...last] = decided.recordDecision.decision!.conditions.map((c) => c.id);
    const meet = (conditionId: string) => review.staff.client.data(MarkConditionMetDocument, { input: { conditionId } });
    const twice = await race('decision_condition', 2, () => Promise.all([meet(first), meet(first)]));
    expect(twice.map((r) => r.markConditionMet.userErrors.map((e) => e.code)).sort()).toEqual([[], ['ALREADY_DONE']]);
    const together = await race('decision_condition', 2, () => Promise.all(last.map(meet)));
    expect(together.map((r) => r.markConditionMet.userErrors)).toEqual([[], []]);
    expect((await app().admin.data(ProjectStatusViewDocument, { id: review.project.id })).project!.status).toBe('APPROVED');
    const events = await app().admin.data(ProjectEventsDocument, { id: review.project.id, first: 100 });
    expect(events.project!.events.nodes.filter((e) => e.type === 'CONDITION_MET')).toHaveLength(3);
  });

  it('ticks an action item once however many ask at once', async () => {
    const logged = await delivery.mentor.client.data(LogCoachingSessionDocument, {
      input: sessionInput(delivery.project.id, { actionItems: [{ description: '补齐签到表', dueDate: '2027-01-31' }] }),
    });
    const actionItemId = logged.logCoachingSession.coachingSession!.actionItems[0].id;
    const tick = () => delivery.applicant.client.data(SetActionItemDoneDocument, { input: { actionItemId, done: true } });
    const results = await race('action_item', 2, () => Promise.all([tick(), tick()]));
    expect(results.map((r) => r.setActionItemDone.userErrors.map((e) => e.code)).sort()).toEqual([[], ['ALREADY_DONE']]);
  });
});
