import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import cors from 'cors';
import helmet from 'helmet';
import proxyAddress from 'proxy-addr';
import { WebSocketServer } from 'ws';
import { EventDispatcher } from '../modules/subscriptions/event-dispatcher.js';
import { SharedExecution } from '../modules/subscriptions/shared-execution.js';
import { canExport, isExport, writeExport } from '../modules/exports/exports.js';
import { CONTENT_TYPES } from '../modules/exports/export-table.js';
import { DownloadRefused, REPORT_CONTENT_TYPES, reportDownload } from '../modules/operations-report/report-download.js';
import { bearerToken, verifyToken, type Viewer } from '../shared/auth.js';
import { PostgresListener } from '../shared/postgres-listener.js';
import type { Config } from './config.js';
import type { Context } from '../shared/context.js';
import { createContext, viewerFromToken, type ViewerSource } from './context.js';
import { openDatabase, type Database } from './database.js';
import type { EmbeddedPostgres } from './embedded-postgres.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../seeds/demo.seeder.js';
import { describeForLog, formatError, invalidTokenPlugin } from './errors.js';
import { compiledQueries, type CompiledQueries } from './compiled-queries.js';
import { directExecution, operationDocuments } from './graphql-execution.js';
import { explorer } from './explorer.js';
import { InFlight } from './in-flight.js';
import { directGraphql, errorBody, failureOf, fixedHeaders, queryTooLong } from './graphql-http.js';
import { checkOperation, limitError, limitRules, operationLimitsPlugin } from './operation-limits.js';
import { createSchema } from './schema.js';
import { CloseCodes, SocketSessions } from './socket-sessions.js';
import { ViewerCache } from './viewer-cache.js';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  dispatcher: EventDispatcher;
  /** The executable schema the server answers with. */
  schema: GraphQLSchema;
  /** Runs the operations of plain HTTP requests, compiling the queries clients send again (see compiled-queries.ts). */
  queries: CompiledQueries;
  /** Executes each live event once per group of subscribers that may share its result. */
  sharing: SharedExecution;
  /** Listens for the events and the changes of viewers that instances commit (PostgreSQL only; embedded mode is one process). */
  listener: PostgresListener | null;
  /** The viewers this instance keeps (PostgreSQL only: it needs the listener). */
  viewers: ViewerCache | null;
  /** Stops taking work, lets in-flight requests finish, closes sockets, then the database. */
  stop(): Promise<void>;
}

/** What the server keeps per WebSocket connection. */
type SocketState = {
  token?: string;
  viewer?: Viewer;
  clientAddress?: string | null;
  /** Events this connection's resuming subscriptions have replayed so far (bounded by WS_MAX_REPLAY). */
  replayed?: number;
  expiry?: NodeJS.Timeout;
};

/** CORS: the configured origins; an origin given without a port allows it on any port (local development). */
function allowedOrigin(origins: string[] | '*') {
  const allows = (origin: string) =>
    origins === '*' || origins.some((allowed) => origin === allowed || (origin.startsWith(`${allowed}:`) && /^\d+$/.test(origin.slice(allowed.length + 1))));
  return (origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) => callback(null, !!origin && allows(origin));
}

/** The token from HTTP `Authorization` or from graphql-ws `connectionParams.authorization`. */
function tokenFromParams(params: Record<string, unknown> | undefined): string | null {
  return bearerToken(params?.authorization ?? params?.Authorization);
}

