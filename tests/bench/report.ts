/**
 * `npm run bench:report [-- --reuse --projects 20000 --year 2026 --district 1 --runs 3 --warm 5 --plans bench-report-plans.txt]`
 *
 * The operations report on the large dataset (seeds/large/generate.ts, with its activities and
 * resource matching): builds `incubator_large` (or, with `--projects N`, `incubator_large_N`; or
 * reuses it with `--reuse`), signs in as the staff of district `--district` (`districtN@`), and measures:
 * 1. on a server with LOG_QUERIES=params, the SQL statements of each request, cold (the first of its
 *    kind the server serves) and warm; `EXPLAIN (ANALYZE, BUFFERS)` of each statement of one warm
 *    request, a line each, and the plans in `--plans`;
 * 2. `--runs` times, on a fresh server without query logging for each kind of request: the first
 *    request (cold) and `--warm` more (warm): wall time, the server's CPU (utime + stime in
 *    /proc/<pid>/stat) and that of the PostgreSQL backends serving the database, per request:
 *    a. `operationsReport` for the district's whole `--year`, every figure (each drill-down list with
 *       the IDs and names of its rows) and the zh summary selected; b. the same for the district's first park;
 *    c. the district's annual report as .docx and as .html (`/operations-reports/draft.docx?districtId=…&year=…`);
 * 3. on a fresh server, each export (`/exports/<name>?format=csv|xlsx`) as the district's staff and as
 *    the admin (every district): time to the last byte, size, the server's CPU, and its resident
 *    memory before and at its peak during the download (VmHWM after resetting it through
 *    /proc/<pid>/clear_refs, and VmRSS sampled every 5 ms).
 * "Cold" is the server process's first such request (code paths not yet optimised, no prepared
 * statements, a new pool); PostgreSQL's buffers stay warm from the runs before it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import { getNamedType, isLeafType, isNonNullType, isObjectType, print, type GraphQLObjectType } from 'graphql';
import pg from 'pg';
import { toGlobalId } from '../../src/shared/node-id.js';
import { createSchema } from '../../src/app/schema.js';
import { LARGE_LOGINS, LARGE_PASSWORD } from '../../seeds/large/generate.js';
import { LoginDocument } from '../generated/graphql.js';
import { runServerProcess, type ServerProcess } from '../support/process.js';
import { LARGE_DATABASE_OPTIONS, largeDatabase } from './large-database.js';
import { cpuMs, rssKb } from './measure.js';

const { values } = parseArgs({
  options: {
    ...LARGE_DATABASE_OPTIONS,
    plans: { type: 'string', default: 'bench-report-plans.txt' },
    year: { type: 'string' },
    district: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    warm: { type: 'string', default: '5' },
    exports: { type: 'string', default: 'projects,service-reports,scorecards,visits' },
    'skip-exports': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const WARM = Number(values.warm);
const DISTRICT = Number(values.district);
if (!(DISTRICT >= 1 && DISTRICT <= 8)) throw new Error('--district is 1 to 8');
const TOKEN_SECRET = 'bench-report-secret-bench-report-0001';

const { database, url, projects } = await largeDatabase(values);

const db = new pg.Client({ connectionString: url });
await db.connect();
// The year: that of six months before the data's last day, the latest year with most of its months in the data.
const year = values.year
  ? Number(values.year)
  : Number((await db.query(`select extract(year from (max(created_at) - interval '6 months') at time zone 'Asia/Shanghai')::int as y from lifecycle_event`)).rows[0].y);
const districtId = (await db.query(`select md5('place:district:' || $1::int)::uuid as id`, [DISTRICT - 1])).rows[0].id as string;
const park = (await db.query(`select id, name from park where district_id = $1 order by name limit 1`, [districtId])).rows[0] as { id: string; name: string };
const districtName = (await db.query(`select name from place where id = $1`, [districtId])).rows[0].name as string;
const email = `district${DISTRICT}@large.incubator.test`;
const scale = (await db.query(
  `select (select count(*) from project where district_id = $1)::int as projects,
          (select count(*) from activity_session s where s.district_id = $1 and extract(year from s.starts_at at time zone 'Asia/Shanghai') = $2)::int as sessions,
          (select count(*) from activity_attendance t join activity_session s on s.id = t.session_id
            where s.district_id = $1 and extract(year from s.starts_at at time zone 'Asia/Shanghai') = $2)::int as checkins,
          (select count(*) from lifecycle_event e where e.district_id = $1 and extract(year from e.created_at at time zone 'Asia/Shanghai') = $2)::int as events`,
  [districtId, year],
)).rows[0] as { projects: number; sessions: number; checkins: number; events: number };
console.log(`\n${districtName} (${email}), ${year}: ${scale.projects.toLocaleString('en')} projects in the district; in ${year} ${scale.events.toLocaleString('en')} lifecycle events, ${scale.sessions} activity sessions, ${scale.checkins.toLocaleString('en')} check-ins. Park: ${park.name}.`);

/**
 * Every field of the report's figures: leaves as they are; an object that is a Node (a drill-down row)
 * by its ID and its title or name; any other object field by field. Built from the code's schema, so
 * a figure added later is selected too.
 */
