import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignProjectTeamDocument, LoginDocument, LogoutEverywhereDocument, ProjectEventsLiveDocument, SetPersonRolesDocument } from './generated/graphql.js';
import { TEST_PASSWORD, TEST_TOKEN_SECRET, type TestApp } from './support/app.js';
import { Client } from './support/client.js';
import { applicantOrganization, person, program, project, revision } from './support/factories.js';
import { connectLive, hearOne, subscribe } from './support/live.js';
import { createTestDatabase } from './support/postgres.js';
import { runServerProcess, type ServerProcess } from './support/process.js';

/** Two server processes on one PostgreSQL database, as behind a load balancer, with the default session check. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let env: Record<string, string>;
const servers: ServerProcess[] = [];
let appA: TestApp;

async function start(): Promise<ServerProcess> {
  const server = await runServerProcess(env);
  servers.push(server);
  return server;
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  await server.exited;
}

const signIn = (url: string, email: string, password = TEST_PASSWORD) => new Client(url).data(LoginDocument, { input: { email, password } });

beforeAll(async () => {
  database = await createTestDatabase();
  env = { DATABASE_URL: database.url, TOKEN_SECRET: TEST_TOKEN_SECRET, BOOTSTRAP_ADMIN_EMAIL: 'admin@instances.test.cn', BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD };
  const a = await start();
  const admin = new Client(a.url, (await signIn(a.url, 'admin@instances.test.cn')).login.token);
  appA = { url: a.url, admin, login: async (email: string) => new Client(a.url, (await signIn(a.url, email)).login.token) } as unknown as TestApp;
  await start();
}, 60_000);

afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) await stop(server);
  await database?.drop();
});

describe('across instances and restarts', () => {
  it('a role change or a sign-out on one instance closes the person’s sockets on the other within seconds', async () => {
    const [a, b] = servers;
    const staff = await person(appA, ['STAFF']);
    const mentor = await person(appA, ['MENTOR']);
    const { applicant } = await applicantOrganization(appA);
    const created = await project(applicant.client, (await program(appA)).id);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });

    const onB = connectLive(b.url, mentor.client.token);
    const events = subscribe(onB.client, ProjectEventsLiveDocument, { projectIds: [created.id] });
    await hearOne(events, () => revision(applicant.client, created.id));
    const changedAt = Date.now();
    await new Client(a.url, appA.admin.token).data(SetPersonRolesDocument, { input: { personId: mentor.id, roles: ['EVALUATOR'] } });
    expect(await onB.closed).toMatchObject({ code: 4010 });
    expect(Date.now() - changedAt).toBeLessThan(5_000);

    // Reconnecting with the same token works, with the new rights: the project is no longer theirs.
    const again = connectLive(b.url, mentor.client.token);
    const refused = subscribe(again.client, ProjectEventsLiveDocument, { projectIds: [created.id] });
    expect(JSON.stringify(await refused.failed())).toContain('NOT_FOUND');
    subscribe(again.client, ProjectEventsLiveDocument, {});
    await new Client(a.url, mentor.client.token).data(LogoutEverywhereDocument);
    expect(await again.closed).toMatchObject({ code: 4401 });
    await onB.client.dispose();
    await again.client.dispose();
  });

  it('the sign-in throttle holds on every instance and survives a restart', async () => {
    const [a, b] = servers;
    // The last test: it restarts instance A.
    const mentor = await person(appA, ['MENTOR']);
    for (let i = 0; i < 5; i++) {
      const wrong = await signIn(i % 2 ? a.url : b.url, mentor.email, `wrong guess ${i}`);
      expect(wrong.login.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    }
    const onB = await signIn(b.url, mentor.email);
    expect(onB.login).toMatchObject({ token: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
    expect(onB.login.retryAfterSeconds).toBeGreaterThan(20);

    await stop(a);
    const restarted = await start();
    const afterRestart = await signIn(restarted.url, mentor.email);
    expect(afterRestart.login).toMatchObject({ token: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
  });
});
