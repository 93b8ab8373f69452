import 'reflect-metadata';
import { loadConfig } from './config.js';
import { openDatabase } from './database.js';
import { DEMO_SNAPSHOT, SNAPSHOT, buildDemoSnapshot, buildSnapshot } from './embedded-postgres.js';

// Run by `npm install` (postinstall): see SNAPSHOT and DEMO_SNAPSHOT. A failure only costs the first
// start some seconds.
let started = Date.now();
try {
  await buildSnapshot();
  console.log(`Prepared an empty embedded PostgreSQL for a quick first start (${Date.now() - started} ms): ${SNAPSHOT}`);
  started = Date.now();
  // The server's own start on that database: migrations, then the demo (defaults, no other setting).
  await buildDemoSnapshot(async (embedded) => {
    const database = await openDatabase(loadConfig({}), undefined, undefined, Promise.resolve(embedded));
    await database.close();
  });
  console.log(`Prepared the demo database for a first start today (${Date.now() - started} ms): ${DEMO_SNAPSHOT}`);
} catch (error) {
  console.warn(`Could not prepare the embedded PostgreSQL snapshots (the first start will build its database itself): ${(error as Error).message}`);
}