export async function startServer(
  config: Config,
  options: { onQuery?: (sql: string) => void; progress?: (step: string) => void; embedded?: Promise<EmbeddedPostgres> } = {},
): Promise<RunningServer> {
  const onQuery = options.onQuery ?? (config.logQueries ? (sql: string) => console.log(`[sql] ${sql}`) : undefined);
  const database = await openDatabase(config, onQuery, options.progress, options.embedded);
  const { orm } = database;
  const schema = await createSchema();
  const dispatcher = new EventDispatcher(orm);
  await dispatcher.start();
  const sharing = new SharedExecution(schema);
  database.eventOrder.onCommit(() => dispatcher.wake());
  const sessions = new SocketSessions(orm, config.sockets.maxSocketsPerPerson, config.sockets.sessionCheckMs);
  const cache = database.embedded ? null : new ViewerCache();
  const listener = database.embedded
    ? null
    : new PostgresListener(
      database.url,
      ['lifecycle_events', 'viewer_changes'],
      {
        notification: (channel, payload) => {
          if (channel === 'lifecycle_events') return dispatcher.wake(payload ? Number(payload) : undefined);
          cache!.changed(payload);
          sessions.changed(payload);
        },
        // Anything committed while this instance was not listening is read now; viewers are kept only while it listens.
        listening: () => {
          cache!.setListening(true);
          dispatcher.wake();
          void sessions.check();
        },
        deaf: () => cache!.setListening(false),
      },
      (m) => console.error(m),
    );
  await listener?.start();
  const viewers: ViewerSource = { secret: config.tokenSecret, cache, heard: listener ? () => listener.heard() : undefined };
  const app = express();
  // No ETag: answers to POSTed operations are never revalidated, and hashing each body cost a few percent of a request's CPU.
  app.set('etag', false);
  // POST /graphql with a JSON body skips Express once Apollo has started (see directGraphql).
  let direct: ((req: IncomingMessage, res: ServerResponse) => boolean) | null = null;
  const httpServer: Server = createServer((req, res) => {
    if (!direct?.(req, res)) app(req, res);
  });
  let stopping = false;
  const inFlight = new InFlight();

  const format = formatError(config.development);
  const formatErrors = (errors: readonly GraphQLError[]) => errors.map((error) => format(error.toJSON(), error));
  const trustProxy = (_address: string, hop: number) => hop < config.trustProxy;
  const operations = operationDocuments(schema, config);
  const queries = compiledQueries(schema, { after: config.compileQueriesAfter });

  // One port and path for HTTP and WebSocket: graphql-ws answers upgrades on /graphql.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.limits.maxBodyBytes });
  // Before graphql-ws's own handler: every message a socket sends gets its shared payload (see SharedExecution.replacer).
  wsServer.on('connection', (socket) => {
    const send = socket.send.bind(socket);
    socket.send = ((data: unknown, ...rest: unknown[]) => (send as (...args: unknown[]) => void)(typeof data === 'string' ? sharing.framed(data) : data, ...rest)) as typeof socket.send;
  });
  const wsCleanup = useServer<Record<string, unknown>, SocketState>(
    {
      schema,
      subscribe: sharing.subscribe,
      // No token or a bad one: closed at once with 4401, which graphql-ws clients do not retry. A session that ends closes the socket (4401).
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const token = tokenFromParams(ctx.connectionParams);
        const viewer = token ? await viewerFromToken(orm.em.fork(), viewers, token) : null;
        const claims = viewer && verifyToken(config.tokenSecret, token!);
        if (!viewer || !claims) {
          socket.close(CloseCodes.SESSION_ENDED, token ? 'Token invalid or expired: sign in again' : 'Sign in first: send connectionParams.authorization');
          return false;
        }
        const remove = sessions.add(viewer, (code, reason) => socket.close(code, reason));
        if (!remove) {
          socket.close(CloseCodes.TOO_MANY_CONNECTIONS, `Too many connections: at most ${config.sockets.maxSocketsPerPerson} per person`);
          return false;
        }
        // The client may have gone while its session was read: then there is nothing to keep.
        if (socket.readyState !== socket.OPEN) {
          remove();
          return false;
        }
        Object.assign(ctx.extra, { token, viewer, replayed: 0, clientAddress: proxyAddress(ctx.extra.request, trustProxy) });
        // The upgrade request is needed no more: a long-lived connection should not keep its headers.
        Reflect.deleteProperty(ctx.extra, 'request');
        ctx.extra.expiry = setTimeout(() => socket.close(CloseCodes.SESSION_ENDED, 'Token expired: sign in again'), Math.max(0, claims.exp * 1000 - Date.now()));
        socket.once('close', () => {
          clearTimeout(ctx.extra.expiry);
          remove();
        });
        return true;
      },
      // Every operation passes the same limits as over HTTP, and a socket carries a bounded number at once.
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        if (Object.keys(ctx.subscriptions).length > config.sockets.maxOperationsPerSocket) {
          return [new GraphQLError(`Too many operations on one connection: at most ${config.sockets.maxOperationsPerSocket} at once (WS_MAX_OPERATIONS).`, { extensions: { code: 'TOO_MANY_OPERATIONS' } })];
        }
        if (payload.query.length > config.limits.maxQueryLength) {
          return [limitError('queryLength', 'MAX_QUERY_LENGTH', `The operation is ${payload.query.length} characters long; the limit is ${config.limits.maxQueryLength}.`)];
        }
        const document = operations.get(payload.query);
        if (!('kind' in document)) return document;
        try {
          checkOperation(schema, config, { document, variables: payload.variables, operationName: payload.operationName, viewer: ctx.extra.viewer ?? null });
        } catch (error) {
          return [error as GraphQLError];
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
      // A result without errors goes out as it is: shared by a group of subscribers, it is serialised once.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors) } : result),
      jsonMessageReplacer: sharing.replacer,
      context: async (ctx): Promise<Context> => {
        const context = await createContext(orm, config, viewers, ctx.extra.token ?? null, ctx.extra.clientAddress ?? null);
        const socket = ctx.extra.socket;
        const state = ctx.extra;
        context.live = {
          orm,
          dispatcher,
          bufferedBytes: () => socket.bufferedAmount,
          close: (code, reason) => socket.close(code, reason),
          limits: { replay: config.subscriptionReplayLimit, queue: config.subscriptionMaxQueue },
          reserveReplay(events) {
            const replayed = (state.replayed ?? 0) + events;
            if (replayed > config.sockets.maxReplayPerSocket) return false;
            state.replayed = replayed;
            return true;
          },
        };
        return context;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: config.development,
    // Introspection is governed by the INTROSPECTION setting, in limitRules and checkOperation, for HTTP and WebSocket alike.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !config.development,
    validationRules: limitRules(config),
    parseOptions: { maxTokens: config.limits.maxTokens },
    // The answer's JSON text alone: Apollo's default appends a newline, which makes a second string
    // that is copied whole again when the answer is measured and written.
    stringifyResult: (result) => JSON.stringify(result),
    // Bearer tokens are the only credentials (no cookies), so a cross-site page cannot act as anyone. A
    // GET query is accepted when it carries Authorization or a preflight header: a browser must ask first.
    csrfPrevention: { requestHeaders: ['authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'] },
    // main.ts owns the signals: Apollo's own handler would stop again and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: formatError(config.development),
    plugins: [
      operationLimitsPlugin(schema, config),
      // graphql-js would run a subscription's field once with no event (and fail inside it): refused, pointing to WebSocket.
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              if (operation?.operation !== 'subscription') return;
              throw new GraphQLError('Subscriptions are served over WebSocket (graphql-transport-ws) at this path, not over HTTP.', {
                extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
              });
            },
          };
        },
      },
      invalidTokenPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      ...(config.development ? [] : [ApolloServerPluginLandingPageDisabled()]),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      { serverWillStart: async () => ({ drainServer: async () => void (await wsCleanup.dispose()) }) },
      {
        async requestDidStart() {
          const finish = inFlight.start();
          return { willSendResponse: async () => finish() };
        },
      },
    ],
  });
  await apollo.start();

  app.set('env', config.nodeEnv);
  app.set('trust proxy', trustProxy);
  app.disable('x-powered-by');
  const securityHeaders = helmet();
  app.use(securityHeaders);

  const corsPolicy = cors({ origin: allowedOrigin(config.corsOrigins), maxAge: 600 });
  const graphqlContext = (req: IncomingMessage) =>
    createContext(orm, config, viewers, bearerToken(req.headers.authorization), proxyAddress(req, trustProxy) ?? null, { deadline: true });
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
    corsPolicy,
    ...(config.explorer ? [explorer(config.seedDemo ? DEMO_LOGINS : [], config.seedDemo ? DEMO_PASSWORD : null)] : []),
    express.json({ limit: config.limits.maxBodyBytes }),
    (req, res, next) => {
      const tooLong = queryTooLong({ query: req.body?.query ?? req.query?.query }, config.limits.maxQueryLength);
      if (tooLong) return void res.status(tooLong.status).json(tooLong.body);
      next();
    },
    expressMiddleware(apollo, { context: async ({ req }) => graphqlContext(req) }),
  );
  // Once stopping, Apollo answers: it knows when it can no longer run operations.
  const executeDirectly = directExecution({ schema, config, operations, queries, accepting: () => !stopping });
  direct = directGraphql({
    apollo,
    headers: fixedHeaders(securityHeaders),
    cors: corsPolicy,
    maxBodyBytes: config.limits.maxBodyBytes,
    maxQueryLength: config.limits.maxQueryLength,
    context: graphqlContext,
    execute: (body, accept, context) => inFlight.track(() => executeDirectly(body, accept, context)),
    log: (error) => console.error('Unexpected HTTP error:', describeForLog(error)),
  });
  // Exports (CSV, .xlsx) with the same bearer token as the API: `/exports/projects?format=xlsx&headers=zh`.
  app.get('/exports/:name', corsPolicy, async (req, res) => {
    const name = req.params.name;
    const format = req.query.format ?? 'csv';
    const headers = req.query.headers ?? 'en';
    if (!isExport(name)) return void res.status(404).json(errorBody(`No export is called ${name}: try /exports/projects.`, 'NOT_FOUND'));
    if ((format !== 'csv' && format !== 'xlsx') || (headers !== 'en' && headers !== 'zh')) {
      return void res.status(400).json(errorBody('Ask for format=csv or format=xlsx, and headers=en or headers=zh.', 'BAD_USER_INPUT'));
    }
    const ctx = await createContext(orm, config, viewers, bearerToken(req.headers.authorization), req.ip ?? null);
    if (!ctx.viewer) {
      const message = ctx.tokenRejected ? 'Token invalid or expired: sign in again.' : 'Sign in first: send Authorization: Bearer <token>.';
      return void res.status(401).json(errorBody(message, 'UNAUTHENTICATED'));
    }
    if (!canExport(ctx.viewer)) return void res.status(403).json(errorBody('Exports are for staff: you are not allowed to export.', 'FORBIDDEN'));
    res.status(200).type(CONTENT_TYPES[format]).setHeader('content-disposition', `attachment; filename="${name}.${format}"`);
    try {
      await writeExport(ctx, name, format, headers, res);
    } catch (error) {
      console.error(`export ${name} failed: ${describeForLog(error)}`);
      // Part of the file may have gone: the client must see a broken download, not a short one.
      res.destroy(error as Error);
    }
  });
  // Operations reports as Word documents and web pages, same token: `/operations-reports/<issued id>.docx`, `/operations-reports/draft.html?parkId=…&year=2022`.
  app.get('/operations-reports/:file', corsPolicy, async (req, res) => {
    const match = /^(.+)\.(docx|html)$/.exec(req.params.file);
    if (!match) return void res.status(404).json(errorBody('Ask for /operations-reports/<issued report ID>.docx or .html, or draft.docx / draft.html with the scope in the query.', 'NOT_FOUND'));
    const [, name, format] = match as unknown as [string, string, 'docx' | 'html'];
    const ctx = await createContext(orm, config, viewers, bearerToken(req.headers.authorization), req.ip ?? null);
    if (!ctx.viewer) {
      const message = ctx.tokenRejected ? 'Token invalid or expired: sign in again.' : 'Sign in first: send Authorization: Bearer <token>.';
      return void res.status(401).json(errorBody(message, 'UNAUTHENTICATED'));
    }
    try {
      const body = await reportDownload(ctx, name, format, req.query as Record<string, unknown>);
      res.status(200).type(REPORT_CONTENT_TYPES[format]);
      // The page is a document: nothing in it runs, loads or submits.
      if (format === 'html') res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      else res.setHeader('content-disposition', `attachment; filename="operations-report.${format}"`);
      res.send(body);
    } catch (error) {
      if (error instanceof DownloadRefused) return void res.status(error.status).json(errorBody(error.message, error.code));
      console.error(`operations report ${name} failed: ${describeForLog(error)}`);
      res.status(500).json(errorBody('Internal server error', 'INTERNAL'));
    }
  });
  app.use((_req, res) => void res.status(404).json(errorBody('Not found: the API is at /graphql.', 'NOT_FOUND')));
  // Body-parser and other failures before GraphQL: a JSON error, never Express's HTML page with its stack trace.
  const httpErrors: ErrorRequestHandler = (error, _req, res, _next) => {
    const failure = failureOf(error, config.limits.maxBodyBytes);
    if (failure.status >= 500) console.error('Unexpected HTTP error:', describeForLog(error));
    res.status(failure.status).json(failure.body);
  };
  app.use(httpErrors);

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
    schema,
    queries,
    sharing,
    listener,
    viewers: cache,
    stop() {
      stopping = true;
      stopped ??= (async () => {
        sessions.stop();
        await apollo.stop();
        // Operations whose clients went away are still running: the database closes after them.
        if (!(await inFlight.idle(config.shutdownTimeoutMs))) console.error(`Operations still running after SHUTDOWN_TIMEOUT_MS (${config.shutdownTimeoutMs} ms): closing the database under them.`);
        await listener?.stop();
        await dispatcher.idle();
        await database.close();
      })();
      return stopped;
    },
  };
}
