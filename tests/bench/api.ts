/**
 * `npm run bench:api [-- --reuse --duration 10 --connections 20,50 --screens board,leaderboard --projects 20000 --plans bench-api-plans.txt --instructions]`
 *
 * The read path on the large dataset (seeds/large/generate.ts): builds `incubator_large` (or, with
 * `--projects N`, `incubator_large_N`; or reuses it with `--reuse`), then, per named screen, as the
 * role that opens it:
 * 1. on a server with LOG_QUERIES=params, checks the answer has no errors and counts the SQL statements
 *    of `--sample` sequential requests (the `[sql]` lines the server prints), after one warm-up; runs
 *    `EXPLAIN (ANALYZE, BUFFERS)` on each statement of one request, prints a line per statement (time,
 *    buffers, sorts and sequential scans) and writes the plans to `--plans`;
 * 2. on a fresh server without query logging, runs autocannon for `--duration` seconds at each
 *    `--connections`, and reads the server process's CPU (utime + stime in /proc/<pid>/stat), the
 *    CPU of the PostgreSQL backends connected to the database (the same, for each backend pid in
 *    pg_stat_activity) and the server's resident memory (VmRSS in /proc/<pid>/status) around it,
 *    and its garbage collections (printed by V8 under --trace-gc-nvp: young-generation pauses, what
 *    they promoted to the old generation, full collections).
 * The load generator runs in this process, on the same machine: it takes CPU from both.
 * 3. with `--instructions` (or `--instructions-only`, without step 2), on a server under valgrind, counts
 *    the instructions the server runs per request (see instructionsPhase): the measure to compare two
 *    versions by, where CPU time drifts with the machine's other load.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { print, type DocumentNode } from 'graphql';
import pg from 'pg';
import { toGlobalId } from '../../src/shared/node-id.js';
import { LARGE_LOGINS, LARGE_PASSWORD } from '../../seeds/large/generate.js';
import {
  AttentionAssignmentsDueDocument,
  AttentionCountsDocument,
  AttentionMissingReportsDocument,
  AttentionOpenActionItemsDocument,
  AttentionOverdueAssignmentsDocument,
  AttentionOverdueFollowUpsDocument,
  AttentionReportsAwaitingAcceptanceDocument,
  AttentionReportsDueDocument,
  AttentionReturnedReportsDocument,
  AttentionUndecidedReviewsDocument,
  AttentionWaitingForEvaluatorsDocument,
  AttentionWarningVisitsDocument,
  LoginDocument,
  MentorDashboardDocument,
  NodeDocument,
  ProjectBoardDocument,
  ProjectDetailPageDocument,
  RoundRankingDocument,
} from '../generated/graphql.js';
import { runServerProcess, type ServerProcess } from '../support/process.js';
import { LARGE_DATABASE_OPTIONS, largeDatabase } from './large-database.js';
import { benchSubjects } from './subjects.js';
import { callgrindWrapper, collections, countInstructions, cpuMs, hasValgrind, rssKb, sendRequests, TRACE_GC_FLAGS } from './measure.js';

const { values } = parseArgs({
  options: {
    ...LARGE_DATABASE_OPTIONS,
    plans: { type: 'string', default: 'bench-api-plans.txt' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20,50' },
    sample: { type: 'string', default: '5' },
    screens: { type: 'string' },
    'node-args': { type: 'string', default: '' },
    instructions: { type: 'boolean', default: false },
    'instructions-only': { type: 'boolean', default: false },
    warmup: { type: 'string', default: '300' },
    counted: { type: 'string', default: '150' },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = values.connections.split(',').map(Number);
const SAMPLE = Number(values.sample);
const TOKEN_SECRET = 'bench-api-secret-bench-api-secret-0001';

type Login = keyof typeof LARGE_LOGINS;
interface Screen { name: string; as: Login; query: string; variables: Record<string, unknown> }

const { database, url, projects } = await largeDatabase(values);

const db = new pg.Client({ connectionString: url });
await db.connect();
const { round, detail, applicant } = await benchSubjects(db);
const emails: Record<Login, string> = { ...LARGE_LOGINS, applicant };

const allScreens: Screen[] = [
  { name: 'project board (50)', as: 'staff', query: print(ProjectBoardDocument), variables: { first: 50 } },
  { name: 'mentor dashboard (50)', as: 'mentor', query: print(MentorDashboardDocument), variables: { first: 50 } },
  { name: `round leaderboard (${round.projects})`, as: 'district', query: print(RoundRankingDocument), variables: { id: toGlobalId('ReviewRound', round.id) } },
  { name: `project detail + timeline (${detail.events} events)`, as: 'staff', query: print(ProjectDetailPageDocument), variables: { id: toGlobalId('Project', detail.id) } },
  { name: 'node(id:) project', as: 'staff', query: print(NodeDocument), variables: { id: toGlobalId('Project', detail.id) } },
  ...([
    ['counts', AttentionCountsDocument, 'staff'],
    ['waitingForEvaluators', AttentionWaitingForEvaluatorsDocument, 'staff'],
    ['undecidedReviews', AttentionUndecidedReviewsDocument, 'staff'],
    ['overdueAssignments', AttentionOverdueAssignmentsDocument, 'staff'],
    ['reportsAwaitingAcceptance', AttentionReportsAwaitingAcceptanceDocument, 'staff'],
    ['missingReports', AttentionMissingReportsDocument, 'staff'],
    ['overdueFollowUps', AttentionOverdueFollowUpsDocument, 'staff'],
    ['warningVisits', AttentionWarningVisitsDocument, 'staff'],
    ['returnedReports', AttentionReturnedReportsDocument, 'applicant'],
    ['openActionItems', AttentionOpenActionItemsDocument, 'mentor'],
    ['assignmentsDue', AttentionAssignmentsDueDocument, 'evaluator'],
    ['reportsDue', AttentionReportsDueDocument, 'applicant'],
  ] as [string, DocumentNode, Login][]).map(([view, document, as]): Screen => ({ name: `attention ${view}`, as, query: print(document), variables: view === 'counts' ? {} : { first: 20 } })),
];
const screens = allScreens.filter((screen) => !values.screens || values.screens.split(',').some((part) => screen.name.includes(part.trim())));

const rssMb = (pid: number) => rssKb(pid) / 1024;

/** CPU used so far by each PostgreSQL backend serving the benchmark database (this client's own excepted). */
async function backendsCpu(): Promise<Map<number, number>> {
  const { rows } = await db.query(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  return new Map(rows.map((row: { pid: number }) => [row.pid, cpuMs(row.pid)]));
}
/** Backends that appeared meanwhile count whole; one that ended meanwhile is lost (reported). */
function backendsDelta(before: Map<number, number>, after: Map<number, number>) {
  let ms = 0;
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
  return { ms, lost: [...before.keys()].filter((pid) => !after.has(pid)).length };
}

async function post(server: ServerProcess, body: unknown, token?: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

async function logins(server: ServerProcess): Promise<Record<Login, string>> {
  const tokens = {} as Record<Login, string>;
  // Only the roles the chosen screens sign in as.
  for (const [role, email] of (Object.entries(emails) as [Login, string][]).filter(([role]) => screens.some((screen) => screen.as === role))) {
    const result = await post(server, { query: print(LoginDocument), variables: { input: { email, password: LARGE_PASSWORD } } });
    const token = (result.data?.login as { token: string | null } | undefined)?.token;
    if (!token) throw new Error(`could not sign in as ${email}: ${JSON.stringify(result)}`);
    tokens[role] = token;
  }
  return tokens;
}

const env = { DATABASE_URL: url, TOKEN_SECRET, SEED_DEMO: 'false', NODE_ENV: 'production' };
const stop = async (server: ServerProcess) => {
  server.child.kill('SIGTERM');
  await server.exited;
};

/** What a screen shows, in a few words: the sizes of its lists. */
function summary(data: unknown): string {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return void found.push(`${path} ${value.length}`);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.totalCount === 'number') found.push(`${path} ${record.totalCount} in all`);
    if (typeof record.total === 'number') found.push(`${path} total ${record.total}`);
    for (const [key, child] of Object.entries(record)) if (key !== 'totalCount' && key !== 'pageInfo' && key !== 'edges') walk(child, key);
  };
  walk(data, 'data');
  return found.slice(0, 3).join(', ');
}

