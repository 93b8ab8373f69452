/**
 * `npm run bench:subscriptions [-- --subscribers 2000 --projects 10 --cycles 20 --client-workers 2 --ceiling 10 --profile DIR]`
 *
 * Two server instances on one PostgreSQL database; N mentors subscribed to `reviewStatusChanged` for a
 * programme, with the event's project selected, split across both instances; a stream of lifecycle
 * mutations sent to instance A, one after another. The subscribers speak graphql-transport-ws over
 * plain ws sockets (the load generator shares the cores), in `--client-workers` processes (default
 * one per 2,500 subscribers), so that parsing their messages is not the bottleneck of one thread.
 *
 * Then the write ceiling: for `--ceiling` seconds (0: skip), one writer per project saves revisions as
 * fast as it is answered, through instance A, then through both; it prints mutations and events per
 * second, how many PostgreSQL backends were waiting on the event-order advisory lock (sampled every
 * 10 ms from pg_stat_activity), each instance's CPU, and commit → receipt meanwhile.
 *
 * With `--profile DIR`, each instance writes a V8 CPU profile there when it stops.
 *
 * Prints events delivered against expected (they must be equal, each subscriber's in order: exit code
 * 1 otherwise); latency from each event's commit to its receipt, and from the mutation sent to its
 * event received; each instance's CPU while the stream ran, and its memory per connection.
 *
 * The commit time of an event is when PostgreSQL's NOTIFY for it (sent by the `lifecycle_events`
 * trigger, delivered only at commit) reaches this process's own LISTEN connection: the database's
 * commit, seen on the same machine's clock as the clients' receipts (both `performance.timeOrigin +
 * performance.now()`).
 */
import { parseArgs } from 'node:util';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';

const now = () => performance.timeOrigin + performance.now();
const QUERY = `subscription($p: ID) { reviewStatusChanged(programId: $p) { cursor type details { ... on RevisionSavedDetails { number } } project { id status } } }`;
const CONNECT_WAVE = 200;
const positionOf = (cursor: string) => Number(/^event:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))![1]);

interface ClientJob {
  subscribers: { url: string; token: string }[];
  program: string;
}
/** What a worker reports: per subscriber, the positions received in order, and when each arrived. */
interface Receipts {
  positions: number[][];
  times: number[][];
  revisions: { key: string; at: number }[];
  outOfOrder: number;
}

/** A client worker: connects its subscribers, reports when all are connected, then on request what they received. */
async function clientWorker({ subscribers, program }: ClientJob) {
  const receipts: Receipts = { positions: subscribers.map(() => []), times: subscribers.map(() => []), revisions: [], outOfOrder: 0 };
  const sockets: WebSocket[] = [];
  // The graphql-transport-ws protocol spoken directly over ws, as graphql-ws's client speaks it, without
  // its per-message checks: the load generator shares the machine's cores with the servers.
  const connect = ({ url, token }: ClientJob['subscribers'][number], i: number) =>
    new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      sockets.push(socket);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      socket.on('error', reject);
      socket.on('close', (code, reason) => reject(new Error(`closed with ${code} ${reason}`)));
      socket.on('message', (data) => {
        const at = now();
        const message = JSON.parse(String(data));
        if (message.type === 'next') {
          const event = message.payload.data.reviewStatusChanged;
          const position = positionOf(event.cursor);
          const positions = receipts.positions[i];
          if (positions.length && positions[positions.length - 1] >= position) receipts.outOfOrder++;
          positions.push(position);
          receipts.times[i].push(at);
          if (event.type === 'REVISION_SAVED') receipts.revisions.push({ key: `${event.project.id}:${event.details.number}`, at });
        } else if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: QUERY, variables: { p: program } } }));
          resolve();
        } else if (message.type === 'error') {
          reject(new Error(JSON.stringify(message.payload)));
        }
      });
    });
  // In waves: thousands of connections opened at once overflow the servers' accept queues.
  for (let i = 0; i < subscribers.length; i += CONNECT_WAVE) {
    await Promise.all(subscribers.slice(i, i + CONNECT_WAVE).map((subscriber, k) => connect(subscriber, i + k)));
  }
  process.send!({ connected: subscribers.length });
  const counting = setInterval(() => process.send!({ count: receipts.positions.reduce((n, p) => n + p.length, 0) }), 50);
  process.once('message', () => {
    clearInterval(counting);
    // Exit only once the report has gone: process.exit would drop a message still queued.
    process.send!({ receipts }, () => {
      for (const socket of sockets) socket.removeAllListeners('close').close(1000);
      process.exit(0);
    });
  });
}

