/**
 * `npm run bench:subscriptions [-- --subscribers 1000 --projects 10 --cycles 20]`
 *
 * Two server instances on one PostgreSQL database; N mentors subscribed to `reviewStatusChanged`
 * for a programme, split across both; a stream of lifecycle mutations sent to instance A. Prints
 * events delivered against expected (they must be equal: exit code 1 otherwise), delivery latency
 * and the servers' memory per connection.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signToken } from '../../src/shared/auth.js';
import { creditCodeCheckCharacter } from '../../src/modules/organizations/credit-code.js';
import { fromGlobalId } from '../../src/shared/node-id.js';
import { runServerProcess, type ServerProcess } from '../support/process.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    projects: { type: 'string', default: '10' },
    cycles: { type: 'string', default: '20' },
    'database-server': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const PROJECTS = Number(values.projects);
const CYCLES = Number(values.cycles);
const SECRET = 'bench-secret-bench-secret-bench-secret-0001';
const PASSWORD = 'bench-password-01';

const serverUrl = new URL(values['database-server']!);
const dbName = `incubator_bench_${process.pid}`;
const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();

async function admin(sql: string, params: unknown[] = [], url = serverUrl.toString()) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function gql<T = any>(url: string, token: string | null, query: string, variables: object = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const payload = Object.values(body.data)[0] as { userErrors?: unknown[] };
  if (payload?.userErrors?.length) throw new Error(JSON.stringify(payload.userErrors));
  return body.data;
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  await admin(`create database "${dbName}"`);
  const env = { DATABASE_URL: dbUrl, TOKEN_SECRET: SECRET, BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.cn', BOOTSTRAP_ADMIN_PASSWORD: PASSWORD, DB_POOL_SIZE: '10' };
  let servers: ServerProcess[] = [];
  const sockets: WsClient[] = [];
  try {
    servers = [await runServerProcess(env), await runServerProcess(env)];
    const [a, b] = servers;
    const adminToken = (await gql(a.url, null, `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: 'admin@bench.cn', password: PASSWORD } })).login.token;

    // The programme, an applicant organisation and its projects, through the API.
    const now = Date.now();
    const program = (await gql(a.url, adminToken, `mutation($i: CreateProgramInput!) { createProgram(input: $i) { program { id } userErrors { message } } }`, {
      i: {
        name: '基准测试公益创投', funder: '区民政局', year: 2026, focusAreas: ['社区治理'], budgetPool: 1e7, maxGrant: 1e5,
        applicationsOpenAt: new Date(now - 86_400_000).toISOString(), applicationsCloseAt: new Date(now + 30 * 86_400_000).toISOString(),
        proposalRubric: [{ key: 'all', title: '综合', weight: 100, maxScore: 100 }], closingRubric: [{ key: 'all', title: '综合', weight: 100, maxScore: 100 }],
        minEvaluators: 1,
      },
    })).createProgram.program.id;
    const creditPrefix = '52440305000000001';
    const organization = (await gql(a.url, adminToken, `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } userErrors { message } } }`, {
      i: { name: '基准测试社工服务中心', kind: 'SOCIAL_WORK_AGENCY', creditCode: creditPrefix + creditCodeCheckCharacter(creditPrefix), district: '南山区', contactName: '测试', contactPhone: '0755-1234567' },
    })).createOrganization.organization.id;
    await gql(a.url, adminToken, `mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } userErrors { message } } }`, {
      i: { email: 'applicant@bench.cn', name: '申报人', password: PASSWORD, roles: ['APPLICANT'], organizationId: organization },
    });
    const applicantToken = (await gql(a.url, null, `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: 'applicant@bench.cn', password: PASSWORD } })).login.token;
    const projectIds: string[] = [];
    for (let i = 0; i < PROJECTS; i++) {
      const created = await gql(a.url, applicantToken, `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } userErrors { message } } }`, {
        i: { programId: program, title: `基准项目 ${i}`, focusArea: '社区治理', communityServed: '南山区' },
      });
      projectIds.push(created.createProject.project.id);
    }

    // N mentors of every project, written in bulk: signing N people in would only measure scrypt.
    const passwordHash = (await admin('select password_hash from person where email = $1', ['admin@bench.cn'], dbUrl))[0].password_hash;
    const mentorRows = await admin(
      `insert into person (id, email, name, password_hash, roles) select gen_random_uuid(), 'mentor' || g || '@bench.cn', '导师' || g, $1, array['MENTOR'] from generate_series(1, $2) g returning id`,
      [passwordHash, SUBSCRIBERS], dbUrl,
    );
    const sessionRows: { id: string; person_id: string }[] = await admin(
      `insert into auth_session (id, person_id, expires_at) select gen_random_uuid(), id, now() + interval '2 hours' from unnest($1::uuid[]) id returning id, person_id`,
      [mentorRows.map((r: { id: string }) => r.id)], dbUrl,
    );
    const sessionOf = new Map(sessionRows.map((r) => [r.person_id, r.id]));
    const projectUuids = projectIds.map((id) => fromGlobalId(id)!.id);
    await admin(`insert into project_mentor (project_id, mentor_id) select p, m from unnest($1::uuid[]) p, unnest($2::uuid[]) m`, [projectUuids, mentorRows.map((r) => r.id)], dbUrl);

    const memoryBefore = servers.map((s) => rssKb(s.child.pid!));
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    let delivered = 0;
    let ready = 0;
    await Promise.all(
      mentorRows.map(
        (row, i) =>
          new Promise<void>((resolve, reject) => {
            const url = (i % 2 === 0 ? a : b).url.replace(/^http/, 'ws');
            const token = signToken(SECRET, row.id, sessionOf.get(row.id)!, 3600).token;
            const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, onNonLazyError: reject });
            sockets.push(client);
            client.subscribe(
              { query: `subscription($p: ID) { reviewStatusChanged(programId: $p) { cursor type details { ... on RevisionSavedDetails { number } } project { id status } } }`, variables: { p: program } },
              {
                next: ({ data }) => {
                  const event = (data as any).reviewStatusChanged;
                  delivered++;
                  if (event.type === 'REVISION_SAVED') latencies.push(performance.now() - sentAt.get(`${event.project.id}:${event.details.number}`)!);
                },
                error: reject,
                complete: () => {},
              },
            );
            client.on('connected', () => {
              ready++;
              resolve();
            });
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 1000));
    const memoryConnected = servers.map((s) => rssKb(s.child.pid!));

    // The stream: each cycle saves a revision (REVISION_SAVED, and back to DRAFT once submitted) and submits it.
    const revisionInput = (projectId: string, n: number) => ({
      projectId, summary: `第${n}稿`, needs: '需求', objectives: ['目标'], activityPlan: [], beneficiaries: '居民', indicatorTargets: [],
      budgetLines: [{ item: '活动', amount: 1000 }], requestedAmount: 1000, team: [],
    });
    let expectedPerSubscriber = 0;
    const started = performance.now();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      for (const projectId of projectIds) {
        sentAt.set(`${projectId}:${cycle + 1}`, performance.now());
        await gql(a.url, applicantToken, `mutation($i: SaveRevisionInput!) { saveRevision(input: $i) { revision { id } userErrors { message } } }`, { i: revisionInput(projectId, cycle + 1) });
        expectedPerSubscriber += cycle === 0 ? 1 : 2;
        await gql(a.url, applicantToken, `mutation($i: SubmitProjectInput!) { submitProject(input: $i) { project { id } userErrors { message } } }`, { i: { projectId } });
        expectedPerSubscriber += 1;
      }
    }
    const expected = expectedPerSubscriber * SUBSCRIBERS;
    const deadline = Date.now() + 60_000;
    while (delivered < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((x, y) => x - y);
    const memoryPerConnection = servers.map((s, i) => ((memoryConnected[i] - memoryBefore[i]) * 1024) / (SUBSCRIBERS / 2));

    console.log('\nSubscription benchmark');
    console.log(`  instances                 2 (PostgreSQL LISTEN/NOTIFY between them)`);
    console.log(`  subscribers               ${SUBSCRIBERS} mentors (${ready} connected), reviewStatusChanged(programId)`);
    console.log(`  mutations                 ${PROJECTS * CYCLES * 2} on instance A, ${expectedPerSubscriber} events per subscriber, in ${elapsed.toFixed(1)} s`);
    console.log(`  events delivered/expected ${delivered} / ${expected}${delivered === expected ? '' : '   <-- MISMATCH'}`);
    console.log(`  latency, mutation sent → event received, with the project resolved per subscriber (REVISION_SAVED, ${latencies.length} samples):`);
    console.log(`      p50 ${percentile(latencies, 50).toFixed(1)} ms   p95 ${percentile(latencies, 95).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    console.log(`  server memory per connection: ${memoryPerConnection.map((m) => `${(m / 1024).toFixed(1)} KiB`).join(', ')} (RSS growth / connections, instances A, B)`);
    console.log(`  server RSS before / with connections: ${memoryBefore.map((m, i) => `${(m / 1024).toFixed(0)} → ${(memoryConnected[i] / 1024).toFixed(0)} MiB`).join(', ')}`);
    process.exitCode = delivered === expected ? 0 : 1;
  } finally {
    await Promise.all(sockets.map((s) => s.dispose()));
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await admin(`drop database if exists "${dbName}" with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
