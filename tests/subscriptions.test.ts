import { afterEach, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/shared/node-id.js';
import {
  AssignProjectTeamDocument,
  CloseProjectDocument,
  DeclareConflictDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  OpenProjectClosingDocument,
  ProjectEventsLiveDocument,
  ProjectEventsWithCoachingDocument,
  RecordDecisionDocument,
  ReviewServiceReportDocument,
  ReviewStatusChangedDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { applicantOrganization, districtStaff, person, program, project, revision } from './support/factories.js';
import { assign, evaluators, openRound, projectInDelivery, submitScorecard, submittedProject } from './support/lifecycle.js';
import { detailsAs } from './support/events.js';
import { connectLive, pause, subscribe } from './support/live.js';

const app = useTestApp();
const open: { dispose(): unknown }[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) await client.dispose();
});

function live(who: { client: Client } | Client) {
  const client = 'client' in who ? who.client : who;
  const connection = connectLive(app().url, client.token);
  open.push(connection.client);
  return connection;
}

describe('live events for a mentor', () => {
  it('delivers each kind of event, after commit, with the fields a client selects', async () => {
    const call = await program(app(), { minEvaluators: 2 });
    const staff = await person(app(), ['STAFF']);
    const district = await districtStaff(app());
    const mentor = await person(app(), ['MENTOR']);
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, call.id, '反毒馨生——“过来人”志愿者培育');
    await revision(applicant.client, created.id);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, leadStaffId: staff.id, mentorIds: [mentor.id] } });

    const { client } = live(mentor);
    const all = subscribe(client, ProjectEventsLiveDocument, { projectIds: [created.id] });
    const review = subscribe(client, ReviewStatusChangedDocument, { projectIds: [created.id] });
    await pause(200);

    await revision(applicant.client, created.id, { changeNote: '按导师意见修改' });
    await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    const round = await openRound(district.client, call.id);
    const panel = await assign(staff.client, round.id, created.id, await evaluators(app(), 3));
    await panel[2].evaluator.client.data(DeclareConflictDocument, { input: { assignmentId: panel[2].assignmentId, reason: '曾任该机构顾问' } });
    await submitScorecard(panel[0].evaluator, panel[0].assignmentId, 92);
    await submitScorecard(panel[1].evaluator, panel[1].assignmentId, 86);
    await staff.client.data(RecordDecisionDocument, { input: { projectId: created.id, outcome: 'APPROVED', grantAmount: 50000 } });
    await staff.client.data(StartProjectDeliveryDocument, { input: { projectId: created.id } });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await mentor.client.data(LogCoachingSessionDocument, { input: { projectId: created.id, heldAt: yesterday, mode: 'ONLINE', durationMinutes: 40, topics: ['月报'], notes: '辅导填写月报' } });
    await staff.client.data(LogSupervisionVisitDocument, { input: { projectId: created.id, visitedAt: yesterday, kind: 'SITE_VISIT', findings: '活动有序', riskLevel: 'NORMAL' } });
    const report = await applicant.client.data(SubmitServiceReportDocument, {
      input: { projectId: created.id, period: '2026-10', sessionsHeld: 4, personTimes: 210, volunteers: 10, volunteerHours: 40, satisfactionRate: 93, spending: 6000, narrative: '开展禁毒宣传四场', indicatorActuals: [{ name: '服务人次', actual: 210 }] },
    });
    await staff.client.data(ReviewServiceReportDocument, { input: { reportId: report.submitServiceReport.report!.id, accept: true } });

    const expected = [
      'REVISION_SAVED', 'STATUS_CHANGED', 'EVALUATOR_ASSIGNED', 'EVALUATOR_ASSIGNED', 'EVALUATOR_ASSIGNED', 'STATUS_CHANGED',
      'ASSIGNMENT_RECUSED', 'SCORECARD_SUBMITTED', 'SCORECARD_SUBMITTED', 'REVIEW_COMPLETED', 'DECISION_RECORDED', 'STATUS_CHANGED',
      'COACHING_LOGGED', 'VISIT_LOGGED', 'REPORT_SUBMITTED', 'REPORT_ACCEPTED',
    ];
    await all.waitFor(expected.length).catch(() => undefined);
    expect(all.received.map((r) => r.projectEvents.type)).toEqual(expected);
    const events = (await all.waitFor(expected.length)).map((r) => r.projectEvents);
    expect(events.map((e) => e.type)).toEqual(expected);
    const cursors = events.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);

    const reviewTypes = expected.filter((t) => !['COACHING_LOGGED', 'VISIT_LOGGED', 'REPORT_SUBMITTED', 'REPORT_ACCEPTED'].includes(t));
    const reviewEvents = (await review.waitFor(reviewTypes.length)).map((r) => r.reviewStatusChanged);
    expect(reviewEvents.map((e) => e.type)).toEqual(reviewTypes);
    expect(reviewEvents.map((e) => e.cursor)).toEqual(cursors.slice(0, reviewTypes.length));

    const submitted = events.find((e) => e.type === 'STATUS_CHANGED')!;
    expect(submitted).toMatchObject({ fromStatus: 'DRAFT', toStatus: 'SUBMITTED', actor: { id: applicant.id }, project: { id: created.id, title: '反毒馨生——“过来人”志愿者培育' } });
    const scorecards = events.filter((e) => e.type === 'SCORECARD_SUBMITTED');
    expect(scorecards.map((e) => detailsAs(e.details, 'ScorecardSubmittedDetails')).map((d) => [d.submitted, d.expected])).toEqual([[1, 2], [2, 2]]);
    for (const event of scorecards) expect([event.actor, event.evaluator]).toEqual([null, null]);
    expect(events.find((e) => e.type === 'REVIEW_COMPLETED')?.details).toMatchObject({ __typename: 'ReviewCompletedDetails', score: 89, roundKind: 'PROPOSAL' });
    // Who scored and who decided stay with staff: the completing scorecard's evaluator and the decider are not named.
    expect(events.find((e) => e.type === 'REVIEW_COMPLETED')?.actor).toBeNull();
    expect(events.find((e) => e.type === 'DECISION_RECORDED')).toMatchObject({ toStatus: 'APPROVED', details: { __typename: 'DecisionRecordedDetails', outcome: 'APPROVED', grantAmount: 50000 }, actor: null });
    // Each event's project is resolved when it is sent: its status then, not a stale copy.
    expect(events.at(-1)?.project.status).toBe('IN_PROGRESS');
  });
});

