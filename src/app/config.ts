import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { passwordProblem } from '../modules/people/password-policy.js';
import type { LoginThrottleSettings } from '../shared/auth.js';

/** Everything the server reads from its environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  dbPoolSize: number;
  tokenSecret: string;
  tokenSecretGenerated: boolean;
  tokenTtlSeconds: number;
  /** Seed the demo data when the database has none (defaults on in embedded mode). */
  seedDemo: boolean;
  development: boolean;
  /** `development`, `production` or `test`: what NODE_ENV is set to for the libraries that read it. */
  nodeEnv: string;
  shutdownTimeoutMs: number;
  /** Print every SQL statement: with `?` placeholders (`true`), or as sent, values written in (`params`, which shows personal data). */
  logQueries: boolean | 'params';
  /** Creates this administrator at start-up when no administrator exists yet. */
  bootstrapAdmin?: { email: string; password: string };
  /** How many missed events a resuming subscription may replay, and how many may wait per subscription. */
  subscriptionReplayLimit: number;
  subscriptionMaxQueue: number;
  limits: OperationLimits;
  /** Whether `__schema`/`__type` are answered: for everyone, for staff only, or for nobody. */
  introspection: 'on' | 'staff' | 'off';
  throttle: LoginThrottleSettings;
  sockets: SocketLimits;
  /** Express `trust proxy`: how many reverse proxies stand in front, so the client address is read from X-Forwarded-For. */
  trustProxy: number;
  /** Origins whose pages may call the API from a browser (CORS): exact origins, or `*` for any. */
  corsOrigins: string[] | '*';
  /** Serve the GraphiQL explorer to browsers at GET /graphql. */
  explorer: boolean;
  /** How many times a query runs with graphql-js before it is compiled to JavaScript (see app/compiled-queries.ts). */
  compileQueriesAfter: number;
}

/** What one GraphQL operation may ask for, checked before it runs (see app/operation-limits.ts). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Worst-case nodes an operation may return: each connection multiplies what it contains by `first`. */
  maxCost: number;
  maxQueryLength: number;
  maxBodyBytes: number;
  timeoutMs: number;
}

export interface SocketLimits {
  maxOperationsPerSocket: number;
  maxSocketsPerPerson: number;
  /** Events all the resuming subscriptions of one connection may replay, together. */
  maxReplayPerSocket: number;
  /** How often open connections are checked against their sessions and rights. */
  sessionCheckMs: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

/** Pages served from this machine, whatever their port: what development allows by default. */
const LOCAL_ORIGINS = ['http://localhost', 'http://127.0.0.1', 'http://[::1]'];

function origins(env: Env, fallback: string[]): string[] | '*' {
  const raw = env.CORS_ORIGINS?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (raw === '*') return '*';
  const list = raw.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError('CORS_ORIGINS', `must be origins like https://console.example.org, separated by commas, or *; got "${origin}"`);
  }
  return list;
}

function choice<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${env[name]}"`);
  return raw as T;
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// connection string');
  }
  const nodeEnv = env.NODE_ENV?.trim() || 'production';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnv}"`);
  }
  let tokenSecret = env.TOKEN_SECRET ?? '';
  const tokenSecretGenerated = tokenSecret === '';
  if (tokenSecretGenerated) tokenSecret = randomBytes(32).toString('hex');
  else if (tokenSecret.length < 32) throw new ConfigError('TOKEN_SECRET', 'must be at least 32 characters long');

  const adminEmail = env.BOOTSTRAP_ADMIN_EMAIL?.trim().toLowerCase() || undefined;
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL', 'must be an email address');
  if (!adminEmail !== !adminPassword) throw new ConfigError(adminEmail ? 'BOOTSTRAP_ADMIN_PASSWORD' : 'BOOTSTRAP_ADMIN_EMAIL', 'must be set together with its partner');
  const weak = adminPassword ? passwordProblem(adminPassword, [adminEmail ?? '']) : null;
  if (weak) throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', `is not acceptable: ${weak}`);

  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || '.data'),
    // Migrations hold one connection for their transaction while they read their own table on another.
    dbPoolSize: integer(env, 'DB_POOL_SIZE', databaseUrl ? 10 : 1, databaseUrl ? 2 : 1, 100),
    tokenSecret,
    tokenSecretGenerated,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 1, 30 * 24 * 3600),
    seedDemo: flag(env, 'SEED_DEMO', !databaseUrl),
    development: nodeEnv === 'development',
    nodeEnv,
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    logQueries: env.LOG_QUERIES?.trim().toLowerCase() === 'params' ? 'params' : flag(env, 'LOG_QUERIES', false),
    bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    subscriptionReplayLimit: integer(env, 'SUBSCRIPTION_REPLAY_LIMIT', 10_000, 1, 1_000_000),
    subscriptionMaxQueue: integer(env, 'SUBSCRIPTION_MAX_QUEUE', 1_000, 1, 1_000_000),
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 10, 2, 100),
      maxAliases: integer(env, 'MAX_ALIASES', 15, 0, 1000),
      maxDirectives: integer(env, 'MAX_DIRECTIVES', 20, 0, 1000),
      maxTokens: integer(env, 'MAX_TOKENS', 2_000, 100, 100_000),
      maxCost: integer(env, 'MAX_QUERY_COST', 50_000, 100, 10_000_000),
      maxQueryLength: integer(env, 'MAX_QUERY_LENGTH', 20_000, 100, 1_000_000),
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024),
      timeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 600_000),
    },
    introspection: choice(env, 'INTROSPECTION', nodeEnv === 'development' ? 'on' : 'off', ['on', 'staff', 'off'] as const),
    throttle: {
      accountAttempts: integer(env, 'LOGIN_ACCOUNT_ATTEMPTS', 5, 1, 1000),
      addressAttempts: integer(env, 'LOGIN_ADDRESS_ATTEMPTS', 50, 1, 100_000),
      windowSeconds: integer(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
      baseDelaySeconds: integer(env, 'LOGIN_BASE_DELAY_SECONDS', 30, 1, 3600),
      maxDelaySeconds: integer(env, 'LOGIN_MAX_DELAY_SECONDS', 900, 1, 86_400),
    },
    sockets: {
      maxOperationsPerSocket: integer(env, 'WS_MAX_OPERATIONS', 20, 1, 1000),
      maxSocketsPerPerson: integer(env, 'WS_MAX_CONNECTIONS_PER_PERSON', 10, 1, 1000),
      maxReplayPerSocket: integer(env, 'WS_MAX_REPLAY', 20_000, 1, 10_000_000),
      sessionCheckMs: integer(env, 'SESSION_CHECK_MS', 2_000, 100, 60_000),
    },
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    corsOrigins: origins(env, nodeEnv === 'development' ? LOCAL_ORIGINS : []),
    explorer: flag(env, 'EXPLORER', nodeEnv === 'development' || flag(env, 'SEED_DEMO', !databaseUrl)),
    compileQueriesAfter: integer(env, 'COMPILE_QUERIES_AFTER', 2, 0, 1_000_000_000),
  };
}
