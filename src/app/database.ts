import { MikroORM } from '@mikro-orm/postgresql';
import { DemoSeeder } from '../../seeds/demo.seeder.js';
import { Person } from '../modules/people/person.entity.js';
import { EventOrderSubscriber } from '../modules/subscriptions/event-order.subscriber.js';
import { hashPassword } from '../modules/people/password.js';
import { Role } from '../shared/auth.js';
import type { Config } from './config.js';
import { releaseAsyncContextsWhenIdle } from './async-context.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { ormConfig } from './mikro-orm.config.js';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  /** Orders event commits and says when they happened (see the subscriptions module). */
  eventOrder: EventOrderSubscriber;
  /** Where the data lives, for the start-up banner (never includes a password). */
  description: string;
  close(): Promise<void>;
}

/**
 * Connects (starting the embedded database when no DATABASE_URL is given) and applies migrations.
 * `progress` hears each step as it begins, for a start-up that says what it is doing.
 */
export async function openDatabase(
  config: Config,
  onQuery?: (sql: string) => void,
  progress: (step: string) => void = () => {},
  /** The embedded database when its start was begun earlier (main.ts overlaps it with loading code). */
  starting?: Promise<EmbeddedPostgres>,
): Promise<Database> {
  releaseAsyncContextsWhenIdle();
  if (!config.databaseUrl && !starting) progress(`Starting the embedded PostgreSQL (PGlite) in ${config.dataDir}…`);
  const embedded = config.databaseUrl ? null : await (starting ?? startEmbeddedPostgres(config.dataDir, config.dbPoolSize + 1, { demo: config.seedDemo }));
  if (embedded?.fromDemoSnapshot) progress('Using the demo database prepared by npm install (first start only)…');
  const url = config.databaseUrl ?? embedded!.url;
  const eventOrder = new EventOrderSubscriber();
  const statementTimeoutMs = embedded ? undefined : config.limits.timeoutMs;
  const orm = await MikroORM.init(ormConfig({ url, poolSize: config.dbPoolSize, onQuery, queryParams: config.logQueries === 'params', subscribers: [eventOrder], statementTimeoutMs }));
  try {
    progress('Applying migrations…');
    // Migrations may run longer than any request: the statement timeout does not apply to them.
    if (statementTimeoutMs) {
      await orm.em.fork().transactional(async (em) => {
        await em.execute('set local statement_timeout = 0');
        await orm.getMigrator().up({ transaction: em.getTransactionContext() });
      });
    } else {
      await orm.getMigrator().up();
    }
    if (config.seedDemo && (await orm.em.fork().count(Person)) === 0) {
      progress('Loading the demo data (first start only)…');
      await orm.getSeeder().seed(DemoSeeder);
    }
    if (config.bootstrapAdmin) await ensureAdmin(orm, config.bootstrapAdmin);
  } catch (error) {
    await orm.close(true);
    await embedded?.stop();
    throw error;
  }
  return {
    orm,
    url,
    embedded: !!embedded,
    eventOrder,
    description: embedded ? `embedded PostgreSQL (PGlite) in ${embedded.dataDir}` : `PostgreSQL at ${redact(url)}`,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

/** The first administrator of a fresh installation, so that someone can create everyone else. */
async function ensureAdmin(orm: MikroORM, { email, password }: { email: string; password: string }) {
  const em = orm.em.fork();
  if (await em.count(Person, { roles: { $contains: [Role.ADMIN] } })) return;
  em.create(Person, { email, name: 'Administrator', passwordHash: await hashPassword(password), roles: [Role.ADMIN] });
  await em.flush();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