describe('who hears what', () => {
  it('filters every event for every subscriber by the same rules as queries, blind review included', async () => {
    const call = await program(app(), { minEvaluators: 2, blindReview: true });
    const staff = await person(app(), ['STAFF']);
    const district = await districtStaff(app());
    const mentor = await person(app(), ['MENTOR']);
    const otherMentor = await person(app(), ['MENTOR']);
    const [evaluator, secondEvaluator, otherEvaluator] = await evaluators(app(), 3);
    const { applicant, organization } = await applicantOrganization(app());
    const other = await applicantOrganization(app());
    const created = await project(applicant.client, call.id);
    await revision(applicant.client, created.id);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });

    const cast = { staff, mentor, otherMentor, evaluator, otherEvaluator, applicant, otherApplicant: other.applicant };
    const subscriptions = Object.fromEntries(
      Object.entries(cast).map(([role, who]) => [role, subscribe(live(who).client, ProjectEventsLiveDocument, {})]),
    ) as Record<keyof typeof cast, ReturnType<typeof subscribe<import('./generated/graphql.js').ProjectEventsLiveSubscription, object>>>;
    const refused = subscribe(live(otherMentor).client, ProjectEventsLiveDocument, { projectIds: [created.id] });
    expect(JSON.stringify(await refused.failed())).toContain('NOT_FOUND');
    await pause(200);

    await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    const round = await openRound(district.client, call.id);
    const panel = await assign(staff.client, round.id, created.id, [evaluator, secondEvaluator]);
    await submitScorecard(panel[0].evaluator, panel[0].assignmentId, 90);
    const staffEvents = (await subscriptions.staff.waitFor(5)).map((r) => r.projectEvents);
    expect(staffEvents.map((e) => e.type)).toEqual(['STATUS_CHANGED', 'EVALUATOR_ASSIGNED', 'EVALUATOR_ASSIGNED', 'STATUS_CHANGED', 'SCORECARD_SUBMITTED']);
    expect(staffEvents[4].actor?.id).toBe(evaluator.id);
    await pause(300);

    const types = (role: keyof typeof cast) => subscriptions[role].received.map((r) => r.projectEvents.type);
    expect(types('mentor')).toEqual(types('staff'));
    expect(subscriptions.mentor.received.map((r) => r.projectEvents.actor?.id ?? null)[4]).toBeNull();
    expect(types('applicant')).toEqual(['STATUS_CHANGED', 'STATUS_CHANGED']);
    expect(types('evaluator')).toEqual(['EVALUATOR_ASSIGNED', 'SCORECARD_SUBMITTED']);
    for (const { projectEvents } of subscriptions.evaluator.received) {
      expect(projectEvents.project.organization).toBeNull();
      expect(JSON.stringify(projectEvents)).not.toContain(organization.name);
    }
    for (const role of ['otherMentor', 'otherEvaluator', 'otherApplicant'] as const) expect(types(role)).toEqual([]);
  });

  it('decides each event by what is true when it is sent: a mentor made one between two events sees the coaching of the second', async () => {
    // One person who both mentors and evaluates, following a programme where they only evaluate at first.
    const { program: call, project: created } = await submittedProject(app(), { minEvaluators: 1 });
    const staff = await person(app(), ['STAFF']);
    const district = await districtStaff(app());
    const both = await person(app(), ['MENTOR', 'EVALUATOR']);
    const following = subscribe(live(both).client, ProjectEventsWithCoachingDocument, { programId: call.id });
    await pause(300);

    const round = await openRound(district.client, call.id);
    await assign(staff.client, round.id, created.id, [both]);
    // Their assignment reaches them, but an evaluator sees no coaching, even one who mentors other projects.
    const refused = JSON.stringify(await following.failed());
    expect(refused).toContain('FORBIDDEN');
    expect(refused).toContain('"path":["projectEvents","project","coachingSessions"]');

    const team = await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [both.id] } });
    expect(team.assignProjectTeam.userErrors).toEqual([]);
    const [made] = await following.waitFor(1);
    expect(made.projectEvents.type).toBe('TEAM_ASSIGNED');
    // The same subscription's next event is decided afresh: now its mentor, they see its coaching.
    expect(made.projectEvents.project.coachingSessions).toEqual({ totalCount: 0 });
  });

  it('closes the connection with 4401 when its token expires', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const shortLived = await app().sessionToken(fromGlobalId(mentor.id)!.id, 2);
    const connection = connectLive(app().url, shortLived);
    open.push(connection.client);
    subscribe(connection.client, ProjectEventsLiveDocument, {});
    expect(await connection.closed).toMatchObject({ code: 4401, reason: 'Token expired: sign in again' });
  });
});

