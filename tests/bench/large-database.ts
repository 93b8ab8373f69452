import pg from 'pg';
import { databaseUrlOn, generateLargeDataset, PROJECTS } from '../../seeds/large/generate.js';

/** The command-line options every benchmark on the large dataset takes (node:util parseArgs). */
export const LARGE_DATABASE_OPTIONS = {
  database: { type: 'string' },
  projects: { type: 'string', default: String(PROJECTS) },
  'database-server': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  reuse: { type: 'boolean', default: false },
  today: { type: 'string' },
} as const;

export interface LargeDatabaseArgs {
  database?: string;
  projects: string;
  'database-server': string;
  reuse: boolean;
  today?: string;
}

/** Projects and activities of the database as built; zeros when it is missing or was built before the parks' activities. */
async function existing(url: string): Promise<{ projects: number; activities: number }> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(`select (select count(*) from project)::int as projects, to_regclass('park_activity') is not null as has`);
    const activities = rows[0].has ? Number((await client.query('select count(*) from park_activity')).rows[0].count) : 0;
    return { projects: rows[0].projects, activities };
  } catch {
    return { projects: 0, activities: 0 };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The large dataset the options name: with `--reuse`, the database as it is when it holds that many
 * projects and the parks' activities; otherwise (or when it does not) built afresh. Its name and URL.
 */
export async function largeDatabase(args: LargeDatabaseArgs): Promise<{ database: string; url: string; projects: number }> {
  const projects = Number(args.projects);
  const database = args.database ?? (projects === PROJECTS ? 'incubator_large' : `incubator_large_${projects}`);
  const url = databaseUrlOn(args['database-server'], database);
  const found = args.reuse ? await existing(url) : { projects: 0, activities: 0 };
  if (found.projects === projects && found.activities > 0) {
    console.log(`Reusing ${database} (${projects.toLocaleString('en')} projects, ${found.activities.toLocaleString('en')} activities).`);
  } else {
    const built = await generateLargeDataset({ serverUrl: args['database-server'], database, today: args.today, projects, log: console.log });
    console.log(`Built ${database} as of ${built.today} in ${built.seconds.total} s (migrations ${built.seconds.migrate} s, fill ${built.seconds.fill} s, analyze ${built.seconds.analyze} s):`);
    console.log(`  ${Object.entries(built.counts).map(([table, count]) => `${table} ${count.toLocaleString('en')}`).join(', ')}`);
  }
  return { database, url, projects };
}
