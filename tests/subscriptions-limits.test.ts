import { afterEach, describe, expect, it } from 'vitest';
import { AssignProjectTeamDocument, ProjectEventsLiveDocument, SubmitProjectDocument } from './generated/graphql.js';
import { assign, evaluators, openRound } from './support/lifecycle.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, districtStaff, person, program, project, revision } from './support/factories.js';
import { connectLive, pause, subscribe } from './support/live.js';

const app = useTestApp({ SUBSCRIPTION_MAX_QUEUE: '2', SUBSCRIPTION_REPLAY_LIMIT: '3' });
const open: { dispose(): unknown }[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) await client.dispose();
});

async function mentoredProject() {
  const staff = await person(app(), ['STAFF']);
  const mentor = await person(app(), ['MENTOR']);
  const { applicant } = await applicantOrganization(app());
  const call = await program(app());
  const created = await project(applicant.client, call.id);
  await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });
  return { staff, mentor, applicant, program: call, project: created };
}

describe('bounds on what the server holds for a subscriber', () => {
  it('closes a subscriber that falls too far behind, without holding up the others', async () => {
    const { staff, mentor, applicant, program: call, project: reviewed } = await mentoredProject();
    await revision(applicant.client, reviewed.id);
    await applicant.client.data(SubmitProjectDocument, { input: { projectId: reviewed.id } });
    const other = await mentoredProject();
    const slow = connectLive(app().url, mentor.client.token);
    open.push(slow.client);
    subscribe(slow.client, ProjectEventsLiveDocument, { projectIds: [reviewed.id] });
    const steady = connectLive(app().url, staff.client.token);
    open.push(steady.client);
    const elsewhere = subscribe(steady.client, ProjectEventsLiveDocument, { projectIds: [other.project.id] });
    await pause(200);

    // One commit writes four events (three assignments and the start of review), more than the two this
    // server lets wait for one subscription: the mentor's connection is cut, with a clear code.
    const round = await openRound((await districtStaff(app())).client, call.id);
    await assign(staff.client, round.id, reviewed.id, await evaluators(app(), 3));
    expect(await slow.closed).toMatchObject({ code: 4008, reason: 'Subscriber too slow: too many undelivered events' });

    await revision(other.applicant.client, other.project.id);
    const [{ projectEvents }] = await elsewhere.waitFor(1);
    expect(projectEvents.type).toBe('REVISION_SAVED');
  });

  it('refuses to replay from a cursor older than the replay limit', async () => {
    const { mentor, applicant, project: created } = await mentoredProject();
    const first = connectLive(app().url, mentor.client.token);
    open.push(first.client);
    const watch = subscribe(first.client, ProjectEventsLiveDocument, { projectIds: [created.id] });
    await pause(200);
    await revision(applicant.client, created.id);
    const [{ projectEvents: seen }] = await watch.waitFor(1);
    for (let i = 0; i < 4; i++) await revision(applicant.client, created.id);
    const later = connectLive(app().url, mentor.client.token);
    open.push(later.client);
    const resumed = subscribe(later.client, ProjectEventsLiveDocument, { after: seen.cursor });
    expect(JSON.stringify(await resumed.failed())).toContain('Cursor too old: more than 3 events');
  });
});
