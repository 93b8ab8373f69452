import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignEvaluatorsDocument,
  AssignProjectTeamDocument,
  CloseProjectDocument,
  DeactivatePersonDocument,
  DeliveryViewDocument,
  LogCoachingSessionDocument,
  OpenProjectClosingDocument,
  ProgramStatisticsDocument,
  ProjectEventsDocument,
  ProjectListsApartDocument,
  ProjectListsWithDocument,
  ProjectReviewDocument,
  ReactivatePersonDocument,
  RecordDecisionDocument,
  ResetPasswordDocument,
  ReviewServiceReportDocument,
  ReviewStatusChangedDocument,
  RoundRankingDocument,
  SaveScorecardDocument,
  SensitiveProjectViewDocument,
  SetPersonRolesDocument,
  SubmitServiceReportDocument,
  type ProjectEventsQuery,
  type SensitiveProjectViewQuery,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client, GraphQLResult } from './support/client.js';
import { applicantOrganization, person, project, type TestPerson } from './support/factories.js';
import { assign, evaluators, openRound, projectInDelivery, projectUnderReview, scoresFor, submitScorecard } from './support/lifecycle.js';
import { detailsAs } from './support/events.js';
import { connectLive, pause, subscribe } from './support/live.js';

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

type TrailEvent = NonNullable<ProjectEventsQuery['project']>['events']['nodes'][number];
const STAFF_ROLES: Role[] = ['admin', 'staff'];

/** A project's audit trail as a role sees it, or null where the project is not theirs to see. */
async function trail(role: Role, projectId: string): Promise<TrailEvent[] | null> {
  const result = await cast[role].request(ProjectEventsDocument, { id: projectId, first: 100 });
  return result.data?.project?.events.nodes ?? null;
}

/** The evaluators of a panel other than the viewer, named anywhere in an event: as its actor, its evaluator or in its details. */
function evaluatorsNamed(event: { actor?: { id: string } | null; evaluator?: { id: string } | null; details: unknown; detailsJson: unknown }, panel: TestPerson[], viewerId?: string) {
  const text = JSON.stringify([event.details, event.detailsJson]);
  return panel
    .filter((evaluator) => evaluator.id !== viewerId)
    .filter((evaluator) => event.actor?.id === evaluator.id || event.evaluator?.id === evaluator.id || text.includes(evaluator.id) || text.includes(evaluator.name))
    .map((evaluator) => `${evaluator.name} in ${JSON.stringify(event)}`);
}