function selectAll(type: GraphQLObjectType): string {
  const fields: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) fields.push(field.name);
    else if (isObjectType(named)) {
      const own = named.getFields();
      if (named.getInterfaces().some((i) => i.name === 'Node')) fields.push(`${field.name} { id${own.title ? ' title' : own.name ? ' name' : ''} }`);
      else fields.push(`${field.name} { ${selectAll(named)} }`);
    }
  }
  return fields.join(' ');
}
const schema = await createSchema();
const figuresType = schema.getType('ReportFiguresView') as GraphQLObjectType;
const REPORT_QUERY = `query OperationsReportBench($scope: ReportScopeInput!) {
  operationsReport(scope: $scope) {
    title(language: ZH) periodStart version district { id name } park { id name } sections { heading body }
    summary(language: ZH)
    figures { ${selectAll(figuresType)} }
  }
}`;

type Kind = 'graphql' | 'download';
interface Scenario { name: string; kind: Kind; body?: unknown; path?: string }
const scenarios: Scenario[] = [
  { name: `operationsReport district ${year}`, kind: 'graphql', body: { query: REPORT_QUERY, variables: { scope: { districtId: toGlobalId('Place', districtId), year } } } },
  { name: `operationsReport park ${year}`, kind: 'graphql', body: { query: REPORT_QUERY, variables: { scope: { parkId: toGlobalId('Park', park.id), year } } } },
  { name: `district ${year} .docx`, kind: 'download', path: `/operations-reports/draft.docx?districtId=${encodeURIComponent(toGlobalId('Place', districtId))}&year=${year}` },
  { name: `district ${year} .html`, kind: 'download', path: `/operations-reports/draft.html?districtId=${encodeURIComponent(toGlobalId('Place', districtId))}&year=${year}` },
];

const env = { DATABASE_URL: url, TOKEN_SECRET, SEED_DEMO: 'false', NODE_ENV: 'production', REQUEST_TIMEOUT_MS: '120000' };
const origin = (server: ServerProcess) => new URL(server.url).origin;
const stop = async (server: ServerProcess) => {
  server.child.kill('SIGTERM');
  await server.exited;
};
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const rssMb = (pid: number) => rssKb(pid) / 1024;
const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

async function signIn(server: ServerProcess, login: string): Promise<string> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(LoginDocument), variables: { input: { email: login, password: LARGE_PASSWORD } } }),
  });
  const token = ((await response.json()) as { data?: { login?: { token?: string | null } } }).data?.login?.token;
  if (!token) throw new Error(`could not sign in as ${login}`);
  return token;
}

/** One request of a scenario, read to its last byte: wall time, size; throws on an error answer. */
async function request(server: ServerProcess, scenario: Scenario, token: string): Promise<{ ms: number; bytes: number; data: unknown }> {
  const started = performance.now();
  const response = scenario.kind === 'graphql'
    ? await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(scenario.body) })
    : await fetch(`${origin(server)}${scenario.path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${scenario.name}: HTTP ${response.status} ${body.toString('utf8').slice(0, 500)}`);
  let data: unknown = null;
  if (scenario.kind === 'graphql') {
    const json = JSON.parse(body.toString('utf8')) as { data?: unknown; errors?: { message: string }[] };
    if (json.errors?.length || !json.data) throw new Error(`${scenario.name}: ${JSON.stringify(json.errors ?? json).slice(0, 1000)}`);
    data = json.data;
  }
  return { ms, bytes: body.length, data };
}

/** CPU used so far by each PostgreSQL backend serving the database (this client's own excepted). */
async function backendsCpu(): Promise<Map<number, number>> {
  const { rows } = await db.query(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  return new Map(rows.map((row: { pid: number }) => [row.pid, cpuMs(row.pid)]));
}
function backendsDelta(before: Map<number, number>, after: Map<number, number>) {
  let ms = 0;
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
  return ms;
}

// ---- 1. Statements per request, and their plans.
const loggedStatements = (output: string, from: number) =>
  output.slice(from).split('[sql] ').slice(1).map((entry) => entry.replace(/ \[took \d+ ms[^\]]*\][\s\S]*$/, '').trim());

