import pg from 'pg';

/** The PostgreSQL server the tests use; each test file gets its own database on it. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Migrated once per test run by the global setup; named per run so concurrent runs do not collide. */
export const templateDatabase = (runId: string | number) => `incubator_template_${runId}`;

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, copied from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `incubator_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const template = process.env.INCUBATOR_TEST_TEMPLATE;
  if (!template) throw new Error('INCUBATOR_TEST_TEMPLATE is not set: run the tests through vitest, whose global setup creates it.');
  await adminQuery(`create database "${name}" template "${template}"`);
  return {
    url: databaseUrl(name),
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}
