import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { EventDispatcher } from '../modules/subscriptions/event-dispatcher.js';
import { PostgresEventListener } from '../modules/subscriptions/event-listener.js';
import { bearerToken, verifyToken } from '../shared/auth.js';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { openDatabase, type Database } from './database.js';
import { formatError } from './errors.js';
import { createSchema } from './schema.js';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  dispatcher: EventDispatcher;
  /** Listens for other instances' events (PostgreSQL only; embedded mode is one process). */
  listener: PostgresEventListener | null;
  /** Stops taking work, lets in-flight requests finish, closes sockets, then the database. */
  stop(): Promise<void>;
}

/** graphql-ws closes with 4401 for "Unauthorized"; an expired token is exactly that. */
const CLOSE_TOKEN_EXPIRED = 4401;

/** The token from HTTP `Authorization` or from graphql-ws `connectionParams.authorization`. */
function tokenFromParams(params: Record<string, unknown> | undefined): string | null {
  return bearerToken(params?.authorization ?? params?.Authorization);
}

export async function startServer(config: Config, options: { onQuery?: (sql: string) => void } = {}): Promise<RunningServer> {
  const database = await openDatabase(config, options.onQuery ?? (config.logQueries ? (sql) => console.log(`[sql] ${sql}`) : undefined));
  const { orm } = database;
  const schema = await createSchema();
  const dispatcher = new EventDispatcher(orm);
  await dispatcher.start();
  database.eventOrder.onCommit(() => dispatcher.wake());
  const listener = database.embedded ? null : new PostgresEventListener(database.url, (upTo) => dispatcher.wake(upTo), (m) => console.error(m));
  await listener?.start();
  const app = express();
  const httpServer: Server = createServer(app);
  let stopping = false;

  // One port and path for HTTP and WebSocket: graphql-ws answers upgrades on /graphql.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { token?: string; expiry?: NodeJS.Timeout }>(
    {
      schema,
      // No token or a bad one: refused at connection time (4403). An expired token closes the socket (4401).
      onConnect: (ctx) => {
        const token = tokenFromParams(ctx.connectionParams);
        const claims = token ? verifyToken(config.tokenSecret, token) : null;
        if (!claims) return false;
        ctx.extra.token = token!;
        const socket = ctx.extra.socket;
        ctx.extra.expiry = setTimeout(() => socket.close(CLOSE_TOKEN_EXPIRED, 'Token expired: sign in again'), Math.max(0, claims.exp * 1000 - Date.now()));
        socket.once('close', () => clearTimeout(ctx.extra.expiry));
        return true;
      },
      context: async (ctx): Promise<Context> => {
        const context = await createContext(orm, config, ctx.extra.token ?? null);
        const socket = ctx.extra.socket;
        context.live = {
          orm,
          dispatcher,
          bufferedBytes: () => socket.bufferedAmount,
          close: (code, reason) => socket.close(code, reason),
          limits: { replay: config.subscriptionReplayLimit, queue: config.subscriptionMaxQueue },
        };
        return context;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: config.development,
    introspection: true,
    // main.ts owns the signals: Apollo's own handler would stop again and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: formatError(config.development),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      { serverWillStart: async () => ({ drainServer: async () => void (await wsCleanup.dispose()) }) },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (stopping) return void res.status(503).json({ status: 'stopping' });
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(orm, config, bearerToken(req.headers.authorization)) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    database,
    dispatcher,
    listener,
    stop() {
      stopping = true;
      stopped ??= (async () => {
        await apollo.stop();
        await listener?.stop();
        await dispatcher.idle();
        await database.close();
      })();
      return stopped;
    },
  };
}
