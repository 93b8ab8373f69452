import Negotiator from 'negotiator';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from '../shared/context.js';
import { RecentlyUsed } from '../shared/recently-used.js';
import type { CompiledQueries } from './compiled-queries.js';
import type { Config } from './config.js';
import { explainRejectedToken, formatError } from './errors.js';
import { checkOperation, limitRules, tellCost } from './operation-limits.js';

/** How many distinct operation texts are kept parsed and validated. */
const OPERATIONS_KEPT = 500;

/** Parse and validation errors coded as Apollo codes them over HTTP; our own coded ones keep their code (see formatError). */
const withCode = (errors: readonly GraphQLError[], code: string) =>
  errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, originalError: error, extensions: { ...error.extensions, code } }));

/** Documents by operation text, or the errors that refuse the text. */
export type OperationDocuments = RecentlyUsed<string, DocumentNode | readonly GraphQLError[]>;

/**
 * Clients send the same few operations, over HTTP and WebSocket: each text is parsed and validated
 * (with the limits' rules) once, and its document shared, which also keeps a WebSocket connection's
 * memory small.
 */
export function operationDocuments(schema: GraphQLSchema, config: Pick<Config, 'limits' | 'introspection'>): OperationDocuments {
  const rules = [...specifiedRules, ...limitRules(config)];
  return new RecentlyUsed(OPERATIONS_KEPT, (query) => {
    let document;
    try {
      document = parse(query, { maxTokens: config.limits.maxTokens });
    } catch (error) {
      return withCode([error as GraphQLError], 'GRAPHQL_PARSE_FAILED');
    }
    const errors = validate(schema, document, rules);
    return errors.length ? withCode(errors, 'GRAPHQL_VALIDATION_FAILED') : document;
  });
}

/** An answer's errors and extensions, as the client will see them. */
export interface SingleResult {
  errors?: GraphQLFormattedError[];
  data?: Record<string, unknown> | null;
  extensions?: Record<string, unknown>;
}

/** A GraphQL answer ready to write. */
export interface DirectAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

export interface DirectExecutionOptions {
  schema: GraphQLSchema;
  config: Pick<Config, 'limits' | 'introspection' | 'development'>;
  /** Runs the operations: a query compiled once clients have sent it a few times. */
  queries: CompiledQueries;
  /** The documents Apollo's pipeline would validate (see operationDocuments). */
  operations: OperationDocuments;
  /** False once the server is stopping: Apollo then answers, as it knows when it can no longer run operations. */
  accepting?: () => boolean;
}

/** A request that runs the operation `query` (see directExecution): what Apollo reads from a POST body. */
interface PlainRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

/** The content types of a single result, in Apollo's order of preference. */
const JSON_TYPE = 'application/json; charset=utf-8';
const RESULT_TYPES = [JSON_TYPE, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];
/** Distinct Accept headers whose content type is kept: clients send a handful. */
const ACCEPTS_KEPT = 64;
const REQUEST_KEYS: ReadonlySet<string> = new Set(['query', 'variables', 'operationName', 'extensions']);

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The request if `body` is a plain one, else null: anything unusual is for Apollo to answer or refuse. */
function plainRequest(body: unknown): PlainRequest | null {
  if (!isRecord(body)) return null;
  for (const key in body) if (!REQUEST_KEYS.has(key)) return null;
  const { query, variables, operationName, extensions } = body;
  if (typeof query !== 'string' || !query) return null;
  if (variables != null && !isRecord(variables)) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  // A persisted query is Apollo's to look up or register.
  if (extensions != null && (!isRecord(extensions) || 'persistedQuery' in extensions)) return null;
  return { query, variables: variables ?? undefined, operationName: operationName ?? undefined };
}

/** Apollo's status and headers from an error's `extensions.http`. */
interface HttpHead {
  status?: number;
  headers: Map<string, string>;
}

/** Apollo's ensureGraphQLError: what was thrown, as a GraphQL error. */
const asGraphqlError = (thrown: unknown) =>
  thrown instanceof GraphQLError
    ? thrown
    : thrown instanceof Error
      ? new GraphQLError(thrown.message, { originalError: thrown })
      : new GraphQLError(`Unexpected error value: ${String(thrown)}`);

