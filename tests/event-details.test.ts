import { beforeAll, describe, expect, it } from 'vitest';
import { EventType } from '../src/modules/events/lifecycle-event.entity.js';
import {
  AssignProjectTeamDocument,
  CloseFollowUpDocument,
  CloseProjectDocument,
  DeclareConflictDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  MarkConditionMetDocument,
  NodeDocument,
  OpenProjectClosingDocument,
  ProjectEventsDocument,
  RecordDecisionDocument,
  ReviewServiceReportDocument,
  SetActionItemDoneDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
  type ProjectEventsQuery,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import type { EventDetails } from './support/events.js';
import { applicantOrganization, districtStaff, person, program, project, revision, type TestPerson } from './support/factories.js';
import { assign, evaluators, openRound, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

type TrailEvent = NonNullable<ProjectEventsQuery['project']>['events']['nodes'][number];

/** What every global ID in typed details refetches as through node(id:), by field. */
const ID_FIELDS: Record<string, string> = {
  revisionId: 'ProposalRevision',
  answersSessionIds: 'CoachingSession',
  reviewRoundId: 'ReviewRound',
  leadStaffId: 'Person',
  mentorIds: 'Person',
  sessionId: 'CoachingSession',
  actionItemId: 'ActionItem',
  roundId: 'ReviewRound',
  assignmentId: 'ReviewAssignment',
  counted: 'ReviewAssignment',
  dropped: 'ReviewAssignment',
  conditionId: 'DecisionCondition',
  visitId: 'SupervisionVisit',
  followUpId: 'FollowUp',
  reportId: 'ServiceReport',
};

/** Every ID in an event's typed details, with the type it should refetch as. */
function idsIn(details: EventDetails): { field: string; id: string; typename: string }[] {
  return Object.entries(details).flatMap(([field, value]) => {
    if (!(field in ID_FIELDS)) return [];
    return (Array.isArray(value) ? value : value === null ? [] : [value]).map((id: string) => ({ field, id, typename: ID_FIELDS[field] }));
  });
}

async function refetch(client: Client, id: string) {
  const result = await client.request(NodeDocument, { id });
  return result.data?.node ?? null;
}

const noTransition = { reason: null, overrides: [], revisionNumber: null };
const noStatusExtras = { reviewRoundId: null, score: null, rule: null, grade: null };

/**
 * One project through the whole lifecycle, so that every event type is written once at least: intake,
 * coaching, review with a recusal, a conditional approval, supervision, reports returned and accepted,
 * closing past an open follow-up, and the closing review.
 */
let cast: { staff: TestPerson; mentor: TestPerson; applicant: TestPerson; panel: TestPerson[]; closingPanel: TestPerson[] };
let ids: Record<string, string>;
let trail: TrailEvent[];

beforeAll(async () => {
  const call = await program(app(), { minEvaluators: 3, aggregationRule: 'TRIMMED_MEAN' });
  const staff = await person(app(), ['STAFF']);
  const district = await districtStaff(app());
  const mentor = await person(app(), ['MENTOR']);
  const { applicant } = await applicantOrganization(app());

  const created = await project(applicant.client, call.id, '守望相助,一路同行');
  await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, leadStaffId: staff.id, mentorIds: [mentor.id] } });
  const first = await revision(applicant.client, created.id);
  const logged = await mentor.client.data(LogCoachingSessionDocument, {
    input: {
      projectId: created.id,
      heldAt: new Date(Date.now() - 3_600_000).toISOString(),
      mode: 'ON_SITE',
      durationMinutes: 90,
      topics: ['需求分析'],
      notes: '建议细化活动计划',
      actionItems: [{ description: '细化活动计划', dueDate: '2099-06-30' }],
    },
  });
  const session = logged.logCoachingSession.coachingSession!;
  await applicant.client.data(SetActionItemDoneDocument, { input: { actionItemId: session.actionItems[0].id, done: true } });
  const second = await revision(applicant.client, created.id, { answersSessionIds: [session.id], changeNote: '根据辅导意见细化活动计划' });
  expect((await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } })).submitProject.userErrors).toEqual([]);

  const round = await openRound(district.client, call.id);
  const panel = await evaluators(app(), 4);
  const assignments = await assign(staff.client, round.id, created.id, panel.slice(0, 3));
  const recused = await panel[2].client.data(DeclareConflictDocument, { input: { assignmentId: assignments[2].assignmentId, reason: '曾为该机构提供督导' } });
  expect(recused.declareConflict.userErrors).toEqual([]);
  assignments.push(...(await assign(staff.client, round.id, created.id, [panel[3]])));
  for (const [i, total] of [[0, 90], [1, 80], [3, 70]]) await submitScorecard(panel[i], assignments[i].assignmentId, total);

  const decided = await staff.client.data(RecordDecisionDocument, {
    input: { projectId: created.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 48000.5, conditions: ['补充志愿者保险方案'], rationale: '附条件立项' },
  });
  expect(decided.recordDecision.userErrors).toEqual([]);
  const condition = decided.recordDecision.decision!.conditions[0];
  await staff.client.data(MarkConditionMetDocument, { input: { conditionId: condition.id } });
  await staff.client.data(StartProjectDeliveryDocument, { input: { projectId: created.id } });

  const visited = await mentor.client.data(LogSupervisionVisitDocument, {
    input: {
      projectId: created.id,
      visitedAt: '2025-06-15T02:00:00.000Z',
      kind: 'SITE_VISIT',
      findings: '活动签到表不完整',
      riskLevel: 'ATTENTION',
      followUps: [
        { description: '补齐签到表', dueDate: '2025-07-15' },
        { description: '提交培训照片', dueDate: '2025-07-31' },
      ],
    },
  });
  const visit = visited.logSupervisionVisit.visit!;
  await staff.client.data(CloseFollowUpDocument, { input: { followUpId: visit.followUps[0].id, resolution: '已补齐' } });

  const reportInput = {
    projectId: created.id,
    period: '2025-06',
    sessionsHeld: 5,
    personTimes: 420,
    volunteers: 10,
    volunteerHours: 20.5,
    satisfactionRate: 95,
    spending: 8000.25,
    narrative: '开展志愿者禁毒宣传进社区活动。',
    indicatorActuals: [{ name: '服务人次', actual: 420 }],
  };
  const report = (await applicant.client.data(SubmitServiceReportDocument, { input: reportInput })).submitServiceReport.report!;
  await staff.client.data(ReviewServiceReportDocument, { input: { reportId: report.id, accept: false, reason: '服务人次与签到表不一致' } });
  await applicant.client.data(SubmitServiceReportDocument, { input: { ...reportInput, personTimes: 398, indicatorActuals: [{ name: '服务人次', actual: 398 }] } });
  await staff.client.data(ReviewServiceReportDocument, { input: { reportId: report.id, accept: true, reason: '资料齐全' } });

  const opened = await staff.client.data(OpenProjectClosingDocument, { input: { projectId: created.id, reason: '照片随结项材料提交' } });
  expect(opened.openProjectClosing.userErrors).toEqual([]);
  const closingRound = await openRound(district.client, call.id, 'CLOSING', '结项评估');
  const closingPanel = await evaluators(app(), 3);
  const closingAssignments = await assign(staff.client, closingRound.id, created.id, closingPanel);
  for (const [i, total] of [88, 85, 82].entries()) await submitScorecard(closingPanel[i], closingAssignments[i].assignmentId, total, ['outcomes', 'finance']);
  expect((await staff.client.data(CloseProjectDocument, { input: { projectId: created.id } })).closeProject.userErrors).toEqual([]);

  cast = { staff, mentor, applicant, panel, closingPanel };
  ids = {
    project: created.id,
    first: first.id,
    second: second.id,
    session: session.id,
    actionItem: session.actionItems[0].id,
    round: round.id,
    closingRound: closingRound.id,
    condition: condition.id,
    visit: visit.id,
    followUp: visit.followUps[0].id,
    report: report.id,
    ...Object.fromEntries(assignments.map((a, i) => [`assignment${i}`, a.assignmentId])),
    ...Object.fromEntries(closingAssignments.map((a, i) => [`closingAssignment${i}`, a.assignmentId])),
  };
  trail = (await staff.client.data(ProjectEventsDocument, { id: created.id, first: 100 })).project!.events.nodes;
}, 120_000);

