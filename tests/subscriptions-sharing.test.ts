import { afterEach, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  LiveEventAsQueryDocument,
  ProjectEventsLiveDocument,
  ProjectEventsWithTeamEmailsDocument,
  ReviewStatusThroughFragmentsDocument,
  ReviewStatusWithViewerCanDocument,
  SubmitProjectDocument,
  VisibleEventIdsDocument,
  type ProjectEventsLiveSubscription,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { applicantOrganization, districtStaff, person, program, project, revision } from './support/factories.js';
import { assign, evaluators, openRound, submitScorecard } from './support/lifecycle.js';
import { connectLive, pause, subscribe, type LiveSubscription } from './support/live.js';

const app = useTestApp();
const open: { dispose(): unknown }[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) await client.dispose();
});

function live(client: Client) {
  const connection = connectLive(app().url, client.token);
  open.push(connection.client);
  return connection.client;
}

const stats = () => ({ ...app().server.sharing.stats });

/** A programme's project, its applicant, and two mentors of it. */
async function twoMentorsOfOneProject() {
  const call = await program(app());
  const staff = await person(app(), ['STAFF']);
  const [mentor, secondMentor] = await Promise.all([person(app(), ['MENTOR']), person(app(), ['MENTOR'])]);
  const { applicant } = await applicantOrganization(app());
  const created = await project(applicant.client, call.id);
  await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id, secondMentor.id] } });
  return { call, mentor, secondMentor, applicant, created };
}

