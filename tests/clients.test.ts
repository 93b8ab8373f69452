import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { AssignProjectTeamDocument } from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { Client } from './support/client.js';
import { applicantOrganization, person, program, project, revision } from './support/factories.js';
import { signToken } from '../src/shared/auth.js';

const app = useTestApp();
const root = new URL('..', import.meta.url);

/** A README code block marked `// README snippet: <name>`, written out as a module and imported, exactly as a reader would copy it. */
async function snippet<T>(name: string): Promise<T> {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const block = new RegExp('```js\\n// README snippet: ' + name + '\\n([\\s\\S]*?)```').exec(readme);
  if (!block) throw new Error(`README has no snippet "${name}"`);
  const dir = new URL('tests/.snippets/', root);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${name}-${process.pid}.mjs`, dir);
  writeFileSync(file, block[1]);
  return (await import(/* @vite-ignore */ file.href)) as T;
}

// Browsers have WebSocket built in; Node 20 does not.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const PAGE_QUERY = `query Projects($first: Int, $after: String) {
  projects(first: $first, after: $after) { edges { cursor node { id title } } pageInfo { endCursor hasNextPage } }
}`;

describe('the README’s client snippets, with the real libraries', () => {
  it('Apollo Client: pages with relayStylePagination across an insert between pages, without repeats, and subscribes over graphql-ws', async () => {
    const { parse } = await import('graphql');
    const { createApolloClient } = await snippet<{ createApolloClient(url: string, token: string): any }>('apollo');
    const staff = await person(app(), ['STAFF']);
    const { applicant } = await applicantOrganization(app());
    const call = await program(app());
    for (let i = 0; i < 5; i++) await project(applicant.client, call.id);
    const client = createApolloClient(app().url, staff.client.token!);
    try {
      const query = parse(PAGE_QUERY);
      const first = await client.query({ query, variables: { first: 2 } });
      expect(first.data.projects.edges).toHaveLength(2);
      // A new project arrives between the two page loads: it sorts first (newest first).
      await project(applicant.client, call.id);
      // The next page, as `fetchMore` asks for it: from the network, merged into the list by relayStylePagination.
      await client.query({ query, variables: { first: 2, after: first.data.projects.pageInfo.endCursor }, fetchPolicy: 'network-only' });
      const merged = client.readQuery({ query, variables: { first: 2 } });
      const ids = merged.projects.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);

      const created = await project(applicant.client, call.id);
      const heard = new Promise<{ type: string }>((resolve, reject) => {
        const subscription = client.subscribe({ query: parse(`subscription($ids: [ID!]) { projectEvents(projectIds: $ids) { type project { id } } }`), variables: { ids: [created.id] } }).subscribe({
          next: ({ data }: { data: { projectEvents: { type: string } } }) => {
            subscription.unsubscribe();
            resolve(data.projectEvents);
          },
          error: reject,
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await revision(applicant.client, created.id);
      expect(await heard).toMatchObject({ type: 'REVISION_SAVED' });
    } finally {
      client.stop();
    }
  });

  it('urql: queries by GET with the token, and they are answered', async () => {
    const { createUrqlClient } = await snippet<{ createUrqlClient(url: string, token: string): any }>('urql');
    const staff = await person(app(), ['STAFF']);
    const methods: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      methods.push(init?.method ?? 'GET');
      return realFetch(input, init);
    };
    try {
      const result = await createUrqlClient(app().url, staff.client.token!).query('{ viewer { name roles } }', {}).toPromise();
      expect(result.error).toBeUndefined();
      expect(result.data.viewer).toEqual({ name: staff.name, roles: ['STAFF'] });
      expect(methods).toEqual(['GET']);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('graphql-ws: follows a programme’s review status', async () => {
    const { followReviews } = await snippet<{ followReviews(url: string, token: string, programId: string, onEvent: (e: { type: string }) => void): () => void }>('graphql-ws');
    const mentor = await person(app(), ['MENTOR']);
    const staff = await person(app(), ['STAFF']);
    const { applicant } = await applicantOrganization(app());
    const call = await program(app());
    const created = await project(applicant.client, call.id);
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });
    const events: { type: string }[] = [];
    const stop = followReviews(app().url, mentor.client.token!, call.id, (event) => events.push(event));
    try {
      for (let i = 0; i < 20 && !events.length; i++) {
        await revision(applicant.client, created.id);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(events[0]).toMatchObject({ type: 'REVISION_SAVED', project: { id: created.id } });
    } finally {
      stop();
    }
  });
});

describe('browsers and first contact', () => {
  const corsApp = useTestApp({ CORS_ORIGINS: 'https://console.example.org,http://localhost' });

  it('answers preflights for the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(corsApp().url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const allowed = await preflight('https://console.example.org');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.org');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    for (const origin of ['https://evil.example.org', 'https://console.example.org.evil.example', 'http://localhost.evil.example']) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
    // A POSTed operation gets the same CORS answer whether Express or the direct path takes it (`/graphql/`, `/graphql`).
    for (const [origin, allowedOrigin] of [['https://console.example.org', 'https://console.example.org'], ['https://evil.example.org', null]] as const) {
      const answers = await Promise.all([corsApp().url, `${corsApp().url}/`].map(async (url) => {
        const answer = await fetch(url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { id } }' }) });
        return [answer.status, answer.headers.get('access-control-allow-origin'), answer.headers.get('vary')];
      }));
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[0].slice(0, 2)).toEqual([200, allowedOrigin]);
    }
    // Production without CORS_ORIGINS: no origin is allowed.
    const closed = await fetch(app().url, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes GET queries that carry Authorization or a preflight header, refuses bare ones and GET mutations', async () => {
    const staff = await person(app(), ['STAFF']);
    const get = (query: string, headers: Record<string, string> = {}) => fetch(`${app().url}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json', ...headers } });
    const json = (response: Response) => response.json() as Promise<{ data?: unknown; errors: { extensions: { code: string } }[] }>;
    const withToken = await get('{ viewer { name } }', { authorization: `Bearer ${staff.client.token}` });
    expect((await json(withToken)).data).toEqual({ viewer: { name: staff.name } });
    const preflighted = await get('{ viewer { name } }', { 'apollo-require-preflight': 'true' });
    expect((await json(preflighted)).data).toEqual({ viewer: null });
    const bare = await get('{ viewer { name } }');
    expect(bare.status).toBe(400);
    expect((await json(bare)).errors[0].extensions.code).toBe('BAD_REQUEST');
    const mutation = await get('mutation { logout { endedSessions } }', { authorization: `Bearer ${staff.client.token}` });
    expect(mutation.status).toBe(405);
  });

  it('tells a client its token is invalid or expired, rather than asking it to sign in', async () => {
    const staff = await person(app(), ['STAFF']);
    const { PeopleDocument } = await import('./generated/graphql.js');
    const anonymous = await app().anonymous.request(PeopleDocument, {});
    expect(anonymous.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/^Sign in first/) });
    const foreign = signToken('another-secret-another-secret-another-secret', 'f'.repeat(8) + '-ffff-4fff-8fff-' + 'f'.repeat(12), 'f'.repeat(8) + '-ffff-4fff-8fff-' + 'f'.repeat(12), 60).token;
    const expired = await app().sessionToken(JSON.parse(Buffer.from(staff.client.token!.split('.')[0], 'base64url').toString()).sub, 60, Date.now() - 120_000);
    for (const token of [foreign, expired, 'not-a-token']) {
      const result = await new Client(app().url, token).request(PeopleDocument, {});
      expect(result.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'Token invalid or expired: sign in again with the login mutation.' });
    }
  });
});

