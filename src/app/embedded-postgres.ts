import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  /** True when a new data folder was filled from the demo snapshot (see DEMO_SNAPSHOT). */
  fromDemoSnapshot: boolean;
  /** The whole cluster as a tar (for building snapshots). */
  dump(): Promise<Blob>;
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
const cache = path.join(root, 'node_modules/.cache/incubator');
export const SNAPSHOT = path.join(cache, `pglite-${pgliteVersion}.tar`);

/**
 * The same cluster with the migrations applied and the demo loaded, also built by `npm install`, so
 * that a newcomer's first start skips the seconds the demo takes to play. The demo is placed around
 * the day it is played (see DemoClock), and it is played by this code: the snapshot serves only a
 * start on the same day in Shenzhen, by the same sources (migrations, seeds and src). Otherwise the
 * start plays the demo itself, as it would without the snapshot.
 */
export const DEMO_SNAPSHOT = path.join(cache, `pglite-${pgliteVersion}-demo.tar`);
const demoSnapshotKey = (day: string) => JSON.stringify({ day, sources: sourceFingerprint() });

/** A digest of every file the schema and the demo come from. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  };
  for (const dir of ['migrations', 'seeds', 'src']) walk(path.join(root, dir));
  return hash.digest('hex');
}

/** The calendar day in Shenzhen, which the demo's story is placed around. */
const shenzhenDay = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function writeSnapshot(file: string, dump: Blob, key?: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${file}.tmp`, file);
  if (key) writeFileSync(`${file}.key`, key);
}

export async function buildSnapshot(file = SNAPSHOT): Promise<void> {
  const scratch = path.join(os.tmpdir(), `incubator-pglite-snapshot-${process.pid}`);
  const db = await PGlite.create({ dataDir: scratch, extensions });
  const dump = await db.dumpDataDir('none');
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
  await writeSnapshot(file, dump);
}

/**
 * Builds DEMO_SNAPSHOT: `prepare` migrates and seeds the new embedded database (the server's own
 * start does exactly that), then the cluster is dumped.
 */
export async function buildDemoSnapshot(prepare: (database: EmbeddedPostgres) => Promise<void>, file = DEMO_SNAPSHOT): Promise<void> {
  const scratch = path.join(os.tmpdir(), `incubator-pglite-demo-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  const day = shenzhenDay(new Date());
  const embedded = await startEmbeddedPostgres(scratch, 2, { demo: false });
  try {
    // `prepare` may close what it opened: the cluster is stopped here, after the dump.
    await prepare({ ...embedded, stop: async () => {} });
    await writeSnapshot(file, await embedded.dump(), demoSnapshotKey(day));
  } finally {
    await embedded.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Whether DEMO_SNAPSHOT exists and serves a start today, by these sources. */
export function demoSnapshotValid(): boolean {
  return existsSync(DEMO_SNAPSHOT) && existsSync(`${DEMO_SNAPSHOT}.key`) && readFileSync(`${DEMO_SNAPSHOT}.key`, 'utf8') === demoSnapshotKey(shenzhenDay(new Date()));
}

/** The snapshot a new data folder starts from: the demo one when it is valid today, else the empty one. */
function snapshotFor(demo: boolean): { file: string; demo: boolean } | undefined {
  if (demo && demoSnapshotValid()) return { file: DEMO_SNAPSHOT, demo: true };
  return existsSync(SNAPSHOT) ? { file: SNAPSHOT, demo: false } : undefined;
}

/**
 * Starts PGlite on `dataDir/pglite`. A new folder is filled from a snapshot when there is one:
 * with `demo`, the prepared demo database if it is valid today (see DEMO_SNAPSHOT).
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number, { demo }: { demo: boolean }): Promise<EmbeddedPostgres> {
  const dir = path.join(dataDir, 'pglite');
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  const snapshot = fresh ? snapshotFor(demo) : undefined;
  const loadDataDir = snapshot ? new Blob([readFileSync(snapshot.file)]) : undefined;
  const db = await PGlite.create({ dataDir: dir, loadDataDir, extensions });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    dataDir: dir,
    fromDemoSnapshot: snapshot?.demo ?? false,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
