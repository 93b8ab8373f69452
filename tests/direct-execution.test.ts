import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/app/context.js';
import { directExecution, operationDocuments } from '../src/app/graphql-execution.js';
import { TEST_PASSWORD, useTestApp } from './support/app.js';
import { person } from './support/factories.js';

// Staff-only introspection, so that the limits' FORBIDDEN is among the answers compared.
const app = useTestApp({ INTROSPECTION: 'staff' });

interface Request {
  name: string;
  body: unknown;
  token?: 'staff' | 'mentor' | 'rejected' | null;
  accept?: string;
  /** Whether the operation runs outside Apollo's pipeline (directExecution); if not, Apollo answers. */
  direct: boolean;
}

const VIEWER = '{ viewer { id name roles } }';
const TWO_OPERATIONS = 'query A { viewer { id } } query B { viewer { name } }';
const PAGE = 'query Page($first: Int) { projects(first: $first) { totalCount nodes { id } } }';
const persisted = (query: string) => ({ version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') });

/** Every kind of POST a client or an attacker sends, and whether it is answered outside Apollo's pipeline. */
const REQUESTS: Request[] = [
  { name: 'a query', body: { query: VIEWER }, token: 'staff', direct: true },
  { name: 'a query with null variables, name and extensions', body: { query: VIEWER, variables: null, operationName: null, extensions: null }, token: 'staff', direct: true },
  { name: 'a query with extensions of its own', body: { query: VIEWER, extensions: { clientLibrary: { name: 'x' } } }, token: 'staff', direct: true },
  { name: 'variables', body: { query: PAGE, variables: { first: 2 } }, token: 'staff', direct: true },
  { name: 'a named operation among two', body: { query: TWO_OPERATIONS, operationName: 'B' }, token: 'staff', direct: true },
  { name: 'no token: UNAUTHENTICATED in the answer', body: { query: PAGE }, token: null, direct: true },
  { name: 'a refused token: told so', body: { query: PAGE }, token: 'rejected', direct: true },
  { name: 'a resolver refusing bad input', body: { query: PAGE, variables: { first: -1 } }, token: 'staff', direct: true },
  { name: 'a node ID that is not one', body: { query: '{ node(id: "not-an-id") { id } }' }, token: 'staff', direct: true },
  { name: 'a mutation with user errors', body: { query: 'mutation { login(input: { email: "nobody@test.incubator.cn", password: "not the password" }) { token userErrors { code } } }' }, direct: true },
  { name: 'Accept: graphql-response+json', body: { query: VIEWER }, token: 'staff', accept: 'application/graphql-response+json', direct: true },
  { name: 'Accept: either, JSON weighed lower', body: { query: VIEWER }, token: 'staff', accept: 'application/json;q=0.9, application/graphql-response+json', direct: true },
  { name: 'Accept: */*', body: { query: VIEWER }, token: 'staff', accept: '*/*', direct: true },
  { name: 'Accept: only HTML (406)', body: { query: VIEWER }, token: 'staff', accept: 'text/html', direct: false },
  { name: 'two operations, no name', body: { query: TWO_OPERATIONS }, token: 'staff', direct: false },
  { name: 'an unknown operation name', body: { query: TWO_OPERATIONS, operationName: 'C' }, token: 'staff', direct: false },
  { name: 'a variable of the wrong type', body: { query: PAGE, variables: { first: 'two' } }, token: 'staff', direct: false },
  { name: 'a field that does not exist', body: { query: '{ viewer { nope } }' }, token: 'staff', direct: false },
  { name: 'a syntax error', body: { query: '{ viewer {' }, token: 'staff', direct: false },
  { name: 'over the cost limit', body: { query: '{ projects(first: 100) { nodes { program { projects(first: 100) { nodes { program { projects(first: 100) { nodes { id } } } } } } } } }' }, token: 'staff', direct: false },
  { name: 'introspection by a mentor', body: { query: '{ __schema { queryType { name } } }' }, token: 'mentor', direct: false },
  { name: 'introspection by staff', body: { query: '{ __schema { queryType { name } } }' }, token: 'staff', direct: true },
  { name: 'a subscription over HTTP', body: { query: 'subscription { projectEvents { id } }' }, token: 'staff', direct: false },
  { name: 'an unknown persisted query', body: { extensions: { persistedQuery: persisted('{ viewer { id } }') } }, token: 'staff', direct: false },
  { name: 'a persisted query registered', body: { query: VIEWER, extensions: { persistedQuery: persisted(VIEWER) } }, token: 'staff', direct: false },
  { name: 'a key Apollo ignores', body: { query: VIEWER, id: 'x' }, token: 'staff', direct: false },
  { name: 'a query that is not text', body: { query: 1 }, token: 'staff', direct: false },
  { name: 'variables as text', body: { query: PAGE, variables: '{"first": 2}' }, token: 'staff', direct: false },
  { name: 'an empty body', body: {}, token: 'staff', direct: false },
  { name: 'an array', body: [{ query: VIEWER }], token: 'staff', direct: false },
];

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

describe('operations answered outside Apollo', () => {
  it('are answered exactly as Apollo answers them, and only plain ones are', async () => {
    const staff = await person(app(), ['STAFF']);
    const mentor = await person(app(), ['MENTOR']);
    const tokens = { staff: staff.client.token, mentor: mentor.client.token, rejected: 'not.a.token', null: null } as Record<string, string | null>;
    const { server, config } = app();
    const run = directExecution({ schema: server.schema, config, operations: operationDocuments(server.schema, config), queries: server.queries });
    const context = (token: string | null) => () => createContext(server.database.orm, config, { secret: config.tokenSecret, cache: null }, token, null, { deadline: true });

    const post = async (url: string, request: Request): Promise<Answer> => {
      const token = tokens[String(request.token ?? null)];
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...(request.accept && { accept: request.accept }) },
        body: JSON.stringify(request.body),
      });
      const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date' && name !== 'content-length'));
      return { status: response.status, headers, body: await response.json() };
    };

    const statuses = new Set<number>();
    for (const request of REQUESTS) {
      // `/graphql/` goes through Express and Apollo; `/graphql` through the direct path (src/app/graphql-http.ts).
      const viaApollo = await post(`${app().url}/`, request);
      const direct = await post(app().url, request);
      expect([request.name, direct]).toEqual([request.name, viaApollo]);
      statuses.add(direct.status);

      const answer = await run(request.body, request.accept, context(tokens[String(request.token ?? null)]));
      expect([request.name, answer !== null]).toEqual([request.name, request.direct]);
      if (answer) expect([request.name, answer.status, JSON.parse(answer.body)]).toEqual([request.name, viaApollo.status, viaApollo.body]);
    }
    // Successes, refused requests, a refused introspection and a refused Accept header were all compared.
    expect([...statuses].sort()).toEqual([200, 400, 403, 406]);
  });

  it('tells the cost and a refused token as Apollo does, and a mutation runs once', async () => {
    const staff = await person(app(), ['STAFF']);
    const cost = await post(app().url, { query: PAGE, variables: { first: 3 } }, staff.client.token);
    expect(cost.body.extensions).toEqual({ cost: { requested: 4, limit: config().limits.maxCost } });
    const refused = await post(app().url, { query: PAGE }, 'not.a.token');
    expect(refused.body.errors[0]).toMatchObject({ message: 'Token invalid or expired: sign in again with the login mutation.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(refused.headers.get('content-type')).toBe('application/json; charset=utf-8');

    // A password change through the direct path: done once, and only the new password signs in.
    const newPassword = 'a much longer new password 2026';
    const changed = await post(app().url, { query: 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token userErrors { code } } }', variables: { i: { currentPassword: TEST_PASSWORD, newPassword } } }, staff.client.token);
    expect(changed.body).toMatchObject({ data: { changePassword: { userErrors: [] } } });
    await expect(app().login(staff.email)).rejects.toThrow(/login failed/);
    await app().login(staff.email, newPassword);
  });

  it('refuses a subscription over HTTP, pointing to WebSocket, without running it', async () => {
    const staff = await person(app(), ['STAFF']);
    const answer = await post(app().url, { query: 'subscription { projectEvents { id } }' }, staff.client.token);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toMatchObject([{ message: expect.stringContaining('WebSocket'), extensions: { code: 'BAD_REQUEST' } }]);
    expect(answer.body.data).toBeUndefined();
  });
});

const config = () => app().config;

async function post(url: string, body: unknown, token: string | null) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[]; extensions?: unknown } };
}
