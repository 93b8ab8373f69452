import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignEvaluatorsDocument,
  DeliveryViewDocument,
  LogCoachingSessionDocument,
  RecordDecisionDocument,
  ReviewServiceReportDocument,
  RoundRankingDocument,
  SaveScorecardDocument,
  SensitiveProjectViewDocument,
  SubmitServiceReportDocument,
  type SensitiveProjectViewQuery,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client, GraphQLResult } from './support/client.js';
import { applicantOrganization, person, type TestPerson } from './support/factories.js';
import { evaluators, projectInDelivery, projectUnderReview, scoresFor, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

type Role = 'admin' | 'staff' | 'mentor' | 'otherMentor' | 'evaluator' | 'otherEvaluator' | 'applicant' | 'otherApplicant';
const ROLES: Role[] = ['admin', 'staff', 'mentor', 'otherMentor', 'evaluator', 'otherEvaluator', 'applicant', 'otherApplicant'];

/** A blind-review project under review, and a project in delivery, each with the same cast around it. */
let review: Awaited<ReturnType<typeof projectUnderReview>>;
let delivery: Awaited<ReturnType<typeof projectInDelivery>>;
let cast: Record<Role, Client>;
let people: Partial<Record<Role, TestPerson>>;
let reviewView: Partial<Record<Role, GraphQLResult<SensitiveProjectViewQuery>>>;

beforeAll(async () => {
  review = await projectUnderReview(app(), { program: { minEvaluators: 2, blindReview: true } });
  await submitScorecard(review.assignments[0].evaluator, review.assignments[0].assignmentId, 91);
  delivery = await projectInDelivery(app());
  const mentor = await person(app(), ['MENTOR']);
  const { AssignProjectTeamDocument } = await import('./generated/graphql.js');
  await review.staff.client.data(AssignProjectTeamDocument, { input: { projectId: review.project.id, mentorIds: [mentor.id] } });
  await review.staff.client.data(AssignProjectTeamDocument, { input: { projectId: delivery.project.id, mentorIds: [mentor.id] } });
  const other = await applicantOrganization(app());
  people = {
    staff: review.staff,
    mentor,
    otherMentor: await person(app(), ['MENTOR']),
    evaluator: review.assignments[0].evaluator,
    otherEvaluator: (await evaluators(app(), 1))[0],
    applicant: review.applicant,
    otherApplicant: other.applicant,
  };
  cast = { admin: app().admin, ...Object.fromEntries(Object.entries(people).map(([role, p]) => [role, p!.client])) } as Record<Role, Client>;
  // The delivery project's applicant is a different organisation: give the cast's applicant the review project only.
  reviewView = {};
  for (const role of ROLES) reviewView[role] = await cast[role].request(SensitiveProjectViewDocument, { id: review.project.id });
}, 120_000);

const errorCode = (result: GraphQLResult<unknown> | undefined) => result?.errors?.[0]?.extensions?.code;

describe('the permission matrix, through GraphQL', () => {
  it('shows the project itself only to those connected to it', () => {
    const visible = ROLES.filter((role) => reviewView[role]?.data?.project);
    expect(visible).toEqual(['admin', 'staff', 'mentor', 'evaluator', 'applicant']);
    for (const role of ['otherMentor', 'otherEvaluator', 'otherApplicant'] as Role[]) expect(errorCode(reviewView[role])).toBe('NOT_FOUND');
  });

  it('withholds the applicant’s identity from the evaluator under blind review, and from no one else', () => {
    const identity = (role: Role) => {
      const project = reviewView[role]!.data!.project;
      return [!!project.organization, !!project.currentRevision?.team, !!project.currentRevision?.author];
    };
    expect(identity('evaluator')).toEqual([false, false, false]);
    for (const role of ['admin', 'staff', 'mentor', 'applicant'] as Role[]) expect(identity(role)).toEqual([true, true, true]);
  });

  it('shows scorecards to staff with their evaluators, to the evaluator their own, to mentor and applicant anonymously', async () => {
    const scorecards = (role: Role) => reviewView[role]?.data?.project.scorecards;
    expect(scorecards('staff')?.map((s) => !!s.evaluator)).toEqual([true, true]);
    expect(scorecards('admin')).toHaveLength(2);
    expect(scorecards('evaluator')).toEqual([{ id: review.assignments[0].assignmentId, total: 91, evaluator: { id: people.evaluator!.id } }]);
    for (const role of ['mentor', 'applicant'] as Role[]) expect(scorecards(role)).toEqual([{ id: review.assignments[0].assignmentId, total: 91, evaluator: null }]);
    const second = await cast.evaluator.request(SensitiveProjectViewDocument, { id: review.project.id });
    expect(JSON.stringify(second)).not.toContain(review.assignments[1].evaluator.id);
  });

  it('shows the audit trail by role: evaluators only their own assignment, applicants no review internals, evaluator names only to staff', () => {
    const events = (role: Role) => reviewView[role]!.data!.project.events.nodes;
    const evaluatorIds = new Set(review.assignments.map((a) => a.evaluator.id));
    expect(events('evaluator').map((e) => e.type).sort()).toEqual(['EVALUATOR_ASSIGNED', 'SCORECARD_SUBMITTED']);
    expect(events('applicant').map((e) => e.type)).not.toContain('SCORECARD_SUBMITTED');
    expect(events('applicant').map((e) => e.type)).not.toContain('EVALUATOR_ASSIGNED');
    for (const role of ['mentor', 'applicant'] as Role[]) {
      for (const event of events(role)) {
        expect(event.evaluator).toBeNull();
        expect(evaluatorIds.has(event.actor?.id ?? '')).toBe(false);
      }
    }
    expect(events('mentor').filter((e) => e.type === 'SCORECARD_SUBMITTED')).toHaveLength(1);
    expect(events('staff').find((e) => e.type === 'SCORECARD_SUBMITTED')?.actor?.id).toBe(people.evaluator!.id);
  });

  it('names who decided only to staff', async () => {
    await review.assignments[1].evaluator.client.data(SaveScorecardDocument, {
      input: { assignmentId: review.assignments[1].assignmentId, scores: scoresFor(80), recommendation: 'APPROVE', submit: true },
    });
    await cast.staff.data(RecordDecisionDocument, { input: { projectId: review.project.id, outcome: 'APPROVED', grantAmount: 40000 } });
    const decidedBy = async (role: Role) => (await cast[role].data(SensitiveProjectViewDocument, { id: review.project.id })).project.decisions[0].decidedBy;
    expect(await decidedBy('staff')).toEqual({ id: people.staff!.id });
    for (const role of ['mentor', 'applicant', 'evaluator'] as Role[]) expect(await decidedBy(role)).toBeNull();
  });

  it('opens delivery figures to staff, the project’s mentor and its applicant; evaluators are refused', async () => {
    const outcome = async (client: Client) => {
      const result = await client.request(DeliveryViewDocument, { id: delivery.project.id });
      return result.data?.project ? 'ALLOW' : errorCode(result);
    };
    expect(await outcome(cast.staff)).toBe('ALLOW');
    expect(await outcome(cast.mentor)).toBe('ALLOW');
    expect(await outcome(delivery.applicant.client)).toBe('ALLOW');
    expect(await outcome(cast.otherMentor)).toBe('NOT_FOUND');
    expect(await outcome(cast.applicant)).toBe('NOT_FOUND');
    expect(await outcome(delivery.assignments[0].evaluator.client)).toBe('FORBIDDEN');
  });

  it('lets each mutation be sent only by the role that owns it', async () => {
    /** ALLOW, a top-level error code, or the first user error code: what each role gets. */
    const attempt = async (client: Client, send: (c: Client) => Promise<GraphQLResult<Record<string, { userErrors?: { code: string }[] } | null>>>) => {
      const result = await send(client);
      if (result.errors) return errorCode(result);
      const payload = Object.values(result.data!)[0];
      return payload?.userErrors?.length ? payload.userErrors[0].code : 'ALLOW';
    };
    const [spare] = await evaluators(app(), 1);
    const assignSpare = (c: Client) => c.request(AssignEvaluatorsDocument, { input: { roundId: review.round.id, projectId: review.project.id, evaluatorIds: [spare.id] } });
    const ranking = (c: Client) => c.request(RoundRankingDocument, { id: review.round.id });
    const report = (c: Client, period: string) =>
      c.request(SubmitServiceReportDocument, {
        input: { projectId: delivery.project.id, period, sessionsHeld: 2, personTimes: 40, volunteers: 3, volunteerHours: 6, satisfactionRate: 92, spending: 1000, narrative: '开展两场活动', indicatorActuals: [] },
      });
    const coaching = (c: Client) =>
      c.request(LogCoachingSessionDocument, {
        input: { projectId: delivery.project.id, heldAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'PHONE', durationMinutes: 30, topics: ['月报'], notes: '电话辅导' },
      });

    expect(await attempt(cast.mentor, assignSpare)).toBe('FORBIDDEN');
    expect(await attempt(cast.applicant, assignSpare)).toBe('FORBIDDEN');
    expect(await attempt(cast.evaluator, assignSpare)).toBe('FORBIDDEN');
    expect((await ranking(cast.mentor)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await ranking(cast.evaluator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ranking(cast.staff)).data?.reviewRound.ranking).toHaveLength(1);

    expect(await attempt(cast.staff, (c) => report(c, '2026-08'))).not.toBe('ALLOW');
    expect(await attempt(cast.mentor, (c) => report(c, '2026-08'))).not.toBe('ALLOW');
    expect(await attempt(delivery.applicant.client, (c) => report(c, '2026-08'))).toBe('ALLOW');
    const submitted = await delivery.applicant.client.request(DeliveryViewDocument, { id: delivery.project.id });
    expect(submitted.data?.project.serviceReports.totalCount).toBe(1);

    const { ProjectServiceReportsDocument } = await import('./generated/graphql.js');
    const reports = await cast.staff.data(ProjectServiceReportsDocument, { id: delivery.project.id });
    const reportId = reports.project.serviceReports.nodes[0].id;
    const reviewReport = (c: Client) => c.request(ReviewServiceReportDocument, { input: { reportId, accept: true } });
    expect(await attempt(delivery.applicant.client, reviewReport)).not.toBe('ALLOW');
    expect(await attempt(cast.mentor, reviewReport)).not.toBe('ALLOW');
    expect(await attempt(cast.staff, reviewReport)).toBe('ALLOW');

    expect(await attempt(delivery.applicant.client, coaching)).not.toBe('ALLOW');
    expect(await attempt(cast.otherMentor, coaching)).not.toBe('ALLOW');
    expect(await attempt(cast.mentor, coaching)).toBe('ALLOW');

    const score = (c: Client) => c.request(SaveScorecardDocument, { input: { assignmentId: review.assignments[0].assignmentId, scores: scoresFor(50) } });
    for (const role of ['staff', 'mentor', 'applicant', 'otherEvaluator'] as Role[]) expect(await attempt(cast[role], score)).toBe('NOT_FOUND');
  });
});