describe('the permission matrix, through GraphQL', () => {
  it('shows the project itself only to those connected to it', () => {
    const visible = ROLES.filter((role) => reviewView[role]?.data?.project);
    expect(visible).toEqual(['admin', 'staff', 'mentor', 'evaluator', 'applicant']);
    for (const role of ['otherMentor', 'otherEvaluator', 'otherApplicant'] as Role[]) expect(errorCode(reviewView[role])).toBe('NOT_FOUND');
  });

  it('withholds the applicant’s identity from the evaluator under blind review, and from no one else', () => {
    const identity = (role: Role) => {
      const project = reviewView[role]!.data!.project!;
      return [!!project.organization, !!project.currentRevision?.team, !!project.currentRevision?.author];
    };
    expect(identity('evaluator')).toEqual([false, false, false]);
    for (const role of ['admin', 'staff', 'mentor', 'applicant'] as Role[]) expect(identity(role)).toEqual([true, true, true]);
  });

  it('shows scorecards to staff with their evaluators, to the evaluator their own, to mentor and applicant anonymously', async () => {
    const scorecards = (role: Role) => reviewView[role]?.data?.project?.scorecards;
    expect(scorecards('staff')?.map((s) => !!s.evaluator)).toEqual([true, true]);
    expect(scorecards('admin')).toHaveLength(2);
    expect(scorecards('evaluator')).toEqual([{ id: review.assignments[0].assignmentId, total: 91, evaluator: { id: people.evaluator!.id } }]);
    for (const role of ['mentor', 'applicant'] as Role[]) expect(scorecards(role)).toEqual([{ id: review.assignments[0].assignmentId, total: 91, evaluator: null }]);
    const second = await cast.evaluator.request(SensitiveProjectViewDocument, { id: review.project.id });
    expect(JSON.stringify(second)).not.toContain(review.assignments[1].evaluator.id);
  });

  it('shows the audit trail by role: evaluators only their own assignment, applicants no review internals, evaluator names only to staff', () => {
    const events = (role: Role) => reviewView[role]!.data!.project!.events.nodes;
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
    const decidedBy = async (role: Role) => (await cast[role].data(SensitiveProjectViewDocument, { id: review.project.id })).project!.decisions[0].decidedBy;
    expect(await decidedBy('staff')).toEqual({ id: people.staff!.id });
    for (const role of ['mentor', 'applicant', 'evaluator'] as Role[]) expect(await decidedBy(role)).toBeNull();
  });

  it('never names an evaluator to anyone but staff and that evaluator, in any event’s actor or details, once the review is complete', async () => {
    const panel = review.assignments.map((a) => a.evaluator);
    for (const role of ROLES) {
      const events = await trail(role, review.project.id);
      if (!events) continue;
      if (STAFF_ROLES.includes(role)) {
        expect(events.find((e) => e.type === 'REVIEW_COMPLETED')?.actor?.id).toBe(panel[1].id);
        continue;
      }
      expect(events.flatMap((event) => evaluatorsNamed(event, panel, people[role]?.id)), role).toEqual([]);
    }
    for (const role of ['mentor', 'applicant'] as Role[]) {
      const completed = (await trail(role, review.project.id))!.filter((e) => e.type === 'REVIEW_COMPLETED');
      expect(completed, role).toEqual([
        expect.objectContaining({
          actor: null,
          details: expect.objectContaining({ __typename: 'ReviewCompletedDetails', roundKind: 'PROPOSAL', score: 85.5 }),
          detailsJson: expect.objectContaining({ kind: 'PROPOSAL', score: 85.5 }),
        }),
      ]);
    }
  });

  it('names who decided only to staff in the audit trail too, as on the decision', async () => {
    for (const role of ROLES) {
      const decided = (await trail(role, review.project.id))?.find((e) => e.type === 'DECISION_RECORDED');
      if (!decided) continue;
      expect(decided.actor, role).toEqual(STAFF_ROLES.includes(role) ? { id: people.staff!.id, name: people.staff!.name } : null);
    }
  });

  it('shows review progress in events only to those who may see the review: not to an evaluator under blind review', async () => {
    /** The progress in each SCORECARD_SUBMITTED event, typed and as JSON. */
    const progressIn = async (role: Role) =>
      (await trail(role, review.project.id))!
        .filter((e) => e.type === 'SCORECARD_SUBMITTED')
        .map((e) => {
          const typed = detailsAs(e.details, 'ScorecardSubmittedDetails');
          return [typed.submitted, typed.expected, e.detailsJson.submitted, e.detailsJson.expected];
        });
    expect(await cast.evaluator.errorCode(ProjectReviewDocument, { id: review.project.id })).toBe('FORBIDDEN');
    expect(await progressIn('evaluator')).toEqual([[null, null, undefined, undefined]]);
    const own = (await trail('evaluator', review.project.id))!.find((e) => e.type === 'SCORECARD_SUBMITTED')!;
    const ids = { roundId: review.round.id, assignmentId: review.assignments[0].assignmentId };
    expect(own.detailsJson).toEqual(ids);
    expect(own.details).toEqual({ __typename: 'ScorecardSubmittedDetails', ...ids, submitted: null, expected: null });
    for (const role of ['admin', 'staff', 'mentor'] as Role[]) expect(await progressIn(role), role).toEqual([[1, 2, 1, 2], [2, 2, 2, 2]]);
  });

  it('scopes programme statistics to what the viewer may see: staff every project, a mentor the projects they mentor', async () => {
    const { applicant } = await applicantOrganization(app());
    await project(applicant.client, review.program.id, '同心南园邻里互助会');
    const projects = async (role: Role, programId = review.program.id) => {
      const result = await cast[role].request(ProgramStatisticsDocument, { id: programId });
      return result.data?.program?.statistics?.projects ?? errorCode(result);
    };
    expect(Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await projects(role)])))).toEqual({
      admin: 2,
      staff: 2,
      mentor: 1,
      otherMentor: 0,
      evaluator: 'FORBIDDEN',
      otherEvaluator: 'FORBIDDEN',
      applicant: 'FORBIDDEN',
      otherApplicant: 'FORBIDDEN',
    });
    expect(await projects('mentor', delivery.program.id)).toBe(1);
    expect(await projects('otherMentor', delivery.program.id)).toBe(0);
  });

  it('opens delivery figures to staff, the project’s mentor and its applicant; evaluators are refused', async () => {
    const outcome = async (client: Client) => {
      const result = await client.request(DeliveryViewDocument, { id: delivery.project.id });
      return result.errors ? errorCode(result) : 'ALLOW';
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
    expect((await ranking(cast.staff)).data?.reviewRound?.ranking).toHaveLength(1);

    expect(await attempt(cast.staff, (c) => report(c, '2026-08'))).not.toBe('ALLOW');
    expect(await attempt(cast.mentor, (c) => report(c, '2026-08'))).not.toBe('ALLOW');
    expect(await attempt(delivery.applicant.client, (c) => report(c, '2026-08'))).toBe('ALLOW');
    const submitted = await delivery.applicant.client.request(DeliveryViewDocument, { id: delivery.project.id });
    expect(submitted.data?.project?.serviceReports?.totalCount).toBe(1);

    const { ProjectServiceReportsDocument } = await import('./generated/graphql.js');
    const reports = await cast.staff.data(ProjectServiceReportsDocument, { id: delivery.project.id });
    const reportId = reports.project!.serviceReports!.nodes[0].id;
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

  it('lets only administrators manage accounts: roles, passwords, deactivation', async () => {
    const target = await person(app(), ['MENTOR']);
    const manage = {
      setPersonRoles: (c: Client) => c.request(SetPersonRolesDocument, { input: { personId: target.id, roles: ['MENTOR'] } }),
      resetPassword: (c: Client) => c.request(ResetPasswordDocument, { input: { personId: target.id, newPassword: 'a fresh passphrase for you' } }),
      deactivatePerson: (c: Client) => c.request(DeactivatePersonDocument, { input: { personId: target.id } }),
      reactivatePerson: (c: Client) => c.request(ReactivatePersonDocument, { input: { personId: target.id } }),
    };
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      for (const [name, send] of Object.entries(manage)) expect(`${role} ${name}: ${errorCode(await send(cast[role]))}`).toBe(`${role} ${name}: FORBIDDEN`);
    }
    for (const [name, send] of Object.entries(manage)) {
      const result = await send(cast.admin);
      expect(`${name}: ${JSON.stringify(result.errors ?? Object.values(result.data!)[0]?.userErrors)}`).toBe(`${name}: []`);
    }
  });

  it('records one REVIEW_COMPLETED per completed round, in one shape; closing the project adds the grade to its own event', async () => {
    const staff = people.staff!;
    await staff.client.data(OpenProjectClosingDocument, { input: { projectId: delivery.project.id, reason: '结项' } });
    const round = await openRound(delivery.districtStaff.client, delivery.program.id, 'CLOSING', '结项评估');
    for (const [i, { evaluator, assignmentId }] of (await assign(staff.client, round.id, delivery.project.id, await evaluators(app(), 3))).entries()) {
      await submitScorecard(evaluator, assignmentId, [90, 84, 81][i], ['outcomes', 'finance']);
    }
    const closed = await staff.client.data(CloseProjectDocument, { input: { projectId: delivery.project.id } });
    expect(closed.closeProject).toMatchObject({ userErrors: [], project: { status: 'CLOSED', finalScore: 85, finalGrade: 'GOOD' } });

    const viewers = { admin: cast.admin, staff: cast.staff, mentor: cast.mentor, applicant: delivery.applicant.client };
    for (const [role, client] of Object.entries(viewers)) {
      const events = (await client.data(ProjectEventsDocument, { id: delivery.project.id, first: 100 })).project!.events.nodes;
      const completed = events.filter((e) => e.type === 'REVIEW_COMPLETED');
      expect(completed.map((e) => e.detailsJson.kind), role).toEqual(['PROPOSAL', 'CLOSING']);
      for (const event of completed) {
        expect(Object.keys(event.detailsJson).sort(), role).toEqual(['counted', 'dropped', 'kind', 'roundId', 'rule', 'score']);
        expect(event.detailsJson.counted, role).toEqual(expect.arrayContaining([expect.any(String)]));
        expect(detailsAs(event.details, 'ReviewCompletedDetails').counted, role).toEqual(event.detailsJson.counted);
      }
      expect(completed.map((e) => detailsAs(e.details, 'ReviewCompletedDetails').roundKind), role).toEqual(['PROPOSAL', 'CLOSING']);
      expect(completed[1].details).toMatchObject({ roundId: round.id, score: 85, rule: 'MEAN', dropped: [] });
      expect(events.at(-1), role).toMatchObject({
        type: 'STATUS_CHANGED',
        toStatus: 'CLOSED',
        details: { __typename: 'StatusChangedDetails', action: 'CLOSE', score: 85, grade: 'GOOD', rule: 'MEAN' },
        detailsJson: { action: 'CLOSE', score: 85, grade: 'GOOD', rule: 'MEAN' },
      });
    }
  });
});

