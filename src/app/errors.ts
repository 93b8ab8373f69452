import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import pg from 'pg';
import { UserErrors } from '../shared/user-errors.js';
import type { Context } from '../shared/context.js';
import { LIMIT_CODE } from './operation-limits.js';

/** Codes a client may see as they are; anything else is reported as INTERNAL. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  LIMIT_CODE,
  'TIMEOUT',
  'TOO_MANY_OPERATIONS',
]);

/** Validation wraps our own coded errors (limits, control characters) as GRAPHQL_VALIDATION_FAILED: keep their code. */
function ownCode(error: unknown): string | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  return typeof code === 'string' && PUBLIC_CODES.has(code) ? code : undefined;
}

/** "Did you mean …?" names fields and types a client may not know of: only development gets them. */
const withoutSuggestions = (message: string) => message.replace(/ Did you mean .*\?$/, '');

/** SQLSTATE of a statement PostgreSQL cancelled, here because it ran past `statement_timeout`. */
const QUERY_CANCELED = '57014';

/** The parser's own token limit (MAX_TOKENS) speaks of tokens: give it the limits' code. */
const TOKEN_LIMIT = /Document contains more th(?:an|at) \d+ tokens/;

/**
 * One place that decides what a client sees of an error, over HTTP and WebSocket: coded errors pass
 * through; a user error raised by a query becomes BAD_USER_INPUT with its details; the unexpected
 * become INTERNAL with no detail (outside development) and are logged here without user values.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { http: _, ...extensions } = formatted.extensions ?? {};
    const message = development ? formatted.message : withoutSuggestions(formatted.message);
    let code = ownCode(error) ?? extensions.code;
    if (code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(message)) {
      Object.assign(extensions, { limit: 'tokens', setting: 'MAX_TOKENS' });
      code = LIMIT_CODE;
    }
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) return { ...formatted, message, extensions: { ...extensions, code } };
    const original = unwrapResolverError(error);
    if (original instanceof UserErrors) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT', userErrors: original.errors } };
    }
    if (sqlState(original) === QUERY_CANCELED) {
      return { message: 'The request took too long and was stopped (REQUEST_TIMEOUT_MS).', locations: formatted.locations, path: formatted.path, extensions: { code: 'TIMEOUT' } };
    }
    console.error('Unexpected error:', describeForLog(original));
    if (development) return { ...formatted, extensions: { ...extensions, code: 'INTERNAL' } };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL' } };
  };
}

/** The SQLSTATE of a database error, whether MikroORM converted it or it came straight from pg. */
function sqlState(error: unknown): string | undefined {
  if (error instanceof DriverException || error instanceof pg.DatabaseError) return error.code ?? 'unknown';
  return undefined;
}

/**
 * What the log keeps of an unexpected error. A database error's message quotes the statement with
 * the values a user sent, so only its class, SQLSTATE and stack frames are kept.
 */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  const state = sqlState(error);
  if (state) return `${error.name} (SQLSTATE ${state})\n${frames}`;
  return `${error.name}: ${error.message}\n${frames}`;
}

/** The message of UNAUTHENTICATED when a token was sent but is not (or no longer) valid. */
export const INVALID_TOKEN_MESSAGE = 'Token invalid or expired: sign in again with the login mutation.';

/** When the request's token was refused, its UNAUTHENTICATED errors say so. */
export function explainRejectedToken(result: { errors?: readonly GraphQLFormattedError[] }, context: Pick<Context, 'tokenRejected'>): void {
  if (!context.tokenRejected || !result.errors) return;
  result.errors = result.errors.map((error) => (error.extensions?.code === 'UNAUTHENTICATED' ? { ...error, message: INVALID_TOKEN_MESSAGE } : error));
}

/**
 * A request that sent a token the server does not accept (expired, ended, signed with another
 * TOKEN_SECRET) is told so, rather than "Sign in first".
 */
export function invalidTokenPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind === 'single') explainRejectedToken(response.body.singleResult, contextValue);
        },
      };
    },
  };
}