describe('typed event details', () => {
  it('cover every event type the lifecycle writes', () => {
    expect([...new Set(trail.map((e) => e.type))].sort()).toEqual(Object.values(EventType).sort());
  });

  it('give each event its own details type, with IDs, amounts in yuan, counts, scores and enums typed', () => {
    const proposal = { roundId: ids.round, roundKind: 'PROPOSAL' };
    const closing = { roundId: ids.closingRound, roundKind: 'CLOSING' };
    const statusChange = (action: string, extras: object = {}) => ['STATUS_CHANGED', { __typename: 'StatusChangedDetails', action, ...noTransition, ...noStatusExtras, ...extras }];
    const assigned = (roundId: string, roundKind: string, assignmentId: string) => ['EVALUATOR_ASSIGNED', { __typename: 'EvaluatorAssignedDetails', roundId, assignmentId, roundKind }];
    const scorecard = (roundId: string, assignmentId: string, submitted: number) => ['SCORECARD_SUBMITTED', { __typename: 'ScorecardSubmittedDetails', roundId, assignmentId, submitted, expected: 3 }];
    const report = (resubmission: boolean) => ['REPORT_SUBMITTED', { __typename: 'ReportSubmittedDetails', reportId: ids.report, period: '2025-06', resubmission }];

    expect(trail.map((e) => [e.type, e.details])).toEqual([
      ['PROJECT_CREATED', { __typename: 'ProjectCreatedDetails', title: '守望相助,一路同行' }],
      ['TEAM_ASSIGNED', { __typename: 'TeamAssignedDetails', leadStaffId: cast.staff.id, mentorIds: [cast.mentor.id] }],
      ['REVISION_SAVED', { __typename: 'RevisionSavedDetails', revisionId: ids.first, number: 1, answersSessionIds: [] }],
      ['COACHING_LOGGED', { __typename: 'CoachingLoggedDetails', sessionId: ids.session, mode: 'ON_SITE', durationMinutes: 90, actionItemCount: 1 }],
      ['ACTION_ITEM_UPDATED', { __typename: 'ActionItemUpdatedDetails', actionItemId: ids.actionItem, done: true }],
      ['REVISION_SAVED', { __typename: 'RevisionSavedDetails', revisionId: ids.second, number: 2, answersSessionIds: [ids.session] }],
      statusChange('SUBMIT', { revisionNumber: 2 }),
      assigned(ids.round, 'PROPOSAL', ids.assignment0),
      assigned(ids.round, 'PROPOSAL', ids.assignment1),
      assigned(ids.round, 'PROPOSAL', ids.assignment2),
      statusChange('START_REVIEW', { reviewRoundId: ids.round }),
      ['ASSIGNMENT_RECUSED', { __typename: 'AssignmentRecusedDetails', roundId: ids.round, assignmentId: ids.assignment2 }],
      assigned(ids.round, 'PROPOSAL', ids.assignment3),
      scorecard(ids.round, ids.assignment0, 1),
      scorecard(ids.round, ids.assignment1, 2),
      scorecard(ids.round, ids.assignment3, 3),
      ['REVIEW_COMPLETED', { __typename: 'ReviewCompletedDetails', ...proposal, rule: 'TRIMMED_MEAN', score: 80, counted: [ids.assignment1], dropped: [ids.assignment3, ids.assignment0] }],
      [
        'DECISION_RECORDED',
        { __typename: 'DecisionRecordedDetails', action: 'APPROVE_WITH_CONDITIONS', ...noTransition, revisionNumber: 2, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 48000.5 },
      ],
      ['CONDITION_MET', { __typename: 'ConditionMetDetails', conditionId: ids.condition, text: '补充志愿者保险方案' }],
      statusChange('MEET_CONDITIONS'),
      statusChange('START_DELIVERY'),
      ['VISIT_LOGGED', { __typename: 'VisitLoggedDetails', visitId: ids.visit, visitKind: 'SITE_VISIT', riskLevel: 'ATTENTION', followUpCount: 2 }],
      ['FOLLOW_UP_CLOSED', { __typename: 'FollowUpClosedDetails', followUpId: ids.followUp, visitId: ids.visit }],
      report(false),
      ['REPORT_RETURNED', { __typename: 'ReportReturnedDetails', reportId: ids.report, period: '2025-06', returnReason: '服务人次与签到表不一致' }],
      report(true),
      ['REPORT_ACCEPTED', { __typename: 'ReportAcceptedDetails', reportId: ids.report, period: '2025-06', reason: '资料齐全' }],
      statusChange('OPEN_CLOSING', { reason: '照片随结项材料提交', overrides: [{ precondition: 'NO_CLOSING_BLOCKERS', reason: '照片随结项材料提交' }] }),
      assigned(ids.closingRound, 'CLOSING', ids.closingAssignment0),
      assigned(ids.closingRound, 'CLOSING', ids.closingAssignment1),
      assigned(ids.closingRound, 'CLOSING', ids.closingAssignment2),
      scorecard(ids.closingRound, ids.closingAssignment0, 1),
      scorecard(ids.closingRound, ids.closingAssignment1, 2),
      scorecard(ids.closingRound, ids.closingAssignment2, 3),
      ['REVIEW_COMPLETED', { __typename: 'ReviewCompletedDetails', ...closing, rule: 'TRIMMED_MEAN', score: 85, counted: [ids.closingAssignment1], dropped: [ids.closingAssignment2, ids.closingAssignment0] }],
      statusChange('CLOSE', { score: 85, rule: 'TRIMMED_MEAN', grade: 'GOOD' }),
    ]);
  });

  it('say what the stored JSON says, under their typed names', () => {
    for (const event of trail) {
      const typedIds = idsIn(event.details).map(({ id }) => id).sort();
      const storedIds = JSON.stringify(event.detailsJson).match(/"[A-Za-z0-9_-]{40,}"/g)?.map((id) => JSON.parse(id)).sort() ?? [];
      expect(typedIds, event.type).toEqual(storedIds);
    }
  });

  it('carry global IDs that staff refetch through node(id:) as the object they name', async () => {
    const named = trail.flatMap((event) => idsIn(event.details).map((found) => ({ ...found, type: event.type })));
    expect(new Set(named.map((n) => n.field))).toEqual(new Set(Object.keys(ID_FIELDS)));
    for (const { id, typename, field, type } of named) {
      expect(await refetch(cast.staff.client, id), `${type}.${field}`).toMatchObject({ id, __typename: typename });
    }
  });

  it('carry IDs the applicant refetches where the applicant may see the object: their revisions, coaching, condition and reports', async () => {
    const events = (await cast.applicant.client.data(ProjectEventsDocument, { id: ids.project, first: 100 })).project!.events.nodes;
    const theirs = ['ProposalRevision', 'CoachingSession', 'ActionItem', 'DecisionCondition', 'ServiceReport'];
    const named = events.flatMap((event) => idsIn(event.details)).filter(({ typename }) => theirs.includes(typename));
    expect(new Set(named.map((n) => n.typename))).toEqual(new Set(theirs));
    for (const { id, typename } of named) expect(await refetch(cast.applicant.client, id)).toMatchObject({ id, __typename: typename });
  });

  it('give an evaluator the IDs of their own assignment, which they refetch, and no one else’s', async () => {
    const [evaluator] = cast.panel;
    const events = (await evaluator.client.data(ProjectEventsDocument, { id: ids.project, first: 100 })).project!.events.nodes;
    const named = events.flatMap((event) => idsIn(event.details));
    expect(new Set(named.filter((n) => n.typename === 'ReviewAssignment').map((n) => n.id))).toEqual(new Set([ids.assignment0]));
    expect(await refetch(evaluator.client, ids.assignment0)).toMatchObject({ id: ids.assignment0, __typename: 'ReviewAssignment' });
    expect(await refetch(evaluator.client, ids.assignment1)).toBeNull();
  });
});
