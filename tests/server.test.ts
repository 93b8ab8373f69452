import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext } from '@mikro-orm/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { LoginDocument, ProgramsDocument } from './generated/graphql.js';
import { useTestApp } from './support/app.js';

const app = useTestApp();
const base = () => app().url.replace(/\/graphql$/, '');

describe('the HTTP server', () => {
  it('turns MikroORM\'s async contexts off once no write is running, and on again for the next', async () => {
    const storage = (TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> & { enabled: boolean } }).storage;
    const em = app().server.database.orm.em.fork();
    let inside: unknown;
    const [, during] = await Promise.all([
      em.transactional(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        inside = TransactionContext.currentTransactionContext();
      }),
      new Promise((resolve) => setTimeout(() => resolve(storage.enabled), 10)),
    ]);
    // While the transaction ran, its context was there to read; after it, the storage (and with it Node's promise hooks) is off.
    expect(during).toBe(true);
    expect(inside).toBeDefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(storage.enabled).toBe(false);
    expect(TransactionContext.currentTransactionContext()).toBeUndefined();
    // A write through the API (a sign-in) leaves it off as well.
    const login = await app().anonymous.request(LoginDocument, { input: { email: 'nobody@test.incubator.cn', password: 'wrong-password-1' } });
    expect(login.data?.login ?? login.errors).toBeTruthy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(storage.enabled).toBe(false);
  });

  it('answers /healthz and /readyz while the database is reachable', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('reports malformed requests with BAD_USER_INPUT or validation codes', async () => {
    const result = await fetch(app().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ programs(first: "ten") { totalCount } }' }),
    });
    const body = (await result.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers variables that do not fit their types with 400 BAD_USER_INPUT, naming each, not as an internal error', async () => {
    const post = (query: string, variables: Record<string, unknown>) =>
      fetch(app().url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${app().admin.token}` }, body: JSON.stringify({ query, variables }) });
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['query ($n: Int) { programs(first: $n) { totalCount } }', { n: 'ten' }, /Variable "\$n" got invalid value "ten"/],
      ['query ($p: ID!, $k: ActivityKind) { node(id: $p) { ... on Park { activities(kind: $k) { totalCount } } } }', { p: 'x', k: 'LAND' }, /Variable "\$k" got invalid value "LAND"/],
      ['query ($p: ID!) { node(id: $p) { id } }', {}, /Variable "\$p" of required type "ID!" was not provided/],
    ];
    for (const [query, variables, message] of cases) {
      const result = await post(query, variables);
      expect(result.status).toBe(400);
      const body = (await result.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(message);
    }
  });

  it('hides an unexpected failure behind INTERNAL, with no message or stack trace', async () => {
    const db = new pg.Client({ connectionString: app().databaseUrl });
    await db.connect();
    await db.query('alter table program rename to program_gone');
    try {
      const result = await app().admin.request(ProgramsDocument, {});
      expect(result.errors).toEqual([{ message: 'Internal server error', locations: expect.any(Array), path: ['programs'], extensions: { code: 'INTERNAL' } }]);
      expect(JSON.stringify(result)).not.toMatch(/program_gone|relation|at .*\.ts/);
    } finally {
      await db.query('alter table program_gone rename to program');
      await db.end();
    }
  });
});
