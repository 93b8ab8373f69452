import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginDocument, ProjectEventsLiveDocument } from './generated/graphql.js';
import { TEST_PASSWORD, TEST_TOKEN_SECRET, type TestApp } from './support/app.js';
import { Client } from './support/client.js';
import { detailsAs } from './support/events.js';
import { applicantOrganization, person, program, project, revision } from './support/factories.js';
import { connectLive, subscribe } from './support/live.js';
import { createTestDatabase } from './support/postgres.js';
import { runServerProcess, type ServerProcess } from './support/process.js';

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
  const { rows } = await db.query(`select pid from pg_stat_activity where datname = current_database() and query = 'listen lifecycle_events'`);
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
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = $1', ['listen lifecycle_events']);
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
});
