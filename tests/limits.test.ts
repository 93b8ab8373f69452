import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { OrganizationsDocument } from './generated/graphql.js';
import { TEST_PASSWORD, startTestApp, useTestApp, type TestApp } from './support/app.js';
import { applicantOrganization, person, program, project, revision } from './support/factories.js';

const app = useTestApp();

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

/** A raw request, as an attacker or a hand-written client sends it. */
async function post(url: string, body: unknown, token?: string | null, contentType = 'application/json'): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token && { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text.startsWith('{') ? JSON.parse(text) : {} };
}

const codes = (answer: Answer) => answer.body.errors?.map((e) => e.extensions?.code);

async function staffToken(testApp: TestApp) {
  return (await person(testApp, ['STAFF'])).client.token;
}

describe('operation limits refuse before anything runs', () => {
  it('refuses a query nested deeper than MAX_QUERY_DEPTH', async () => {
    const token = await staffToken(app());
    const deep = (levels: number) => `{ ${'projects(first:1) { nodes { program { '.repeat(levels)} id ${'} } }'.repeat(levels)} }`;
    const answer = await post(app().url, { query: deep(4) }, token);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([
      { message: 'Query depth limit of 10 exceeded, found 13.', extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth', setting: 'MAX_QUERY_DEPTH' } },
    ]);
    for (const levels of [17, 67]) expect(codes(await post(app().url, { query: deep(levels) }, token))).toEqual(['OPERATION_LIMIT_EXCEEDED']);
    // Depth 10 is allowed.
    expect((await post(app().url, { query: `{ viewer { organization { projects(first: 1) { nodes { program { projects(first: 1) { nodes { program { id } } } } } } } } }` }, token)).body.errors).toBeUndefined();
  });

  it('refuses the 144-byte depth bomb: within depth 10, but up to two million objects', async () => {
    const token = await staffToken(app());
    const bomb = '{ projects(first:100) { nodes { program { projects(first:100) { nodes { program { projects(first:100) { nodes { program { id } } } } } } } } } }';
    const answer = await post(app().url, { query: bomb }, token);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' });
  });

  it('refuses more aliases than MAX_ALIASES, for anyone, including introspection and login', async () => {
    const token = await staffToken(app());
    const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    const projects = await post(app().url, { query: aliases(100, 'projects(first:100){ totalCount nodes { id title } }') }, token);
    expect(projects.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'aliases' });
    expect(projects.body.data).toBeUndefined();
    // A thousand are not even parsed: they are longer than MAX_QUERY_LENGTH.
    const thousand = await post(app().url, { query: aliases(1000, 'projects(first:100){ totalCount nodes { id title } }') }, token);
    expect(thousand.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'queryLength' });

    const introspection = await post(app().url, { query: aliases(2000, '__schema { types { name fields { name args { name } } } }') });
    expect(introspection.status).toBe(400);
    expect(codes(introspection)).toContain('OPERATION_LIMIT_EXCEEDED');

    const logins = `mutation { ${Array.from({ length: 201 }, (_, i) => `l${i}: login(input: { email: "x@test.incubator.cn", password: "guess-${i}-guess" }) { token }`).join(' ')} }`;
    expect(codes(await post(app().url, { query: logins }))).toContain('OPERATION_LIMIT_EXCEEDED');

    // Fifteen are allowed.
    const fine = await post(app().url, { query: aliases(15, 'viewer { id }') }, token);
    expect(fine.body.errors).toBeUndefined();
  });

  it('refuses an operation whose worst case exceeds MAX_QUERY_COST, and reports the cost of one it accepts', async () => {
    const token = await staffToken(app());
    // Depth 8, no aliases, but 100 × 100 × 100 possible projects.
    const wide = '{ programs(first:100) { nodes { projects(first:100) { nodes { program { projects(first:100) { nodes { id } } } } } } } }';
    const refused = await post(app().url, { query: wide }, token);
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost', setting: 'MAX_QUERY_COST' });
    expect(refused.body.errors![0].message).toMatch(/up to \d+ objects; the limit is 50000/);

    // `first` from variables counts the same.
    const variables = await post(app().url, { query: 'query($n: Int) { programs(first:$n) { nodes { projects(first:$n) { nodes { program { projects(first:$n) { nodes { id } } } } } } } }', variables: { n: 100 } }, token);
    expect(codes(variables)).toEqual(['OPERATION_LIMIT_EXCEEDED']);

    const accepted = await post(app().url, { query: '{ projects(first: 50) { totalCount nodes { id title organization { name } } } }' }, token);
    expect(accepted.body.errors).toBeUndefined();
    // 50 projects, each with its organisation, plus the connection itself.
    expect(accepted.body.extensions).toEqual({ cost: { requested: 101, limit: 50_000 } });
  });

  it('refuses too many directives, too many tokens and an over-long query', async () => {
    const token = await staffToken(app());
    const directives = `{ viewer { id ${'@include(if: true) '.repeat(30)} } }`;
    expect((await post(app().url, { query: directives }, token)).body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'directives' });

    const tokens = `{ viewer { ${'id '.repeat(2500)} } }`;
    const manyTokens = await post(app().url, { query: tokens }, token);
    expect(manyTokens.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens' });

    const long = `{ viewer { id } } ${'#'.repeat(25_000)}`;
    const tooLong = await post(app().url, { query: long }, token);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'queryLength' });
  });
});