console.log(`\n== Statements per request (LOG_QUERIES=params, ${SAMPLE} sequential requests after a warm-up), and each statement's plan`);
console.log('   plan: EXPLAIN (ANALYZE, BUFFERS) of the statements of one request: ms executing, shared buffers hit/read, sorts, sequential scans');
const statements = new Map<string, number>();
const plans: string[] = [`Plans of bench:api's screens on ${database} (${projects.toLocaleString('en')} projects), ${new Date().toISOString()}`];

/** The statements a server printed (LOG_QUERIES=params: as sent, values written in) since `from`. */
const loggedStatements = (output: string, from: number) =>
  output
    .slice(from)
    .split('[sql] ')
    .slice(1)
    .map((entry) => entry.replace(/ \[took \d+ ms[^\]]*\][\s\S]*$/, '').trim());

/** EXPLAIN (ANALYZE, BUFFERS) of a read statement: its plan and a line about it. */
async function explain(sql: string): Promise<{ plan: string; line: string }> {
  const { rows } = await db.query(`explain (analyze, buffers) ${sql}`);
  const plan = rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
  const executed = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
  const hit = [...plan.matchAll(/shared hit=(\d+)/g)].reduce((max, match) => Math.max(max, Number(match[1])), 0);
  const read = [...plan.matchAll(/read=(\d+)/g)].reduce((max, match) => Math.max(max, Number(match[1])), 0);
  const sorts = [...plan.matchAll(/Sort Method: ([\w-]+(?: \w+)?)\s+(?:Memory|Disk): (\d+)kB/g)].map((match) => `${match[1]} ${match[2]} kB`);
  const scans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]))];
  const what = sql.replace(/\s+/g, ' ').slice(0, 70);
  const line = `${executed.padStart(8)} ms  buffers ${String(hit).padStart(6)} hit ${String(read).padStart(5)} read  ${sorts.length ? `sort ${sorts.join(', ')}  ` : ''}${scans.length ? `seq scan ${scans.join(', ')}  ` : ''}| ${what}`;
  return { plan, line };
}