const isHttpHead = (value: unknown): value is Partial<HttpHead> =>
  isRecord(value) && (!('status' in value) || typeof value.status === 'number') && (!('headers' in value) || value.headers instanceof Map);

/**
 * Runs a plain GraphQL POST without Apollo's request pipeline, and answers exactly as Apollo would:
 * the same validated document (cached by its text), the same limits (checkOperation), the same
 * answers (a query clients repeat runs compiled, see compiled-queries.ts), the same formatted
 * errors with their HTTP status, what our plugins add, the same content type for the Accept header. Apollo's pipeline costs about a quarter of the CPU of a small
 * request: its hooks, a SHA-256 of the text to find the document, content negotiation each time.
 *
 * Anything else resolves to null before the operation runs, and Apollo answers it: bodies Apollo
 * refuses or reads otherwise (persisted queries), documents that do not parse or validate, an
 * operation that cannot be chosen or is a subscription, an Accept header it would refuse, a context
 * that cannot be made, an operation the limits refuse. So refusals keep Apollo's exact wording.
 */
export function directExecution(options: DirectExecutionOptions) {
  const { schema, config, operations, queries, accepting = () => true } = options;
  const includeStacktrace = config.development;
  const format = formatError(config.development);
  const contentTypes = new RecentlyUsed<string, string | null>(ACCEPTS_KEPT, (accept) => new Negotiator({ headers: { accept } }).mediaType(RESULT_TYPES) ?? null);

  /** An error as Apollo formats it (normalizeAndFormatErrors), its `extensions.http` taken into `head`. */
  const enrich = (error: GraphQLError, head: HttpHead): GraphQLFormattedError => {
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    if (isHttpHead(extensions.http)) {
      if (extensions.http.status) head.status = extensions.http.status;
      for (const [name, value] of extensions.http.headers ?? []) head.headers.set(name, value);
      delete extensions.http;
    }
    if (includeStacktrace) extensions.stacktrace = error.stack?.split('\n');
    return { ...error.toJSON(), extensions };
  };
  const formatErrors = (errors: readonly GraphQLError[], head: HttpHead) =>
    errors.map((error) => {
      try {
        return format(enrich(error, head), error);
      } catch (formattingError) {
        if (includeStacktrace) return enrich(asGraphqlError(formattingError), head);
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
    });

  /** The answer to `body`, or null for Apollo to answer. `context` makes the request's context once, for both. */
  return async (body: unknown, accept: string | undefined, context: () => Promise<Context>): Promise<DirectAnswer | null> => {
    const request = plainRequest(body);
    if (!request) return null;
    const contentType = accept ? contentTypes.get(accept) : JSON_TYPE;
    if (!contentType) return null;
    if (!accepting()) return null;
    const document = operations.get(request.query);
    if (!('kind' in document)) return null;
    const operation = getOperationAST(document, request.operationName);
    if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return null;
    let contextValue: Context;
    let cost: number;
    try {
      contextValue = await context();
      cost = checkOperation(schema, config, { document, variables: request.variables, operationName: request.operationName, viewer: contextValue.viewer });
    } catch {
      return null;
    }

    const head: HttpHead = { headers: new Map([['content-type', contentType]]) };
    const result: SingleResult = {};
    try {
      const executed = await queries.execute({ document, operation, contextValue, variableValues: request.variables });
      // checkOperation coerced the variables, so none of these is Apollo's BAD_USER_INPUT for a variable.
      if (executed.errors) result.errors = formatErrors(executed.errors, head);
      result.data = executed.data;
      if (executed.extensions) result.extensions = executed.extensions;
      // Apollo's status400ForVariableCoercionErrors: errors and no data at all.
      if (result.errors?.length && result.data === undefined && !head.status) head.status = 400;
    } catch (error) {
      result.errors = formatErrors([asGraphqlError(error)], head);
      head.status ??= 500;
    }
    // What the plugins add to every answer (operationLimitsPlugin, invalidTokenPlugin).
    tellCost(result, cost, config.limits);
    explainRejectedToken(result, contextValue);
    return { status: head.status ?? 200, headers: head.headers, body: JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions }) };
  };
}
