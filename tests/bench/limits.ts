/**
 * `npm run bench:limits [-- --rounds 100 --attackers 4 --seconds 10]`
 *
 * One server process on a scratch PostgreSQL database with the demo data. Prints, for each attack of
 * the hardening work (depth bomb, alias bomb, cost bomb, introspection bomb, token flood, NUL byte,
 * aliased password guessing), its answer and how long the server took to refuse it, with the
 * server's CPU per refusal; then an ordinary staff query's latency alone and while `attackers`
 * clients send bombs as fast as they can; then what the throttle answers a run of wrong passwords.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runServerProcess } from '../support/process.js';
import { cpuMs, percentile } from './measure.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '100' },
    attackers: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    'database-server': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const ROUNDS = Number(values.rounds);
const ATTACKERS = Number(values.attackers);
const SECONDS = Number(values.seconds);
const DEMO_PASSWORD = 'incubator-demo';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: values['database-server'] });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const describe = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${sorted.length})`;
};

/** `from`: the client address the server sees (it trusts one proxy), so that the throttle's sections do not share one. */
async function post(url: string, body: unknown, token?: string, from = '198.51.100.1') {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const name = `incubator_bench_limits_${process.pid}`;
const url = new URL(values['database-server']);
url.pathname = `/${name}`;
await admin(`drop database if exists "${name}"`);
await admin(`create database "${name}"`);
const server = await runServerProcess({ DATABASE_URL: url.toString(), SEED_DEMO: 'true', TRUST_PROXY: '1', TOKEN_SECRET: 'bench-secret-bench-secret-bench-secret-0002' });
try {
  const login = async (email: string) => (await post(server.url, { query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email, password: DEMO_PASSWORD } } })).json.data.login.token as string;
  const staff = await login('staff@demo.incubator.cn');
  const pid = server.child.pid!;

  const attacks: { name: string; body: unknown; token?: string; logins?: boolean }[] = [
    { name: 'depth bomb (144 bytes, 3 nested projects(first:100))', token: staff, body: { query: '{ projects(first:100) { nodes { program { projects(first:100) { nodes { program { projects(first:100) { nodes { program { id } } } } } } } } } }' } },
    { name: 'depth 50', token: staff, body: { query: `{ ${'projects(first:1) { nodes { program { '.repeat(17)} id ${'} } }'.repeat(17)} }` } },
    { name: '100 aliases of projects(first:100)', token: staff, body: { query: aliases(100, 'projects(first:100){ totalCount nodes { id title } }') } },
    { name: '1,000 aliases of projects(first:100)', token: staff, body: { query: aliases(1000, 'projects(first:100){ totalCount nodes { id title } }') } },
    { name: 'cost bomb (programs × projects × projects, first:100)', token: staff, body: { query: '{ programs(first:100) { nodes { projects(first:100) { nodes { program { projects(first:100) { nodes { id } } } } } } } }' } },
    { name: '2,000 aliases of __schema, no token', body: { query: aliases(2000, '__schema { types { name fields { name args { name } } } }') } },
    { name: '__schema, no token', body: { query: '{ __schema { types { name fields { name args { name } } } } }' } },
    { name: '2,500 tokens', token: staff, body: { query: `{ viewer { ${'id '.repeat(2500)} } }` } },
    { name: 'NUL byte in login email', body: { query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: 'a\u0000@x.cn', password: 'x' } } } },
    { name: '15 aliased login guesses', logins: true, body: { query: `mutation { ${Array.from({ length: 15 }, (_, i) => `l${i}: login(input: { email: "mentor@demo.incubator.cn", password: "guess number ${i}" }) { token userErrors { code } }`).join(' ')} }` } },
  ];
  console.log(`\n== Refusing attacks (${ROUNDS} rounds each, one at a time)`);
  for (const attack of attacks) {
    const times: number[] = [];
    let answer = '';
    let checked = 0;
    const cpuBefore = cpuMs(pid);
    for (let i = 0; i < ROUNDS; i++) {
      const result = await post(server.url, attack.body, attack.token);
      times.push(result.ms);
      const errors = result.json?.errors ?? [];
      answer = errors.length ? `${result.status} ${errors[0].extensions?.code}${errors[0].extensions?.limit ? ` (${errors[0].extensions.limit})` : ''}` : `${result.status} data`;
      if (attack.logins) {
        const codes = Object.values(result.json.data as Record<string, { userErrors: { code: string }[] }>).map((l) => l.userErrors[0]?.code);
        checked += codes.filter((c) => c === 'INVALID_CREDENTIALS').length;
        answer = `${checked} of ${(i + 1) * codes.length} passwords checked`;
      }
    }
    const cpu = (cpuMs(pid) - cpuBefore) / ROUNDS;
    console.log(`${attack.name.padEnd(56)} ${answer.padEnd(44)} ${describe(times)}; server CPU ${cpu.toFixed(1)} ms per request`);
  }

  const ordinary = { query: '{ projects(first: 20) { totalCount nodes { id title status organization { name } currentRevision { number requestedAmount } } } }' };
  const sample = async (seconds: number) => {
    const times: number[] = [];
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      const result = await post(server.url, ordinary, staff);
      if (result.json?.errors) throw new Error(`ordinary query failed: ${result.text}`);
      times.push(result.ms);
    }
    return times;
  };
  console.log(`\n== An ordinary staff query (20 projects with organisation and current revision), ${SECONDS} s each`);
  const cpuAlone = cpuMs(pid);
  const alone = await sample(SECONDS);
  console.log(`alone:                         ${describe(alone)}; server CPU ${((cpuMs(pid) - cpuAlone) / alone.length).toFixed(1)} ms per request`);

  let stop = false;
  let bombs = 0;
  const bombBodies = [attacks[0], attacks[3], attacks[4], attacks[5]];
  const attackers = Array.from({ length: ATTACKERS }, async (_, i) => {
    while (!stop) {
      const attack = bombBodies[i % bombBodies.length];
      await post(server.url, attack.body, attack.token);
      bombs++;
    }
  });
  const beside = await sample(SECONDS);
  stop = true;
  await Promise.all(attackers);
  console.log(`beside ${ATTACKERS} attackers:           ${describe(beside)}; ${bombs} bombs refused meanwhile (${(bombs / SECONDS).toFixed(0)}/s)`);
  const ratio = percentile([...beside].sort((a, b) => a - b), 50) / percentile([...alone].sort((a, b) => a - b), 50);
  console.log(`p50 beside attackers / alone: ${ratio.toFixed(2)}`);

  console.log('\n== The throttle: wrong passwords for one account from a fresh address, one every 200 ms');
  const answers: string[] = [];
  for (let i = 0; i < 8; i++) {
    const result = await post(server.url, { query: 'mutation($i: LoginInput!) { login(input: $i) { retryAfterSeconds userErrors { code } } }', variables: { i: { email: 'evaluator@demo.incubator.cn', password: `wrong password ${i}` } } }, undefined, '198.51.100.2');
    const login = result.json.data.login;
    answers.push(`${i + 1}: ${login.userErrors[0].code}${login.retryAfterSeconds ? ` (retry after ${login.retryAfterSeconds} s)` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(answers.join('\n'));
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  await admin(`drop database if exists "${name}" with (force)`);
}