{
  const server = await runServerProcess({ ...env, LOG_QUERIES: 'params' });
  try {
    const tokens = await logins(server);
    for (const screen of screens) {
      const body = { query: screen.query, variables: screen.variables };
      const first = await post(server, body, tokens[screen.as]);
      if (first.errors?.length || !first.data) throw new Error(`${screen.name}: ${JSON.stringify(first.errors ?? first)}`);
      const before = server.output().length;
      for (let i = 0; i < SAMPLE; i++) await post(server, body, tokens[screen.as]);
      const sent = loggedStatements(server.output(), before);
      const count = sent.length / SAMPLE;
      statements.set(screen.name, count);
      console.log(`${screen.name.padEnd(44)} as ${screen.as.padEnd(9)} ${String(count).padStart(5)} statements  (${summary(first.data)})`);
      plans.push(`\n==== ${screen.name}, as ${screen.as}: ${count} statements per request`);
      for (const sql of sent.slice(0, Math.round(count))) {
        if (!/^(select|with)\b/i.test(sql)) continue;
        const { plan, line } = await explain(sql);
        console.log(`    ${line}`);
        plans.push(`\n-- ${sql}\n${plan}`);
      }
    }
  } finally {
    await stop(server);
  }
  writeFileSync(values.plans, `${plans.join('\n')}\n`);
  console.log(`Plans written to ${values.plans}.`);
}

if (!values['instructions-only']) await loadPhase();
if (values.instructions || values['instructions-only']) await instructionsPhase();
await db.end();

