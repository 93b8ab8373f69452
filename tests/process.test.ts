import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { CreateOrganizationDocument, LoginDocument, type CreateOrganizationMutation, type LoginMutation } from './generated/graphql.js';
import type { GraphQLResult } from './support/client.js';
import { TEST_PASSWORD } from './support/app.js';
import { creditCode } from './support/factories.js';
import { createTestDatabase } from './support/postgres.js';
import { runServerProcess } from './support/process.js';

const post = (url: string, body: object, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
const json = async <R>(response: Response | Promise<Response>) => (await (await response).json()) as GraphQLResult<R>;

/** A server process on a fresh database, with its bootstrap administrator signed in. */
async function serverWithAdmin(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const server = await runServerProcess({
    DATABASE_URL: database.url,
    BOOTSTRAP_ADMIN_EMAIL: 'admin@shutdown.test.cn',
    BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD,
    SHUTDOWN_TIMEOUT_MS: '20000',
    ...env,
  });
  const login = await json<LoginMutation>(post(server.url, { query: print(LoginDocument), variables: { input: { email: 'admin@shutdown.test.cn', password: TEST_PASSWORD } } }));
  return { database, server, token: login.data!.login.token! };
}

/** Resolves once `count` statements wait for a lock on the organization table. */
async function waitingOnOrganization(db: pg.Client, count: number) {
  for (let waiting = 0; waiting < count; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    waiting = Number((await db.query(`select count(*) from pg_locks where not granted and relation = 'organization'::regclass`)).rows[0].count);
  }
}

describe('configuration', () => {
  it('stops on a bad value with one clear line naming the variable', async () => {
    const server = runServerProcess({ PORT: 'eighty', DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    await expect(server).rejects.toThrow();
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe('Configuration error: PORT must be a whole number, got "eighty"');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ TOKEN_SECRET: 'short' }, 'TOKEN_SECRET'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }, 'BOOTSTRAP_ADMIN_PASSWORD'],
    [{ DATABASE_URL: 'postgres://127.0.0.1:1/none', DB_POOL_SIZE: '1' }, 'DB_POOL_SIZE'],
  ])('names the variable in %j', async (env, variable) => {
    const server = runServerProcess(env);
    await expect(server).rejects.toThrow();
    expect(server.output().trim()).toMatch(new RegExp(`^Configuration error: ${variable} `));
    expect(server.output()).not.toMatch(/\n\s+at /);
  });
});

describe('graceful shutdown', () => {
  it('finishes a write that is in flight when SIGTERM arrives, refuses new work, then exits cleanly', async () => {
    const { database, server, token } = await serverWithAdmin();

    const district = await json<{ createPlace: { place: { id: string } } }>(post(server.url, { query: 'mutation { createPlace(input: { level: DISTRICT, name: "龙岗区" }) { place { id } } }' }, token));
    const placeId = district.data!.createPlace.place.id;

    // Hold a lock so the organisation's insert waits, keeping the request in flight.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table organization in share row exclusive mode');
    const inFlight = post(
      server.url,
      {
        query: print(CreateOrganizationDocument),
        variables: { input: { name: '龙岗区众智公共服务创新中心', kind: 'SOCIAL_ORGANIZATION', creditCode: creditCode(), placeId, contactName: '张主任', contactPhone: '0755-28881234' } },
      },
      token,
    );
    await waitingOnOrganization(blocker, 1);

    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(server.url.replace('/graphql', '/healthz'))).rejects.toThrow();

    await blocker.query('commit');
    const response = await json<CreateOrganizationMutation>(inFlight);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createOrganization).toMatchObject({ userErrors: [], organization: { name: '龙岗区众智公共服务创新中心' } });
    expect(await server.exited, server.output()).toBe(0);
    expect(server.output()).toContain('SIGTERM received');

    const { rows } = await blocker.query(`select name from organization`);
    expect(rows).toEqual([{ name: '龙岗区众智公共服务创新中心' }]);
    await blocker.end();
    await database.drop();
  });

  it('lets reads whose clients went away finish before the database closes, over both paths', async () => {
    const { database, server, token } = await serverWithAdmin({ DB_POOL_SIZE: '2' });
    const read = { query: '{ organizations(first: 5) { totalCount } }' };
    expect((await json(post(server.url, read, token))).errors).toBeUndefined();

    // Two reads wait on a lock, holding both pooled connections; the third waits for a connection.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table organization in access exclusive mode');
    const abandon = new AbortController();
    const send = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(read), signal: abandon.signal }).catch(() => null);
    const reads = [send(server.url), send(`${server.url}/`), send(server.url)];
    await waitingOnOrganization(blocker, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    abandon.abort();
    await Promise.all(reads);

    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await blocker.query('commit');
    expect(await server.exited, server.output()).toBe(0);
    expect(server.output()).not.toMatch(/Unexpected error|aborted|Operations still running/);
    await blocker.end();
    await database.drop();
  });
});