describe("a project's lists read with the project", () => {
  it('show every role what the same lists read by their own fields show, page by page, forwards and backwards', async () => {
    type Variables = { first?: number; after?: string | null; last?: number; before?: string | null; order?: 'NEWEST_FIRST' | 'OLDEST_FIRST'; revisionsFirst?: number; revisionsAfter?: string | null };
    // project(id:) reads the trail and the revisions in its own statement, the rule over the project's row;
    // node(id:) reads the project alone, and each list's field reads it with the rule decided from the project.
    const both = async (role: Role, id: string, variables: Variables) => {
      const [withIt, apart] = await Promise.all([cast[role].request(ProjectListsWithDocument, { id, ...variables }), cast[role].request(ProjectListsApartDocument, { id, ...variables })]);
      expect(withIt.data?.project ?? null, `${role}: ${JSON.stringify(variables)}`).toEqual(apart.data?.node ?? null);
      return withIt.data?.project ?? null;
    };
    const seen: string[] = [];
    for (const role of ROLES) {
      for (const [name, id] of [['review', review.project.id], ['delivery', delivery.project.id]] as const) {
        const first = await both(role, id, { first: 3, revisionsFirst: 1 });
        if (!first) continue;
        seen.push(`${role} ${name} ${first.events.totalCount}`);
        const next = await both(role, id, { first: 3, after: first.events.pageInfo.endCursor, revisionsFirst: 1, revisionsAfter: first.revisions.pageInfo.endCursor });
        await both(role, id, { last: 2, before: next!.events.pageInfo.startCursor });
        await both(role, id, { last: 2, order: 'NEWEST_FIRST' });
      }
    }
    // Each role saw what its claims give: staff and the mentor the whole trail, the evaluator their own events.
    const total = (entry: string) => Number(seen.find((line) => line.startsWith(entry))?.split(' ')[2]);
    expect(seen.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['admin review', 'admin delivery', 'staff review', 'staff delivery', 'mentor review', 'mentor delivery', 'evaluator review', 'applicant review']);
    expect(total('staff review')).toBe(total('admin review'));
    expect(total('mentor review')).toBe(total('admin review'));
    expect(total('applicant review')).toBeLessThan(total('admin review'));
    expect(total('evaluator review')).toBeLessThan(total('applicant review'));
  });
});

