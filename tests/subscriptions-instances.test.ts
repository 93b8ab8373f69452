import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignProjectTeamDocument, LoginDocument, ProjectEventsLiveDocument } from './generated/graphql.js';
import { TEST_PASSWORD, TEST_TOKEN_SECRET, type TestApp } from './support/app.js';
import { Client } from './support/client.js';
import { detailsAs } from './support/events.js';
import { applicantOrganization, person, program, project, revision } from './support/factories.js';
import { connectLive, pause, subscribe } from './support/live.js';
import { createTestDatabase } from './support/postgres.js';
import { runServerProcess, type ServerProcess } from './support/process.js';
import { LISTENER_NAME } from '../src/shared/postgres-listener.js';

/** Two server processes on one PostgreSQL database, as behind a load balancer. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: ServerProcess;
let b: ServerProcess;
let appA: TestApp;

async function login(url: string, email: string) {
  const result = await new Client(url).data(LoginDocument, { input: { email, password: TEST_PASSWORD } });
  return new Client(url, result.login.token);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, TOKEN_SECRET: TEST_TOKEN_SECRET, BOOTSTRAP_ADMIN_EMAIL: 'admin@instances.test.cn', BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD };
  a = await runServerProcess(env);
  b = await runServerProcess(env);
  // The factories need only a signed-in administrator and a way to sign others in, here on instance A.
  appA = { url: a.url, admin: await login(a.url, 'admin@instances.test.cn'), login: (email: string) => login(a.url, email) } as unknown as TestApp;
}, 60_000);

afterAll(async () => {
  for (const server of [a, b]) {
    server?.child.kill('SIGTERM');
    await server?.exited;
  }
  await database?.drop();
});

async function listenerPids(): Promise<number[]> {
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const { rows } = await db.query(`select pid from pg_stat_activity where datname = current_database() and application_name = $1`, [LISTENER_NAME]);
  await db.end();
  return rows.map((row) => row.pid as number);
}

describe('several server instances', () => {
  it('delivers an event committed through instance A to a subscriber on instance B', async () => {
    const staff = await person(appA, ['STAFF']);
    const onB = connectLive(b.url, staff.client.token);
    const watch = subscribe(onB.client, ProjectEventsLiveDocument, {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { applicant } = await applicantOrganization(appA);
    const created = await project(applicant.client, (await program(appA)).id, '京剧唱响六约北');
    const [{ projectEvents }] = await watch.waitFor(1);
    expect(projectEvents).toMatchObject({ type: 'PROJECT_CREATED', project: { id: created.id, title: '京剧唱响六约北' } });
    await onB.client.dispose();
  });

  it('recovers when its listening connection drops, replaying the events committed meanwhile', async () => {
    const staff = await person(appA, ['STAFF']);
    const { applicant } = await applicantOrganization(appA);
    const created = await project(applicant.client, (await program(appA)).id);
    const onB = connectLive(b.url, staff.client.token);
    const watch = subscribe(onB.client, ProjectEventsLiveDocument, { projectIds: [created.id] });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const before = await listenerPids();
    expect(before).toHaveLength(2);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1', [LISTENER_NAME]);
    await admin.end();
    // Written while neither instance is listening.
    await revision(applicant.client, created.id);
    await revision(applicant.client, created.id);

    const events = (await watch.waitFor(2, 15_000)).map((r) => r.projectEvents);
    expect(events.map((e) => [e.type, detailsAs(e.details, 'RevisionSavedDetails').number])).toEqual([['REVISION_SAVED', 1], ['REVISION_SAVED', 2]]);
    const after = await listenerPids();
    expect(after).toHaveLength(2);
    expect(after.some((pid) => before.includes(pid))).toBe(false);
    await onB.client.dispose();
  }, 30_000);

  it('delivers each event once and in order on both instances, to subscribers that join and leave mid-stream', async () => {
    const staff = await person(appA, ['STAFF']);
    const mentors = await Promise.all(Array.from({ length: 6 }, () => person(appA, ['MENTOR'])));
    const { applicant } = await applicantOrganization(appA);
    const call = await program(appA);
    const created = await project(applicant.client, call.id);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: mentors.map((m) => m.id) } });
    // Writes go to both instances in turn, subscribers sit on both.
    const applicantOnB = await login(b.url, applicant.email);
    const writers = [applicant.client, applicantOnB];
    const sockets: { dispose(): unknown }[] = [];
    const follow = (i: number) => {
      const connection = connectLive((i % 2 ? b : a).url, mentors[i].client.token);
      sockets.push(connection.client);
      return { connection, watch: subscribe(connection.client, ProjectEventsLiveDocument, { programId: call.id }) };
    };
    const positions = (watch: ReturnType<typeof follow>['watch']) => watch.received.map((r) => r.projectEvents.cursor);
    const stayers = [follow(0), follow(1)];
    const leavers = [follow(2), follow(3)];
    await pause(300);

    const saves = 16;
    let joiners: ReturnType<typeof follow>[] = [];
    for (let n = 1; n <= saves; n++) {
      await revision(writers[n % 2], created.id);
      // The leavers go once they have the first five (delivery across instances may lag the writes under load).
      if (n === 6) await Promise.all(leavers.map(async ({ connection, watch }) => (await watch.waitFor(5, 15_000), connection.client.dispose())));
      if (n === 8) {
        joiners = [follow(4), follow(5)];
        await pause(200);
      }
    }
    const all = (await stayers[0].watch.waitFor(saves, 15_000)).map((r) => r.projectEvents);
    await pause(300);
    // Everything, once, in commit order, the same on both instances.
    expect(all.map((e) => detailsAs(e.details, 'RevisionSavedDetails').number)).toEqual(Array.from({ length: saves }, (_, i) => i + 1));
    const stream = positions(stayers[0].watch);
    expect(positions(stayers[1].watch)).toEqual(stream);
    // A subscriber that left got a beginning of it, one that joined the rest from where it joined: no gaps, no repeats.
    for (const { watch } of leavers) {
      const got = positions(watch);
      expect(got.length).toBeGreaterThanOrEqual(5);
      expect(got).toEqual(stream.slice(0, got.length));
    }
    for (const { watch } of joiners) {
      const got = positions(watch);
      expect(got.length).toBeGreaterThanOrEqual(saves - 8);
      expect(got).toEqual(stream.slice(stream.length - got.length));
    }
    await Promise.all(sockets.map((socket) => socket.dispose()));
  }, 60_000);
});
