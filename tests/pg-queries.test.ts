import 'reflect-metadata';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from '../src/app/mikro-orm.config.js';
import { oneQueryAtATime } from '../src/shared/one-query-at-a-time.js';
import { AssignEvaluatorsDocument, LoginDocument } from './generated/graphql.js';
import { ADMIN_EMAIL, TEST_PASSWORD, TEST_TOKEN_SECRET, type TestApp } from './support/app.js';
import { Client } from './support/client.js';
import { districtStaff, person } from './support/factories.js';
import { evaluators, openRound, submittedProject } from './support/lifecycle.js';
import { createTestDatabase } from './support/postgres.js';
import { runServerProcess } from './support/process.js';

const ALREADY_EXECUTING = 'already executing a query';

/**
 * The warnings this process emits while `work` runs. pg warns of a query asked for while another
 * runs only once per process (each test file has its own): without the turns, the first test here to
 * overlap queries hears it.
 */
async function warningsDuring(work: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const listener = (warning: Error) => warnings.push(warning.message);
  process.on('warning', listener);
  try {
    await work();
    // Node emits a warning on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  return warnings;
}

describe('a connection takes its queries in turns', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('runs a transaction’s overlapping statements one after another, in the order asked, each with its own result', async () => {
    const orm = await MikroORM.init(ormConfig({ url: database.url, poolSize: 2 }));
    try {
      let rows: { n: number; at: string }[][] = [];
      const warnings = await warningsDuring(async () => {
        rows = await orm.em.fork().transactional((em) =>
          Promise.all([0, 1, 2, 3, 4, 5].map((n) => em.execute<{ n: number; at: string }[]>('select pg_sleep(0.02), ?::int as n, clock_timestamp()::text as at', [n]))),
        );
      });
      expect(warnings.filter((message) => message.includes(ALREADY_EXECUTING))).toEqual([]);
      expect(rows.map(([row]) => row.n)).toEqual([0, 1, 2, 3, 4, 5]);
      const started = rows.map(([row]) => row.at);
      expect([...started].sort()).toEqual(started);
    } finally {
      await orm.close(true);
    }
  });

  it('takes pg’s callback, promise and submittable forms in the order asked, an error freeing the next', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    oneQueryAtATime(client);
    try {
      const finished: string[] = [];
      const done = <T>(name: string, value: T) => {
        finished.push(name);
        return value;
      };
      let results: unknown[] = [];
      const warnings = await warningsDuring(async () => {
        const byCallback = new Promise((resolve, reject) => {
          client.query('select pg_sleep(0.05), 1 as n', (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(done('callback', result.rows[0].n))));
        });
        const failing = client.query('select 1 / 0').then(() => 'no error', (error: Error) => done('error', error.message));
        const byConfig = client.query({ text: 'select $1::int as n', values: [3] }).then((result) => done('config', result.rows[0].n));
        const streamed = client.query(new pg.Query('select generate_series(4, 6) as n'));
        const rows: number[] = [];
        streamed.on('row', (row: { n: number }) => rows.push(row.n));
        const byStream = new Promise((resolve, reject) => streamed.on('end', () => resolve(done('submittable', rows))).on('error', reject));
        const failingStream = client.query(new pg.Query('select * from no_such_table'));
        const byFailingStream = new Promise((resolve) => failingStream.on('error', (error: Error) => resolve(done('submittable error', error.message))));
        const byValues = client.query('select $1::int as n', [7]).then((result) => done('values', result.rows[0].n));
        results = await Promise.all([byCallback, failing, byConfig, byStream, byFailingStream, byValues]);
      });
      expect(warnings.filter((message) => message.includes(ALREADY_EXECUTING))).toEqual([]);
      expect(results).toEqual([1, 'division by zero', 3, [4, 5, 6], 'relation "no_such_table" does not exist', 7]);
      expect(finished).toEqual(['callback', 'error', 'config', 'submittable', 'submittable error', 'values']);
    } finally {
      await client.end();
    }
  });
});

describe('rows from pg (patches/pg+8.23.1.patch)', () => {
  it('are plain objects with every column as an own property, whatever the column is called', async () => {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<Record<string, unknown>>(`select n as "__proto__", n + 1 as "constructor", 'x' || n as "toString", n as id from generate_series(1, 2) n`);
      expect(rows.map((row) => Object.entries(row))).toEqual([
        [['__proto__', 1], ['constructor', 2], ['toString', 'x1'], ['id', 1]],
        [['__proto__', 2], ['constructor', 3], ['toString', 'x2'], ['id', 2]],
      ]);
      for (const row of rows) expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      // Each row is its own object: changing one changes no other, nor the next result's rows.
      rows[0].id = 99;
      expect(rows[1].id).toBe(2);
      expect((await client.query('select 1 as id')).rows).toEqual([{ id: 1 }]);
      expect(({} as Record<string, unknown>).id).toBeUndefined();
    } finally {
      await client.end();
      await database.drop();
    }
  });
});

describe('a server process', () => {
  it('reads in parallel inside a mutation’s transaction without pg’s warning of a query asked for while another runs', async () => {
    const database = await createTestDatabase();
    const server = await runServerProcess(
      { DATABASE_URL: database.url, TOKEN_SECRET: TEST_TOKEN_SECRET, BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD },
      ['--trace-deprecation'],
    );
    try {
      const anonymous = new Client(server.url);
      const login = async (email: string, password = TEST_PASSWORD) => new Client(server.url, (await anonymous.data(LoginDocument, { input: { email, password } })).login.token);
      // The factories use only an app's administrator and its login.
      const app = { admin: await login(ADMIN_EMAIL), login } as unknown as TestApp;
      const submitted = await submittedProject(app, { minEvaluators: 2 });
      const [staff, runner, panel] = await Promise.all([person(app, ['STAFF']), districtStaff(app), evaluators(app, 2)]);
      const round = await openRound(runner.client, submitted.program.id);

      // assignEvaluators reads the people, the assignments, their workplaces and the park at once (Promise.all).
      const assigned = await staff.client.data(AssignEvaluatorsDocument, { input: { roundId: round.id, projectId: submitted.project.id, evaluatorIds: panel.map((p) => p.id) } });
      expect(assigned.assignEvaluators).toMatchObject({ userErrors: [], project: { status: 'UNDER_REVIEW' } });
      expect(assigned.assignEvaluators.assignments).toHaveLength(2);
      expect(server.output()).not.toContain(ALREADY_EXECUTING);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await database.drop();
    }
  }, 90_000);
});