describe('the same rules for live events', () => {
  const open: { dispose(): unknown }[] = [];
  afterEach(async () => {
    for (const client of open.splice(0)) await client.dispose();
  });

  it('pushes the same audit trail as queries: no evaluator to mentor or applicant, no progress to a blind evaluator', async () => {
    const blind = await projectUnderReview(app(), { program: { minEvaluators: 2, blindReview: true } });
    const mentor = await person(app(), ['MENTOR']);
    await blind.staff.client.data(AssignProjectTeamDocument, { input: { projectId: blind.project.id, mentorIds: [mentor.id] } });
    const listen = (who: TestPerson) => {
      const connection = connectLive(app().url, who.client.token);
      open.push(connection.client);
      return subscribe(connection.client, ReviewStatusChangedDocument, { projectIds: [blind.project.id] });
    };
    const [first, second] = blind.assignments;
    const heard = { mentor: listen(mentor), applicant: listen(blind.applicant), evaluator: listen(first.evaluator) };
    await pause(200);

    await submitScorecard(first.evaluator, first.assignmentId, 90);
    await submitScorecard(second.evaluator, second.assignmentId, 80);
    await blind.staff.client.data(RecordDecisionDocument, { input: { projectId: blind.project.id, outcome: 'APPROVED', grantAmount: 40000 } });

    const mentorEvents = (await heard.mentor.waitFor(4)).map((r) => r.reviewStatusChanged);
    expect(mentorEvents.map((e) => e.type)).toEqual(['SCORECARD_SUBMITTED', 'SCORECARD_SUBMITTED', 'REVIEW_COMPLETED', 'DECISION_RECORDED']);
    expect(mentorEvents.map((e) => [e.detailsJson.submitted, e.detailsJson.expected])).toEqual([[1, 2], [2, 2], [undefined, undefined], [undefined, undefined]]);
    expect(mentorEvents.slice(0, 2).map((e) => detailsAs(e.details, 'ScorecardSubmittedDetails')).map((d) => [d.submitted, d.expected])).toEqual([[1, 2], [2, 2]]);
    expect(detailsAs(mentorEvents[2].details, 'ReviewCompletedDetails')).toMatchObject({ score: 85, rule: 'MEAN', counted: [second.assignmentId, first.assignmentId] });
    const applicantEvents = (await heard.applicant.waitFor(2)).map((r) => r.reviewStatusChanged);
    expect(applicantEvents.map((e) => e.type)).toEqual(['REVIEW_COMPLETED', 'DECISION_RECORDED']);
    for (const event of [...mentorEvents, ...applicantEvents]) {
      expect(evaluatorsNamed(event, [first.evaluator, second.evaluator])).toEqual([]);
      expect(event.actor).toBeNull();
    }

    const [own] = (await heard.evaluator.waitFor(1)).map((r) => r.reviewStatusChanged);
    expect(own).toMatchObject({ type: 'SCORECARD_SUBMITTED', actor: { id: first.evaluator.id }, project: { organization: null } });
    expect(own.detailsJson).toEqual({ roundId: blind.round.id, assignmentId: first.assignmentId });
    expect(own.details).toEqual({ __typename: 'ScorecardSubmittedDetails', roundId: blind.round.id, assignmentId: first.assignmentId, submitted: null, expected: null });
    await pause(200);
    expect(heard.evaluator.received).toHaveLength(1);
  });
});