describe('only what committed', () => {
  it('sends nothing for a write that was rolled back', async () => {
    const { project: delivered, staff } = await projectInDelivery(app());
    await staff.client.data(OpenProjectClosingDocument, { input: { projectId: delivered.id } });
    const watch = subscribe(live(staff).client, ProjectEventsLiveDocument, { projectIds: [delivered.id] });
    await pause(200);
    // The override lets the transition fire and write its event, then closing fails for want of any score: all rolled back.
    const failed = await app().admin.data(CloseProjectDocument, { input: { projectId: delivered.id, overrideReason: '评估专家未到场' } });
    expect(failed.closeProject.userErrors.map((e) => e.code)).toEqual(['NOT_ENOUGH_SCORECARDS']);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await staff.client.data(LogCoachingSessionDocument, { input: { projectId: delivered.id, heldAt: yesterday, mode: 'PHONE', durationMinutes: 20, topics: ['结项'], notes: '结项准备' } });
    const [first] = await watch.waitFor(1);
    expect(first.projectEvents.type).toBe('COACHING_LOGGED');
    await pause(200);
    expect(watch.received).toHaveLength(1);
  });
});

describe('resuming', () => {
  it('replays what was missed since the cursor, once and in order, then continues live', async () => {
    const call = await program(app(), { minEvaluators: 1 });
    const staff = await person(app(), ['STAFF']);
    const district = await districtStaff(app());
    const mentor = await person(app(), ['MENTOR']);
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, call.id);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });

    const first = live(mentor);
    const before = subscribe(first.client, ProjectEventsLiveDocument, { projectIds: [created.id] });
    await pause(200);
    await revision(applicant.client, created.id);
    const [{ projectEvents: seen }] = await before.waitFor(1);
    await first.client.dispose();

    await revision(applicant.client, created.id, { changeNote: '第二稿' });
    await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    const round = await openRound(district.client, call.id);
    await assign(staff.client, round.id, created.id, await evaluators(app(), 1));

    const again = subscribe(live(mentor).client, ProjectEventsLiveDocument, { projectIds: [created.id], after: seen.cursor });
    const missed = (await again.waitFor(4)).map((r) => r.projectEvents);
    expect(missed.map((e) => e.type)).toEqual(['REVISION_SAVED', 'STATUS_CHANGED', 'EVALUATOR_ASSIGNED', 'STATUS_CHANGED']);
    expect(detailsAs(missed[0].details, 'RevisionSavedDetails').number).toBe(2);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id], leadStaffId: staff.id } });
    const [, , , , next] = (await again.waitFor(5)).map((r) => r.projectEvents);
    expect(next.type).toBe('TEAM_ASSIGNED');
    await pause(200);
    expect(again.received).toHaveLength(5);
    expect(new Set(again.received.map((r) => r.projectEvents.cursor)).size).toBe(5);
  });

  it('answers an unknown cursor with a clear error', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const unknown = subscribe(live(mentor).client, ProjectEventsLiveDocument, { after: Buffer.from('event:999999999').toString('base64url') });
    expect(JSON.stringify(await unknown.failed())).toContain('Unknown cursor');
    const garbage = subscribe(live(mentor).client, ProjectEventsLiveDocument, { after: 'not-a-cursor' });
    expect(JSON.stringify(await garbage.failed())).toContain('not an event cursor');
  });
});