describe('introspection for staff only', () => {
  it('answers __schema to signed-in staff and refuses everyone else with FORBIDDEN (INTROSPECTION=staff)', async () => {
    const staffOnly = await startTestApp({ INTROSPECTION: 'staff' });
    try {
      const query = { query: '{ __schema { queryType { name } } }' };
      const staff = await person(staffOnly, ['STAFF']);
      expect((await post(staffOnly.url, query, staff.client.token)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const mentor = await person(staffOnly, ['MENTOR']);
      for (const token of [null, mentor.client.token]) {
        const refused = await post(staffOnly.url, query, token);
        expect(refused.status).toBe(403);
        expect(refused.body.data).toBeUndefined();
        expect(codes(refused)).toEqual(['FORBIDDEN']);
      }
    } finally {
      await staffOnly.stop();
    }
  });
});

describe('the request deadline', () => {
  it('stops a request whose statement waits past REQUEST_TIMEOUT_MS, with TIMEOUT', async () => {
    const slow = await startTestApp({ REQUEST_TIMEOUT_MS: '500' });
    const locker = new pg.Client({ connectionString: slow.databaseUrl });
    await locker.connect();
    try {
      const staff = await person(slow, ['STAFF']);
      await locker.query('begin');
      await locker.query('lock table organization in access exclusive mode');
      const started = Date.now();
      const answer = await post(slow.url, { query: '{ organizations { totalCount } }' }, staff.client.token);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(answer.body.errors).toMatchObject([{ message: 'The request took too long and was stopped (REQUEST_TIMEOUT_MS).', extensions: { code: 'TIMEOUT' } }]);
      await locker.query('rollback');
      expect((await post(slow.url, { query: '{ organizations { totalCount } }' }, staff.client.token)).body.errors).toBeUndefined();
    } finally {
      await locker.end();
      await slow.stop();
    }
  });

  it('stops reading nested lists once the deadline has passed, though no statement ran long', async () => {
    const slow = await startTestApp({ REQUEST_TIMEOUT_MS: '1000' });
    const lockers = [new pg.Client({ connectionString: slow.databaseUrl }), new pg.Client({ connectionString: slow.databaseUrl })];
    try {
      const call = await program(slow);
      const { applicant } = await applicantOrganization(slow);
      await revision(applicant.client, (await project(applicant.client, call.id)).id);
      const staff = await person(slow, ['STAFF']);
      for (const locker of lockers) await locker.connect();
      // The page waits 700 ms for projects, their revisions 700 ms more: each statement well within
      // 1000 ms, the request past it before the revisions' authors are read.
      for (const [locker, table] of [[lockers[0], 'project'], [lockers[1], 'proposal_revision']] as const) {
        await locker.query('begin');
        await locker.query(`lock table ${table} in access exclusive mode`);
      }
      const released = [700, 1400].map((ms, i) => new Promise((resolve) => setTimeout(() => resolve(lockers[i].query('rollback')), ms)));
      const answer = await post(slow.url, { query: '{ projects { nodes { title revisions(first: 1) { nodes { number author { name } } } } } }' }, staff.client.token);
      await Promise.all(released);
      expect(answer.body.errors).toMatchObject([{ message: 'The request took longer than 1000 ms and was stopped.', extensions: { code: 'TIMEOUT' } }]);
      // The next request has a deadline of its own.
      expect((await post(slow.url, { query: '{ projects { nodes { title revisions(first: 1) { nodes { number author { name } } } } } }' }, staff.client.token)).body.errors).toBeUndefined();
    } finally {
      for (const locker of lockers) await locker.end();
      await slow.stop();
    }
  });
});

describe('production mode', () => {
  it('answers no introspection and no field suggestions', async () => {
    const token = await staffToken(app());
    const schema = await post(app().url, { query: '{ __schema { types { name } } }' }, token);
    expect(schema.body.data).toBeUndefined();
    expect(new Set(codes(schema))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(schema.body.errors![0].message).toContain('introspection');

    const typo = await post(app().url, { query: '{ projectz { totalCount } }' }, token);
    expect(codes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(typo.body.errors![0].message).toBe('Cannot query field "projectz" on type "Query".');
    expect(typo.text).not.toContain('Did you mean');
  });

  it('answers malformed and oversized bodies with JSON errors, no stack trace or path', async () => {
    const malformed = await post(app().url, '{"query": "{ viewer { id } }"', null);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/json');
    expect(malformed.body.errors![0]).toEqual({ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } });

    const huge = await post(app().url, { query: '{ viewer { id } }', variables: { padding: 'x'.repeat(10 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'bodySize', setting: 'MAX_BODY_BYTES' });

    for (const answer of [malformed, huge]) {
      expect(answer.text).not.toMatch(/<html|<pre|node_modules|\/work\/|at [A-Za-z.]+ \(/);
    }
    const unknownPath = await fetch(app().url.replace('/graphql', '/nowhere'));
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers a GraphQL POST outside Express exactly as the Express stack would: headers, failures and limits', async () => {
    const token = await staffToken(app());
    const query = { query: '{ viewer { id } }' };
    // `/graphql/` goes through Express; `/graphql` with a JSON body is answered directly (src/app/graphql-http.ts).
    const direct = await post(app().url, query, token);
    const viaExpress = await post(`${app().url}/`, query, token);
    expect(direct.status).toBe(200);
    expect(direct.body).toEqual(viaExpress.body);
    const headerNames = (answer: Answer) => [...answer.headers.keys()].filter((name) => !['date', 'content-length'].includes(name)).sort();
    expect(headerNames(direct)).toEqual(headerNames(viaExpress));
    for (const name of headerNames(direct)) expect([name, direct.headers.get(name)]).toEqual([name, viaExpress.headers.get(name)]);
    expect(direct.headers.get('content-security-policy')).toContain("default-src 'self'");

    // A charset in the content type, and the failures, answer alike on both paths.
    expect((await post(app().url, query, token, 'application/json; charset=utf-8')).body).toEqual(direct.body);
    for (const body of ['{"query": "{ viewer { id } }"', '"{ viewer { id } }"', '']) {
      const [one, other] = [await post(app().url, body, token), await post(`${app().url}/`, body, token)];
      expect([body, one.status, one.body]).toEqual([body, other.status, other.body]);
    }
    const long = { query: `{ viewer { id } }${' '.repeat(20_000)}` };
    const [longDirect, longExpress] = [await post(app().url, long, token), await post(`${app().url}/`, long, token)];
    expect(longDirect.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'queryLength' });
    expect(longDirect.body).toEqual(longExpress.body);

    // A body sent in chunks without a declared length is cut off at the limit all the same.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 12; i++) controller.enqueue(new TextEncoder().encode(i ? 'x'.repeat(1024 * 1024) : '{"query": "{ viewer { id } }", "padding": "'));
        controller.close();
      },
    });
    const streamed = await fetch(app().url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as Answer['body']).errors![0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'bodySize' });
  });

  it('serves no landing page, sends security headers and no X-Powered-By', async () => {
    const page = await fetch(app().url, { headers: { accept: 'text/html' } });
    const text = await page.text();
    expect(text).not.toContain('<html');
    expect(page.headers.get('x-powered-by')).toBeNull();
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('control characters', () => {
  it('refuses a NUL byte in any text, from variables or literals, before any SQL, and writes nothing', async () => {
    const login = await post(app().url, { query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: 'a\u0000@test.incubator.cn', password: TEST_PASSWORD } } });
    expect(login.status).toBe(400);
    expect(login.body.errors![0]).toMatchObject({ message: 'Text may not contain control characters: U+0000 found in variable "i.email".', extensions: { code: 'BAD_USER_INPUT' } });

    const literal = await post(app().url, { query: 'mutation { login(input: { email: "a\\u0000b@test.incubator.cn", password: "x" }) { token } }' });
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);

    const staff = await person(app(), ['STAFF']);
    const before = (await staff.client.data(OrganizationsDocument, {})).organizations!.totalCount;
    const bell = await post(
      app().url,
      { query: 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }', variables: { i: { name: 'Bad\u0007name', kind: 'RESIDENT_GROUP', placeId: 'x', contactName: 'x', contactPhone: '0755-1234567' } } },
      staff.client.token,
    );
    expect(bell.body.errors![0].message).toContain('U+0007 found in variable "i.name"');
    expect((await staff.client.data(OrganizationsDocument, {})).organizations!.totalCount).toBe(before);

    // Line breaks and tabs are text, not control characters.
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    const saved = await revision(applicant.client, created.id, { summary: 'Line one\n\tline two' });
    expect(saved.summary).toBe('Line one\n\tline two');
  });
});

describe('response names', () => {
  it('refuses aliases that start with "__" other than introspection\'s, and answers __typename as ever', async () => {
    const token = await staffToken(app());
    for (const alias of ['__proto__', '__defineGetter__', '__mine']) {
      const answer = await post(app().url, { query: `{ viewer { id ${alias}: name } }` }, token);
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.body.errors![0].message).toContain(`"${alias}" may not name a field of the answer`);
      expect(answer.body.data).toBeUndefined();
    }
    const answer = await post(app().url, { query: '{ viewer { __typename id constructor: name toString: name } }' }, token);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.viewer).toMatchObject({ __typename: 'Person' });
    const viewer = answer.body.data!.viewer as Record<string, unknown>;
    expect(Object.keys(viewer)).toEqual(['__typename', 'id', 'constructor', 'toString']);
    expect(typeof viewer.constructor).toBe('string');
  });
});