if (process.argv.includes('--client')) {
  process.once('message', (job: ClientJob) => clientWorker(job).catch((error) => process.send!({ error: String(error?.message ?? error) })));
} else {
  await main();
}

async function main() {
  const { signToken } = await import('../../src/shared/auth.js');
  const { creditCodeCheckCharacter } = await import('../../src/modules/organizations/credit-code.js');
  const { fromGlobalId } = await import('../../src/shared/node-id.js');
  const { runServerProcess } = await import('../support/process.js');
  const { cpuMs, percentile, rssKb } = await import('./measure.js');
  type ServerProcess = Awaited<ReturnType<typeof runServerProcess>>;

  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '2000' },
      projects: { type: 'string', default: '10' },
      cycles: { type: 'string', default: '20' },
      'client-workers': { type: 'string' },
      profile: { type: 'string' },
      ceiling: { type: 'string', default: '10' },
      'database-server': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    },
  });
  const SUBSCRIBERS = Number(values.subscribers);
  const PROJECTS = Number(values.projects);
  const CYCLES = Number(values.cycles);
  const CEILING = Number(values.ceiling);
  const WORKERS = Number(values['client-workers'] ?? Math.max(1, Math.ceil(SUBSCRIBERS / 2500)));
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

  const spread = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return `p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`;
  };

  await admin(`create database "${dbName}"`);
  const env = { DATABASE_URL: dbUrl, TOKEN_SECRET: SECRET, BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.cn', BOOTSTRAP_ADMIN_PASSWORD: PASSWORD, DB_POOL_SIZE: '10', NODE_ENV: 'production' };
  let servers: ServerProcess[] = [];
  const workers: ChildProcess[] = [];
  const commits = new Map<number, number>();
  const listener = new pg.Client({ connectionString: dbUrl });
  try {
    const step = (what: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${what}`);
    step('starting two server instances');
    const nodeArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
    servers = [await runServerProcess(env, nodeArgs), await runServerProcess(env, nodeArgs)];
    const [a, b] = servers;
    const adminToken = (await gql(a.url, null, `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: 'admin@bench.cn', password: PASSWORD } })).login.token;

    // The district, its street and community, a park, the programme, an organisation and its projects, through the API.
    const place = async (parentId: string | null, level: string, name: string) =>
      (await gql(a.url, adminToken, `mutation($i: CreatePlaceInput!) { createPlace(input: $i) { place { id } userErrors { message } } }`, { i: { parentId, level, name } })).createPlace.place.id as string;
    const district = await place(null, 'DISTRICT', '南山区');
    const street = await place(district, 'STREET', '南头街道');
    const community = await place(street, 'COMMUNITY', '田厦社区');
    const park = (await gql(a.url, adminToken, `mutation($i: CreateParkInput!) { createPark(input: $i) { park { id } userErrors { message } } }`, {
      i: { name: '南头街道社会创新园', placeId: street, streetIds: [street] },
    })).createPark.park.id;
    const start = Date.now();
    const program = (await gql(a.url, adminToken, `mutation($i: CreateProgramInput!) { createProgram(input: $i) { program { id } userErrors { message } } }`, {
      i: {
        name: '基准测试公益创投', funder: '区民政局', year: 2026, focusAreas: ['社区治理'], budgetPool: 1e7, maxGrant: 1e5, districtId: district,
        applicationsOpenAt: new Date(start - 86_400_000).toISOString(), applicationsCloseAt: new Date(start + 30 * 86_400_000).toISOString(),
        proposalRubric: [{ key: 'all', title: '综合', weight: 100, maxScore: 100 }], closingRubric: [{ key: 'all', title: '综合', weight: 100, maxScore: 100 }],
        minEvaluators: 1,
      },
    })).createProgram.program.id;
    const creditPrefix = '52440305000000001';
    const organization = (await gql(a.url, adminToken, `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } userErrors { message } } }`, {
      i: { name: '基准测试社工服务中心', kind: 'SOCIAL_WORK_AGENCY', creditCode: creditPrefix + creditCodeCheckCharacter(creditPrefix), placeId: community, parkId: park, contactName: '测试', contactPhone: '0755-1234567' },
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

    step(`writing ${SUBSCRIBERS} mentors`);
    // N mentors of every project, written in bulk: signing N people in would only measure scrypt.
    const passwordHash = (await admin('select password_hash from person where email = $1', ['admin@bench.cn'], dbUrl))[0].password_hash;
    const mentorRows: { id: string }[] = await admin(
      `insert into person (id, email, name, password_hash, roles) select gen_random_uuid(), 'mentor' || g || '@bench.cn', '导师' || g, $1, array['MENTOR'] from generate_series(1, $2) g returning id`,
      [passwordHash, SUBSCRIBERS], dbUrl,
    );
    const sessionRows: { id: string; person_id: string }[] = await admin(
      `insert into auth_session (id, person_id, expires_at) select gen_random_uuid(), id, now() + interval '2 hours' from unnest($1::uuid[]) id returning id, person_id`,
      [mentorRows.map((r) => r.id)], dbUrl,
    );
    const sessionOf = new Map(sessionRows.map((r) => [r.person_id, r.id]));
    const projectUuids = projectIds.map((id) => fromGlobalId(id)!.id);
    await admin(`insert into project_mentor (project_id, mentor_id) select p, m from unnest($1::uuid[]) p, unnest($2::uuid[]) m`, [projectUuids, mentorRows.map((r) => r.id)], dbUrl);

    // The commit clock.
    await listener.connect();
    listener.on('notification', (message) => {
      const at = now();
      const upTo = Number(message.payload);
      for (let position = upTo; position > 0 && !commits.has(position); position--) commits.set(position, at);
    });
    await listener.query('listen lifecycle_events');
    const [{ last }] = await admin('select coalesce(max(position), 0)::int as last from lifecycle_event', [], dbUrl);
    for (let position = 1; position <= last; position++) commits.set(position, 0);

    const memoryBefore = servers.map((s) => rssKb(s.child.pid!));
    const subscribers = mentorRows.map((row, i) => ({
      url: (i % 2 === 0 ? a : b).url.replace(/^http/, 'ws'),
      token: signToken(SECRET, row.id, sessionOf.get(row.id)!, 3600).token,
    }));
    const results: Promise<Receipts>[] = [];
    const counts: number[] = Array.from({ length: WORKERS }, () => 0);
    const connectedAt = performance.now();
    step(`connecting ${SUBSCRIBERS} subscribers from ${WORKERS} client process(es)`);
    await Promise.all(
      Array.from({ length: WORKERS }, (_, w) => {
        const share = subscribers.filter((_, i) => i % WORKERS === w);
        const worker = fork(fileURLToPath(import.meta.url), ['--client'], { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
        worker.send({ subscribers: share, program } satisfies ClientJob);
        workers.push(worker);
        let report: (receipts: Receipts) => void;
        results.push(new Promise((resolve) => (report = resolve)));
        return new Promise<void>((resolve, reject) => {
          worker.on('message', (message: any) => {
            if (message.error) reject(new Error(message.error));
            if (message.connected) resolve();
            if (message.receipts) report(message.receipts);
            if (message.count !== undefined) counts[w] = message.count;
          });
          worker.on('error', reject);
        });
      }),
    );
    const connectSeconds = (performance.now() - connectedAt) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    const memoryConnected = servers.map((s) => rssKb(s.child.pid!));

    // The stream: each cycle saves a revision (REVISION_SAVED, and back to DRAFT once submitted) and submits it.
    const revisionInput = (projectId: string, n: number) => ({
      projectId, summary: `第${n}稿`, needs: '需求', objectives: ['目标'], activityPlan: [], beneficiaries: '居民', indicatorTargets: [],
      budgetLines: [{ item: '活动', amount: 1000 }], requestedAmount: 1000, team: [],
    });
    step(`streaming ${PROJECTS * CYCLES * 2} mutations`);
    const sentAt = new Map<string, number>();
    let expectedPerSubscriber = 0;
    const cpuBefore = servers.map((s) => cpuMs(s.child.pid!));
    const started = performance.now();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      for (const projectId of projectIds) {
        sentAt.set(`${projectId}:${cycle + 1}`, now());
        await gql(a.url, applicantToken, `mutation($i: SaveRevisionInput!) { saveRevision(input: $i) { revision { id } userErrors { message } } }`, { i: revisionInput(projectId, cycle + 1) });
        expectedPerSubscriber += cycle === 0 ? 1 : 2;
        await gql(a.url, applicantToken, `mutation($i: SubmitProjectInput!) { submitProject(input: $i) { project { id } userErrors { message } } }`, { i: { projectId } });
        expectedPerSubscriber += 1;
      }
    }
    const sent = (performance.now() - started) / 1000;
    const streamLast = Math.max(...commits.keys());
    const total = () => counts.reduce((x, y) => x + y, 0);
    const settle = async (expected: number) => {
      const until = Date.now() + 60_000;
      while (total() < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    };
    step('waiting for the last deliveries');
    await settle(expectedPerSubscriber * SUBSCRIBERS);
    step(`delivered ${total()} of ${expectedPerSubscriber * SUBSCRIBERS}`);
    const cpuAfter = servers.map((s) => cpuMs(s.child.pid!));
    const elapsed = (performance.now() - started) / 1000;

    // The write ceiling: one writer per project saving revisions as fast as it is answered, through
    // instance A only, then through both, while every subscriber stays connected.
    const ceilings: { label: string; mutations: number; events: number; seconds: number; waiting: number; blocked: number; cpu: number[]; from: number; to: number }[] = [];
    for (const [label, through] of [['instance A', [a]], ['instances A and B', [a, b]]] as const) {
      if (!CEILING) break;
      step(`write ceiling through ${label} for ${CEILING} s`);
      const from = Math.max(...commits.keys());
      const cpu0 = servers.map((s) => cpuMs(s.child.pid!));
      const sampler = new pg.Client({ connectionString: dbUrl });
      await sampler.connect();
      let samples = 0;
      let waiting = 0;
      let blocked = 0;
      let sampling = true;
      const sampled = (async () => {
        while (sampling) {
          const { rows } = await sampler.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`);
          samples++;
          waiting += rows[0].n;
          if (rows[0].n) blocked++;
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      const end = performance.now() + CEILING * 1000;
      let mutations = 0;
      const t0 = performance.now();
      await Promise.all(
        projectIds.map(async (projectId, i) => {
          const server = through[i % through.length];
          for (let n = 1; performance.now() < end; n++) {
            await gql(server.url, applicantToken, `mutation($i: SaveRevisionInput!) { saveRevision(input: $i) { revision { id } userErrors { message } } }`, { i: revisionInput(projectId, 1000 + n) });
            mutations++;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      sampling = false;
      await sampled;
      await sampler.end();
      const to = Math.max(...commits.keys());
      await settle((to - last) * SUBSCRIBERS);
      const cpu1 = servers.map((s) => cpuMs(s.child.pid!));
      ceilings.push({ label, mutations, events: to - from, seconds, waiting: waiting / samples, blocked: blocked / samples, cpu: cpu1.map((c, k) => (c - cpu0[k]) / 1000), from, to });
    }

    const lastPosition = Math.max(...commits.keys());
    const expected = (lastPosition - last) * SUBSCRIBERS;
    await settle(expected);
    workers.forEach((w) => w.send('report'));
    const receipts = await Promise.all(results);

    let delivered = 0;
    let outOfOrder = 0;
    const commitToReceipt: number[] = [];
    const duringCeiling = ceilings.map(() => [] as number[]);
    for (const report of receipts) {
      outOfOrder += report.outOfOrder;
      report.positions.forEach((positions, i) => {
        delivered += positions.length;
        positions.forEach((position, k) => {
          const committed = commits.get(position);
          if (!committed) return;
          const latency = report.times[i][k] - committed;
          if (position <= streamLast) commitToReceipt.push(latency);
          else duringCeiling[ceilings.findIndex((c) => position > c.from && position <= c.to)]?.push(latency);
        });
      });
    }
    const sentToReceipt = receipts.flatMap((r) => r.revisions.filter(({ key }) => sentAt.has(key)).map(({ key, at }) => at - sentAt.get(key)!));
    const memoryPerConnection = servers.map((s, i) => ((memoryConnected[i] - memoryBefore[i]) * 1024) / (SUBSCRIBERS / 2));
    const events = streamLast - last;

    console.log('\nSubscription benchmark');
    console.log(`  instances                 2 (PostgreSQL LISTEN/NOTIFY between them); clients in ${WORKERS} client process(es)`);
    console.log(`  subscribers               ${SUBSCRIBERS} mentors, reviewStatusChanged(programId) with the project selected; connected in ${connectSeconds.toFixed(1)} s`);
    console.log(`  stream                    ${PROJECTS * CYCLES * 2} mutations on instance A, one at a time, sent in ${sent.toFixed(1)} s; ${events} events, each to every subscriber`);
    console.log(`  events delivered/expected ${delivered} / ${expected} in all${delivered === expected ? '' : '   <-- MISMATCH'}; out of order: ${outOfOrder}`);
    console.log(`  latency, commit → event received (the stream, ${commitToReceipt.length} receipts):`);
    console.log(`      ${spread(commitToReceipt)}`);
    console.log(`  latency, mutation sent → event received (REVISION_SAVED of the stream, ${sentToReceipt.length} receipts):`);
    console.log(`      ${spread(sentToReceipt)}`);
    console.log(`  server CPU during the stream (${elapsed.toFixed(1)} s): ${servers.map((s, i) => `${['A', 'B'][i]} ${((cpuAfter[i] - cpuBefore[i]) / 1000).toFixed(1)} s (${((cpuAfter[i] - cpuBefore[i]) / events).toFixed(1)} ms per event)`).join(', ')}`);
    console.log(`  server memory per connection: ${memoryPerConnection.map((m) => `${(m / 1024).toFixed(1)} KiB`).join(', ')} (RSS growth / connections, instances A, B)`);
    console.log(`  server RSS before / with connections: ${memoryBefore.map((m, i) => `${(m / 1024).toFixed(0)} → ${(memoryConnected[i] / 1024).toFixed(0)} MiB`).join(', ')}`);
    for (const [k, c] of ceilings.entries()) {
      console.log(`  write ceiling through ${c.label}, ${PROJECTS} writers (saveRevision, one project each):`);
      console.log(`      ${(c.mutations / c.seconds).toFixed(1)} mutations/s, ${(c.events / c.seconds).toFixed(1)} events/s; backends waiting on the event-order lock: ${c.waiting.toFixed(2)} on average, at least one in ${(100 * c.blocked).toFixed(0)}% of samples`);
      console.log(`      server CPU ${c.cpu.map((cpu, i) => `${['A', 'B'][i]} ${((100 * cpu) / c.seconds).toFixed(0)}%`).join(', ')} of a core; commit → received ${duringCeiling[k].length ? spread(duringCeiling[k]) : 'n/a'}`);
    }
    process.exitCode = delivered === expected && outOfOrder === 0 ? 0 : 1;
  } finally {
    await listener.end().catch(() => {});
    for (const worker of workers) worker.kill();
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await admin(`drop database if exists "${dbName}" with (force)`);
  }
}