async function explain(sql: string): Promise<{ plan: string; line: string; ms: number }> {
  const { rows } = await db.query(`explain (analyze, buffers) ${sql}`);
  const plan = rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
  const executed = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
  const hit = [...plan.matchAll(/shared hit=(\d+)/g)].reduce((max, match) => Math.max(max, Number(match[1])), 0);
  const read = [...plan.matchAll(/read=(\d+)/g)].reduce((max, match) => Math.max(max, Number(match[1])), 0);
  const scans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]))];
  const what = sql.replace(/\s+/g, ' ').slice(0, 90);
  const line = `${executed.toFixed(1).padStart(8)} ms  buffers ${String(hit).padStart(7)} hit ${String(read).padStart(5)} read  ${scans.length ? `seq scan ${scans.join(', ')}  ` : ''}| ${what}`;
  return { plan, line, ms: executed };
}

const statementCounts = new Map<string, { cold: number; warm: number }>();
const plans: string[] = [`Plans of bench:report's requests on ${database} (${projects.toLocaleString('en')} projects), ${districtName} ${year}, ${new Date().toISOString()}`];
let reportSummary: string[] = [];
let reportFiguresLine = '';
console.log(`\n== Statements per request (LOG_QUERIES=params: the first request, then ${WARM} more), and the plans of one warm request's statements`);
console.log('   plan: EXPLAIN (ANALYZE, BUFFERS): ms executing, shared buffers hit/read, tables scanned sequentially; slowest first');
{
  const server = await runServerProcess({ ...env, LOG_QUERIES: 'params' });
  try {
    const token = await signIn(server, email);
    for (const scenario of scenarios) {
      let from = server.output().length;
      const first = await request(server, scenario, token);
      const cold = loggedStatements(server.output(), from).length;
      from = server.output().length;
      for (let i = 0; i < WARM; i++) await request(server, scenario, token);
      const sent = loggedStatements(server.output(), from);
      const warm = sent.length / WARM;
      statementCounts.set(scenario.name, { cold, warm });
      if (scenario.kind === 'graphql' && scenario.name.includes('district')) {
        const report = (first.data as { operationsReport: { summary: string[]; figures: Record<string, any> } }).operationsReport;
        reportSummary = report.summary;
        const f = report.figures;
        reportFiguresLine = `activities ${f.activities.activities} (${f.activities.sessions} sessions, ${f.activities.personTimes} person-times, ${f.activities.streets.length} streets, ${f.activities.activityList.length} listed); `
          + `coached ${f.coaching.projectsCoached} (${f.coaching.coachedProjects.length} listed), applied ${f.coaching.projectsApplied}; revisions ${f.revisions.revisions}; rankings ${f.rankings.length}; `
          + `visits ${f.supervision.visits}; reports accepted ${f.serviceReports.accepted} (${f.serviceReports.byProject.length} projects); closings ${f.closings.length}; `
          + `matches delivered ${f.resources.matchesDelivered}, ¥${f.resources.valueBrokered.toLocaleString('en')}; answer ${(first.bytes / 1024).toFixed(0)} kB`;
      }
      console.log(`${scenario.name.padEnd(36)} cold ${String(cold).padStart(3)} statements, warm ${String(warm).padStart(5)}  (${(first.bytes / 1024).toFixed(0)} kB)`);
      plans.push(`\n==== ${scenario.name}: ${cold} statements cold, ${warm} warm`);
      const explained: { line: string; ms: number }[] = [];
      for (const sql of sent.slice(0, Math.round(warm))) {
        if (!/^(select|with)\b/i.test(sql)) continue;
        const { plan, line, ms } = await explain(sql);
        explained.push({ line, ms });
        plans.push(`\n-- ${sql}\n${plan}`);
      }
      if (scenario.kind === 'graphql') for (const { line } of explained.sort((a, b) => b.ms - a.ms)) console.log(`    ${line}`);
    }
  } finally {
    await stop(server);
  }
  writeFileSync(values.plans, `${plans.join('\n')}\n`);
  console.log(`Plans written to ${values.plans}.`);
  if (reportFiguresLine) console.log(`\nThe district's report: ${reportFiguresLine}\nIts zh summary (${reportSummary.length} sentences, each cut at 160 characters):\n${reportSummary.map((line) => `  ${line.length > 160 ? `${line.slice(0, 160)}… (${line.length} characters)` : line}`).join('\n')}`);
}

// ---- 2. Wall time and CPU per request, cold and warm.
console.log(`\n== Wall time and CPU per request: ${RUNS} fresh servers per request kind (the first request cold, then ${WARM} warm), no query logging; load average ${loadAverage()}`);
interface Sample { ms: number; cpu: number; db: number; bytes: number }
const samples = new Map<string, { cold: Sample[]; warm: Sample[]; rss: number[] }>(scenarios.map((s) => [s.name, { cold: [], warm: [], rss: [] }]));
for (let run = 0; run < RUNS; run++) {
  for (const scenario of scenarios) {
    const server = await runServerProcess(env);
    try {
      const pid = server.child.pid!;
      const token = await signIn(server, email);
      const into = samples.get(scenario.name)!;
      for (let i = 0; i <= WARM; i++) {
        const cpuBefore = cpuMs(pid);
        const dbBefore = await backendsCpu();
        const { ms, bytes } = await request(server, scenario, token);
        const sample = { ms, cpu: cpuMs(pid) - cpuBefore, db: backendsDelta(dbBefore, await backendsCpu()), bytes };
        (i === 0 ? into.cold : into.warm).push(sample);
      }
      into.rss.push(rssMb(pid));
    } finally {
      await stop(server);
    }
  }
}