describe('one execution per audience', () => {
  it('gives each of a mixed group exactly what its queries show, executing once for viewers who may see the same', async () => {
    const call = await program(app(), { minEvaluators: 1, blindReview: true });
    const staff = await person(app(), ['STAFF']);
    const district = await districtStaff(app());
    const [mentor, secondMentor, otherMentor] = await Promise.all([person(app(), ['MENTOR']), person(app(), ['MENTOR']), person(app(), ['MENTOR'])]);
    const [evaluator] = await evaluators(app(), 1);
    const { applicant, organization } = await applicantOrganization(app());
    const other = await applicantOrganization(app());
    const ours = await project(applicant.client, call.id);
    const theirs = await project(other.applicant.client, call.id);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: ours.id, mentorIds: [mentor.id, secondMentor.id] } });
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: theirs.id, mentorIds: [otherMentor.id] } });

    const cast = { staff, mentor, secondMentor, otherMentor, evaluator, applicant };
    const seenBefore = async (who: { client: Client }) => {
      const ids = new Set<string>();
      for (const id of [ours.id, theirs.id]) {
        // A project the viewer may not see is NOT_FOUND, and none of its events.
        const result = await who.client.request(VisibleEventIdsDocument, { id });
        for (const node of result.data?.project?.events.nodes ?? []) ids.add(node.id);
      }
      return ids;
    };
    const before = Object.fromEntries(await Promise.all(Object.entries(cast).map(async ([role, who]) => [role, await seenBefore(who)]))) as Record<keyof typeof cast, Set<string>>;
    // Every subscriber asks the same operation with the same variables: only what they may see sets them apart.
    const subscriptions = Object.fromEntries(
      Object.entries(cast).map(([role, who]) => [role, subscribe(live(who.client), ProjectEventsLiveDocument, { programId: call.id })]),
    ) as Record<keyof typeof cast, LiveSubscription<ProjectEventsLiveSubscription>>;
    await pause(300);
    const start = stats();

    await revision(applicant.client, ours.id);
    await applicant.client.data(SubmitProjectDocument, { input: { projectId: ours.id } });
    await revision(other.applicant.client, theirs.id);
    await other.applicant.client.data(SubmitProjectDocument, { input: { projectId: theirs.id } });
    const round = await openRound(district.client, call.id);
    const [{ assignmentId }] = await assign(staff.client, round.id, ours.id, [evaluator]);
    await submitScorecard(evaluator, assignmentId, 88);

    const events = (role: keyof typeof cast) => subscriptions[role].received.map((r) => r.projectEvents);
    // What each may see now, by the query rules, less what was there before they subscribed.
    const expected = {} as Record<keyof typeof cast, string[]>;
    for (const [role, who] of Object.entries(cast) as [keyof typeof cast, { client: Client }][]) {
      expected[role] = [...(await seenBefore(who))].filter((id) => !before[role].has(id));
    }
    expect(expected.staff).toHaveLength(8);
    for (const [role, who] of Object.entries(cast) as [keyof typeof cast, { client: Client }][]) {
      const received = (await subscriptions[role].waitFor(expected[role].length)).map((r) => r.projectEvents);
      await pause(50);
      expect(subscriptions[role].received).toHaveLength(expected[role].length);
      expect(received.map((event) => event.id).sort()).toEqual([...expected[role]].sort());
      // Field by field, each event is what a query for it answers this viewer (the project's status as it was then).
      for (const event of received) {
        const asQuery = await who.client.data(LiveEventAsQueryDocument, { id: event.id });
        const then = { ...event, project: { ...event.project, status: undefined } };
        expect(then, `${role}: ${event.type}`).toEqual({ ...asQuery.node, project: { ...(asQuery.node as typeof event).project, status: undefined } });
      }
    }

    expect(events('staff').map((event) => event.type)).toEqual([
      'REVISION_SAVED', 'STATUS_CHANGED', 'REVISION_SAVED', 'STATUS_CHANGED', 'EVALUATOR_ASSIGNED', 'STATUS_CHANGED', 'SCORECARD_SUBMITTED', 'REVIEW_COMPLETED',
    ]);
    // The rules at work in one group: blind review, review internals, other projects.
    expect(events('secondMentor')).toEqual(events('mentor'));
    expect(events('mentor').every((event) => event.project.id === ours.id && event.evaluator === null)).toBe(true);
    expect(events('mentor').find((event) => event.type === 'SCORECARD_SUBMITTED')?.actor).toBeNull();
    expect(events('staff').find((event) => event.type === 'SCORECARD_SUBMITTED')?.actor?.id).toBe(evaluator.id);
    expect(events('otherMentor').map((event) => event.project.id)).toEqual(events('otherMentor').map(() => theirs.id));
    expect(events('evaluator').map((event) => event.type)).toEqual(['EVALUATOR_ASSIGNED', 'SCORECARD_SUBMITTED']);
    for (const event of events('evaluator')) {
      expect(event.project.organization).toBeNull();
      expect(JSON.stringify(event)).not.toContain(organization.name);
    }
    expect(events('applicant').map((event) => event.type)).not.toContain('SCORECARD_SUBMITTED');

    // The two mentors of one project shared every execution; every other subscriber's class was its own.
    const end = stats();
    const deliveries = Object.values(subscriptions).reduce((sum, s) => sum + s.received.length, 0);
    expect(end.deliveries - start.deliveries).toBe(deliveries);
    expect(end.executions - start.executions).toBe(deliveries - events('secondMentor').length);
    // And each execution's result was serialised once, for all of its group.
    expect(end.serializations - start.serializations).toBe(end.executions - start.executions);
    // What the groups' fields read (project, organisation, programme, team) went through one unit of work per event.
    const distinctEvents = new Set(Object.values(subscriptions).flatMap((s) => s.received.map((r) => r.projectEvents.id)));
    expect(end.executions - start.executions).toBeGreaterThan(distinctEvents.size);
    expect(end.units - start.units).toBe(distinctEvents.size);
  });

  it('executes per viewer when the selection reads a field some of the group may not see', async () => {
    const { call, mentor, secondMentor, applicant, created } = await twoMentorsOfOneProject();
    const first = subscribe(live(mentor.client), ProjectEventsWithTeamEmailsDocument, { programId: call.id });
    const second = subscribe(live(secondMentor.client), ProjectEventsWithTeamEmailsDocument, { programId: call.id });
    await pause(300);
    const start = stats();

    await revision(applicant.client, created.id);
    const [mine] = await first.waitFor(1);
    const [theirs] = await second.waitFor(1);
    // A person's email is theirs and their staff's to see: each mentor sees their own, not the other's.
    const emails = (result: typeof mine) => Object.fromEntries(result.projectEvents.project.mentors.map((m) => [m.id, m.email]));
    expect(emails(mine)).toEqual({ [mentor.id]: mentor.email, [secondMentor.id]: null });
    expect(emails(theirs)).toEqual({ [mentor.id]: null, [secondMentor.id]: secondMentor.email });
    const end = stats();
    expect(end.deliveries - start.deliveries).toBe(2);
    expect(end.executions - start.executions).toBe(2);
    expect(end.serializations - start.serializations).toBe(2);
    expect(end.units - start.units).toBe(2);
  });

  it('shares through fragments and type conditions, and not once a selection reads a viewer-dependent field', async () => {
    const { call, mentor, secondMentor, applicant, created } = await twoMentorsOfOneProject();
    const shared = [mentor, secondMentor].map((m) => subscribe(live(m.client), ReviewStatusThroughFragmentsDocument, { programId: call.id }));
    const perViewer = [mentor, secondMentor].map((m) => subscribe(live(m.client), ReviewStatusWithViewerCanDocument, { programId: call.id }));
    await pause(300);
    const start = stats();

    await revision(applicant.client, created.id);
    const [first, second] = await Promise.all(shared.map(async (s) => (await s.waitFor(1))[0]));
    const [one, other] = await Promise.all(perViewer.map(async (s) => (await s.waitFor(1))[0]));
    expect(first).toEqual(second);
    expect(first.reviewStatusChanged).toMatchObject({ __typename: 'LifecycleEvent', type: 'REVISION_SAVED', project: { id: created.id } });
    expect(one).toEqual(other);
    expect(one.reviewStatusChanged.project.viewerCan.logCoachingSession).toBe(true);
    const end = stats();
    // Four deliveries: the fragments' selection once for both mentors, the viewerCan selection once for each.
    expect(end.deliveries - start.deliveries).toBe(4);
    expect(end.executions - start.executions).toBe(3);
    // The two executions per viewer read through units of their own; the one by class through the event's.
    expect(end.units - start.units).toBe(3);
  });
});
