import 'reflect-metadata';
import type { EventSubscriber } from '@mikro-orm/core';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { migrationsList } from '../../migrations/index.js';
import { oneQueryAtATime } from '../shared/one-query-at-a-time.js';
import { entities } from './entities.js';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Called with every SQL statement sent; used to log queries and to count them in tests. */
  onQuery?: (sql: string) => void;
  /** Give onQuery the statements as sent, values written in, rather than with placeholders. */
  queryParams?: boolean;
  subscribers?: EventSubscriber[];
  /** PostgreSQL cancels any statement running longer (REQUEST_TIMEOUT_MS); not for the embedded database. */
  statementTimeoutMs?: number;
}

export function ormConfig({ url, poolSize = 10, onQuery, queryParams = false, subscribers = [], statementTimeoutMs }: DatabaseOptions): Options {
  return defineConfig({
    clientUrl: url,
    driverOptions: statementTimeoutMs ? { connection: { statement_timeout: statementTimeoutMs } } : {},
    entities,
    subscribers,
    pool: {
      min: 0,
      max: poolSize,
      // Every pg client the pool creates takes its queries in turns (see oneQueryAtATime); knex waits for `done`.
      afterCreate(client: { query: unknown }, done: (error?: Error) => void) {
        oneQueryAtATime(client);
        done();
      },
    },
    debug: onQuery ? (queryParams ? ['query', 'query-params'] : ['query']) : false,
    colors: false,
    logger: (message) => {
      if (onQuery && message.startsWith('[query]')) onQuery(message.slice('[query] '.length));
    },
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    // Migrations are imported, not globbed, so they run the same under tsx, vitest and the CLI.
    migrations: { migrationsList, path: 'migrations', pathTs: 'migrations', snapshot: false, transactional: true, allOrNothing: true, emit: 'ts' },
    seeder: { path: 'seeds', pathTs: 'seeds', emit: 'ts' },
    extensions: [Migrator, SeedManager],
  });
}

/** The configuration the MikroORM CLI reads (migration:create and friends). */
export default ormConfig({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/incubator_dev' });