// ---- 3. Exports.
interface ExportResult { name: string; as: string; format: string; mb: number; seconds: number; cpuS: number; rssBefore: number; peak: number }
const exportResults: ExportResult[] = [];
if (!values['skip-exports']) {
  console.log(`\n== Exports: one fresh server; each export as ${email} and as the admin; load average ${loadAverage()}`);
  const server = await runServerProcess(env);
  try {
    const pid = server.child.pid!;
    const tokens = { district: await signIn(server, email), admin: await signIn(server, LARGE_LOGINS.admin) };
    for (const as of ['district', 'admin'] as const) {
      for (const name of values.exports.split(',')) {
        for (const format of ['csv', 'xlsx']) {
          const rssBefore = rssMb(pid);
          let resetPeak = true;
          try {
            writeFileSync(`/proc/${pid}/clear_refs`, '5');
          } catch {
            resetPeak = false;
          }
          let sampled = rssBefore;
          const timer = setInterval(() => (sampled = Math.max(sampled, rssMb(pid))), 5);
          const cpuBefore = cpuMs(pid);
          const started = performance.now();
          const response = await fetch(`${origin(server)}/exports/${name}?format=${format}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
          let bytes = 0;
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
          const seconds = (performance.now() - started) / 1000;
          clearInterval(timer);
          if (response.status !== 200) throw new Error(`export ${name}.${format}: HTTP ${response.status}`);
          const hwm = resetPeak ? Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024 : 0;
          const result = { name, as: as === 'admin' ? 'admin' : `district${DISTRICT}`, format, mb: bytes / 1024 / 1024, seconds, cpuS: (cpuMs(pid) - cpuBefore) / 1000, rssBefore, peak: Math.max(sampled, hwm) };
          exportResults.push(result);
          console.log(`  ${`${name}.${format}`.padEnd(22)} as ${result.as.padEnd(10)} ${result.mb.toFixed(1).padStart(6)} MB ${seconds.toFixed(1).padStart(6)} s`);
        }
      }
    }
  } finally {
    await stop(server);
  }
}
await db.end();

// ---- The report.
const cells = (widths: number[], row: (string | number)[]) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
console.log(`\n== Report: ${database} (${projects.toLocaleString('en')} projects), ${districtName} and ${park.name}, ${year}; ${RUNS} runs × (1 cold + ${WARM} warm); medians; load average ${loadAverage()}`);
const widths = [36, 9, 9, 8, 8, 9, 9, 8, 8, 9, 7];
console.log(cells(widths, ['request', 'cold ms', 'warm ms', 'SQL cold', 'SQL warm', 'srv CPU c', 'srv CPU w', 'db CPU c', 'db CPU w', 'size kB', 'RSS MB']));
for (const scenario of scenarios) {
  const { cold, warm, rss } = samples.get(scenario.name)!;
  const count = statementCounts.get(scenario.name)!;
  const m = (list: Sample[], pick: (s: Sample) => number) => median(list.map(pick)).toFixed(0);
  console.log(cells(widths, [
    scenario.name, m(cold, (s) => s.ms), m(warm, (s) => s.ms), count.cold, count.warm, m(cold, (s) => s.cpu), m(warm, (s) => s.cpu), m(cold, (s) => s.db), m(warm, (s) => s.db),
    (median(warm.map((s) => s.bytes)) / 1024).toFixed(0), median(rss).toFixed(0),
  ]));
}
if (exportResults.length) {
  const exportWidths = [22, 10, 8, 8, 10, 10, 11];
  console.log('');
  console.log(cells(exportWidths, ['export', 'as', 'MB', 'seconds', 'srv CPU s', 'RSS MB', 'peak RSS MB']));
  for (const r of exportResults) console.log(cells(exportWidths, [`${r.name}.${r.format}`, r.as, r.mb.toFixed(1), r.seconds.toFixed(1), r.cpuS.toFixed(1), r.rssBefore.toFixed(0), r.peak.toFixed(0)]));
}
console.log('ms: wall time of a request to its last byte; SQL: statements per request (cold: the server\'s first); srv/db CPU: ms of the server process / of the PostgreSQL backends per request; RSS: the server\'s after the requests.');