async function loadPhase() {
  console.log(`\n== Load: autocannon, ${DURATION} s per run, connections ${CONNECTIONS.join(' and ')}; server and PostgreSQL CPU per request from /proc`);
  const header = ['screen', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'srv CPU ms/req', 'db CPU ms/req', 'SQL/req', 'RSS MB', 'GC ms/req', 'promoted KB/req', 'full GCs'];
  const widths = [44, 5, 7, 7, 7, 6, 14, 13, 7, 6, 9, 15, 8];
  const row = (cells: (string | number)[]) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  const server = await runServerProcess(env, [...TRACE_GC_FLAGS, ...values['node-args'].split(' ').filter(Boolean)]);
  try {
    const pid = server.child.pid!;
    const tokens = await logins(server);
    console.log(`server pid ${pid}, RSS ${rssMb(pid).toFixed(0)} MB after sign-in; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    console.log(row(header));
    for (const screen of screens) {
      const body = JSON.stringify({ query: screen.query, variables: screen.variables });
      for (let i = 0; i < 3; i++) await post(server, JSON.parse(body), tokens[screen.as]);
      for (const connections of CONNECTIONS) {
        const cpuBefore = cpuMs(pid);
        const dbBefore = await backendsCpu();
        const outputBefore = server.output().length;
        const result = await autocannon({
          url: server.url,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[screen.as]}` },
          body,
          connections,
          duration: DURATION,
        });
        const cpu = cpuMs(pid) - cpuBefore;
        const dbCpu = backendsDelta(dbBefore, await backendsCpu());
        const gc = collections(server.output().slice(outputBefore));
        const requests = result.requests.total;
        const line = row([
          screen.name,
          connections,
          result.requests.average.toFixed(0),
          result.latency.p50,
          result.latency.p99,
          result.errors + result.timeouts + result.non2xx,
          requests ? (cpu / requests).toFixed(2) : '-',
          requests ? `${(dbCpu.ms / requests).toFixed(2)}${dbCpu.lost ? '*' : ''}` : '-',
          statements.get(screen.name) ?? '-',
          rssMb(pid).toFixed(0),
          requests ? (gc.scavengeMs / requests).toFixed(3) : '-',
          requests ? (gc.promoted / 1024 / requests).toFixed(1) : '-',
          gc.full,
        ]);
        console.log(line);
      }
    }
  } finally {
    await stop(server);
  }
  console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('errors: connection errors, timeouts and non-2xx answers. * a backend ended during the run: its CPU is missing.');
  console.log('GC (V8\'s --trace-gc-nvp): the main thread\'s pauses in young-generation collections per request; what they promoted to the old generation per request (what outlived two of them: in-flight requests, and anything kept past its request); full collections in the run.');
}

/**
 * Instructions per request, counted by callgrind (valgrind) in the server process: where CPU time on
 * a shared machine drifts by tens of percent between runs, the count of instructions the server runs
 * for the same requests repeats to about a percent, so two versions (or two servers) compare exactly.
 * The server runs under valgrind with counting off; per screen, `--warmup` requests (five at a time)
 * let V8 compile the hot code, then counting is on for `--counted` requests. Kernel time (socket
 * writes, the database) is not counted: this measures the server's own code.
 */
async function instructionsPhase() {
  console.log(`\n== Instructions per request (valgrind --tool=callgrind): ${values.warmup} requests to warm up, then ${values.counted} counted, five at a time`);
  if (!hasValgrind()) {
    console.log('valgrind is not installed: skipped.');
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'bench-api-callgrind-'));
  const server = await runServerProcess(env, [], callgrindWrapper(out));
  try {
    const tokens = await logins(server);
    console.log(`${'screen'.padEnd(44)}  ${'M instructions/req, main thread'.padStart(32)}  ${'all threads'.padStart(12)}`);
    for (const screen of screens) {
      const body = JSON.stringify({ query: screen.query, variables: screen.variables });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[screen.as]}` };
      await sendRequests(server.url, headers, body, Number(values.warmup));
      // Per thread: the main thread runs the JavaScript; the others collect garbage and compile.
      const { main, all } = await countInstructions(server.child.pid!, () => sendRequests(server.url, headers, body, Number(values.counted)));
      const perRequest = (count: number) => (count / Number(values.counted) / 1e6).toFixed(2);
      console.log(`${screen.name.padEnd(44)}  ${perRequest(main).padStart(32)}  ${perRequest(all).padStart(12)}`);
    }
  } finally {
    await stop(server);
    rmSync(out, { recursive: true, force: true });
  }
}
