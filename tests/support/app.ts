import 'reflect-metadata';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/app/config.js';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { signToken } from '../../src/shared/auth.js';
import { LoginDocument } from '../generated/graphql.js';
import { Client } from './client.js';
import { createTestDatabase } from './postgres.js';

export const TEST_TOKEN_SECRET = 'test-secret-test-secret-test-secret-0123';
export const ADMIN_EMAIL = 'admin@test.incubator.cn';
export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  config: Config;
  server: RunningServer;
  url: string;
  databaseUrl: string;
  anonymous: Client;
  admin: Client;
  /** Every SQL statement the server has sent, in order. */
  statements: string[];
  login(email: string, password?: string): Promise<Client>;
  /** A token for a new session of the person (by UUID), valid `ttlSeconds` from `now`: for tokens login cannot give (short-lived, expired). */
  sessionToken(personId: string, ttlSeconds: number, now?: number): Promise<string>;
  /** The SQL statements sent while `work` ran. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

/** A real server on its own fresh PostgreSQL database, with an administrator signed in. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    SEED_DEMO: 'false',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD,
    DB_POOL_SIZE: '4',
    // Every query compiled at its first run, so the tests read every answer as production serves the queries it runs often.
    COMPILE_QUERIES_AFTER: '0',
    ...env,
  });
  const statements: string[] = [];
  const server = await startServer(config, { onQuery: (sql) => statements.push(sql) });
  const anonymous = new Client(server.url);
  const login = async (email: string, password = TEST_PASSWORD) => {
    const result = await anonymous.data(LoginDocument, { input: { email, password } });
    if (!result.login.token) throw new Error(`login failed for ${email}: ${JSON.stringify(result.login.userErrors)}`);
    return new Client(server.url, result.login.token);
  };
  return {
    config,
    server,
    url: server.url,
    databaseUrl: database.url,
    anonymous,
    // With the demo loaded, its administrator is the first one (no bootstrap administrator is created).
    admin: config.seedDemo ? await login('admin@demo.incubator.cn', 'incubator-demo') : await login(ADMIN_EMAIL),
    statements,
    login,
    async sessionToken(personId, ttlSeconds, now = Date.now()) {
      const db = new pg.Client({ connectionString: database.url });
      await db.connect();
      try {
        const { rows } = await db.query('insert into auth_session (id, person_id, expires_at) values (gen_random_uuid(), $1, $2) returning id', [personId, new Date(now + ttlSeconds * 1000)]);
        return signToken(TEST_TOKEN_SECRET, personId, rows[0].id, ttlSeconds, now).token;
      } finally {
        await db.end();
      }
    },
    async countStatements(work) {
      // Events of earlier writes are dispatched in the background; let that finish so it is not counted.
      await server.dispatcher.idle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await server.dispatcher.idle();
      const before = statements.length;
      await work();
      return statements.length - before;
    },
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}

/** Starts one app for the test file and stops it afterwards; use the returned getter inside tests. */
export function useTestApp(env?: Record<string, string>): () => TestApp {
  let app: TestApp | undefined;
  // Loading the demo (SEED_DEMO) plays its 1,380 API calls: over a minute while other test files load both cores.
  beforeAll(async () => {
    app = await startTestApp(env);
  }, env?.SEED_DEMO === 'true' ? 180_000 : undefined);
  afterAll(async () => {
    await app?.stop();
  });
  return () => app!;
}
