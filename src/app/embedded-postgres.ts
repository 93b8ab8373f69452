import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * PostgreSQL compiled to WebAssembly, kept in a local folder and served on a loopback port so the
 * ORM talks to it exactly as to a real server. One process only: a transaction holds the single
 * backend, so the pool is kept small.
 */
export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The contrib extensions the migrations create (pg_trgm for project search); the snapshot is built with the same. */
const extensions = { pg_trgm };

const pgliteVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

/**
 * A freshly initialised, empty cluster for the installed PGlite, dumped by `npm install`
 * (`postinstall`). Initialising one (initdb, in WebAssembly) takes several seconds; unpacking this
 * takes under one, so a newcomer's first start is that much quicker. Without it, a start initialises.
 */
export const SNAPSHOT = path.join(root, 'node_modules/.cache/incubator', `pglite-${pgliteVersion}.tar`);

export async function buildSnapshot(file = SNAPSHOT): Promise<void> {
  const scratch = path.join(os.tmpdir(), `incubator-pglite-snapshot-${process.pid}`);
  const db = await PGlite.create({ dataDir: scratch, extensions });
  const dump = await db.dumpDataDir('none');
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${file}.tmp`, file);
}

export async function startEmbeddedPostgres(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  const dir = path.join(dataDir, 'pglite');
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  const loadDataDir = fresh && existsSync(SNAPSHOT) ? new Blob([readFileSync(SNAPSHOT)]) : undefined;
  const db = await PGlite.create({ dataDir: dir, loadDataDir, extensions });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    dataDir: dir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
