import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './app/config.js';
import { startEmbeddedPostgres } from './app/embedded-postgres.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}

// Libraries (Express among them) read NODE_ENV: it follows the configuration, production by default.
process.env.NODE_ENV = config.nodeEnv;

const started = Date.now();
// The embedded database starts while the rest of the server's code loads.
if (!config.databaseUrl) console.log(`Starting the embedded PostgreSQL (PGlite) in ${config.dataDir}…`);
const embedded = config.databaseUrl ? undefined : startEmbeddedPostgres(config.dataDir, config.dbPoolSize + 1, { demo: config.seedDemo });
embedded?.catch(() => {}); // awaited (and reported) by startServer
const { startServer } = await import('./app/server.js');
const server = await startServer(config, { progress: (step) => console.log(step), embedded }).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`GraphQL API ready at ${server.url} (WebSocket: ${server.url.replace(/^http/, 'ws')}) in ${Date.now() - started} ms`);
console.log(`Database: ${server.database.description}`);
if (config.tokenSecretGenerated) console.log('TOKEN_SECRET is not set: tokens are signed with a random key and end when the server stops.');

// `on`, not `once`: a second signal while draining must not fall through to the default (kill).
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests, then stopping.`);
    await server.stop();
    console.log('Stopped.');
    process.exit(0);
  });
}
