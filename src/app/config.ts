import { randomBytes } from 'node:crypto';
import path from 'node:path';

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
  shutdownTimeoutMs: number;
  logQueries: boolean;
  /** Creates this administrator at start-up when no administrator exists yet. */
  bootstrapAdmin?: { email: string; password: string };
  /** How many missed events a resuming subscription may replay, and how many may wait per subscription. */
  subscriptionReplayLimit: number;
  subscriptionMaxQueue: number;
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
  if (adminPassword && adminPassword.length < 10) throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', 'must be at least 10 characters long');

  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || '.data'),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', databaseUrl ? 10 : 1, 1, 100),
    tokenSecret,
    tokenSecretGenerated,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 1, 30 * 24 * 3600),
    seedDemo: flag(env, 'SEED_DEMO', !databaseUrl),
    development: nodeEnv === 'development',
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    logQueries: flag(env, 'LOG_QUERIES', false),
    bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    subscriptionReplayLimit: integer(env, 'SUBSCRIPTION_REPLAY_LIMIT', 10_000, 1, 1_000_000),
    subscriptionMaxQueue: integer(env, 'SUBSCRIPTION_MAX_QUEUE', 1_000, 1, 1_000_000),
  };
}
