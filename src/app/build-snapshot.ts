import { SNAPSHOT, buildSnapshot } from './embedded-postgres.js';

// Run by `npm install` (postinstall): see SNAPSHOT. A failure only costs the first start some seconds.
const started = Date.now();
try {
  await buildSnapshot();
  console.log(`Prepared an empty embedded PostgreSQL for a quick first start (${Date.now() - started} ms): ${SNAPSHOT}`);
} catch (error) {
  console.warn(`Could not prepare the embedded PostgreSQL snapshot (the first start will initialise one): ${(error as Error).message}`);
}
