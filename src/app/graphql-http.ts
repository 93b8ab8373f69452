import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Context } from '../shared/context.js';
import type { DirectAnswer } from './graphql-execution.js';

/**
 * A failure before GraphQL runs: its status and the JSON body the client gets (see failureOf). Both
 * the Express stack and the direct path below answer with these.
 */
export interface HttpFailure {
  status: number;
  body: { errors: { message: string; extensions: Record<string, unknown> }[] };
}

/** A JSON GraphQL error body for failures before GraphQL runs (malformed or oversized bodies, unknown paths). */
export function errorBody(message: string, code: string, extra: Record<string, unknown> = {}): HttpFailure['body'] {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

/** What the client is told of a failure reading a request (body-parser's errors, and the direct path's own). */
export function failureOf(error: { status?: unknown; type?: unknown } | undefined, maxBodyBytes: number): HttpFailure {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 413) {
    return { status, body: errorBody(`The request body is larger than ${maxBodyBytes} bytes (MAX_BODY_BYTES).`, 'OPERATION_LIMIT_EXCEEDED', { limit: 'bodySize', setting: 'MAX_BODY_BYTES' }) };
  }
  if (status < 500) return { status, body: errorBody(error?.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : 'The request could not be read.', 'BAD_REQUEST') };
  return { status, body: errorBody('Internal server error', 'INTERNAL') };
}

/** The refusal of an operation text longer than MAX_QUERY_LENGTH, or null. */
export function queryTooLong(body: unknown, maxQueryLength: number): HttpFailure | null {
  const query: unknown = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string' || query.length <= maxQueryLength) return null;
  const message = `The operation is ${query.length} characters long; the limit is ${maxQueryLength}.`;
  return { status: 400, body: errorBody(message, 'OPERATION_LIMIT_EXCEEDED', { limit: 'queryLength', setting: 'MAX_QUERY_LENGTH' }) };
}

/** The headers a connect-style middleware that only sets fixed headers (helmet's defaults) sets on every response. */
export function fixedHeaders(middleware: RequestHandler): [string, string | number | readonly string[]][] {
  const headers: [string, string | number | readonly string[]][] = [];
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.push([name, value]),
    removeHeader: () => undefined,
  };
  let called = false;
  middleware({} as never, response as never, () => void (called = true));
  if (!called) throw new Error('The security headers middleware did not finish at once: it cannot be applied as fixed headers.');
  return headers;
}

export interface DirectGraphqlOptions {
  apollo: ApolloServer<Context>;
  /** Headers every answer carries (the security headers, as the Express stack sets them). */
  headers: [string, string | number | readonly string[]][];
  /** CORS, the same policy as the Express stack's. */
  cors: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  maxBodyBytes: number;
  maxQueryLength: number;
  context: (req: IncomingMessage) => Promise<Context>;
  /** Answers a plain operation without Apollo's pipeline (see directExecution), or resolves to null for Apollo to answer. */
  execute?: (body: unknown, accept: string | undefined, context: () => Promise<Context>) => Promise<DirectAnswer | null>;
  /** Logs an unexpected failure. */
  log: (error: unknown) => void;
}

/** `application/json`, optionally with a UTF-8 charset: what every GraphQL client sends. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
/** body-parser's strict mode: a JSON body is an object or an array. */
const STRICT_JSON_START = /^[\x20\x09\x0a\x0d]*[[{]/;

/**
 * `POST /graphql` with a plain JSON body, answered without Express: the request an API client sends
 * on every call. Express's router, body-parser and response helpers cost about a twentieth of the
 * CPU of a page of fifty projects; here the body is read and parsed once, the security and CORS
 * headers are those the Express stack sets, and failures get the same coded JSON answers. Anything
 * else (other paths and methods, preflights, compressed or non-JSON bodies) goes to Express; this
 * returns false for it.
 */
export function directGraphql(options: DirectGraphqlOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { apollo, headers, cors, maxBodyBytes, maxQueryLength, context, execute, log } = options;

  const fail = (res: ServerResponse, failure: HttpFailure) => {
    if (res.headersSent) return void res.destroy();
    res.statusCode = failure.status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(failure.body));
  };

  /** Written as one buffer, its length known: a string would be joined to the header text and copied again to be written. */
  const write = (res: ServerResponse, status: number, text: string) => {
    const buffer = Buffer.from(text);
    res.statusCode = status;
    res.setHeader('content-length', buffer.length);
    res.end(buffer);
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    const tooLong = queryTooLong(body, maxQueryLength);
    if (tooLong) return fail(res, tooLong);
    let contextValue: Promise<Context> | undefined;
    const contextOnce = () => (contextValue ??= context(req));
    const direct = await execute?.(body, req.headers.accept, contextOnce);
    if (direct) {
      for (const [name, value] of direct.headers) res.setHeader(name, value);
      return write(res, direct.status, direct.body);
    }
    const requestHeaders = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) requestHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: requestHeaders, search: '', body },
      context: contextOnce,
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') return write(res, response.status ?? 200, response.body.string);
    res.statusCode = response.status ?? 200;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') return false;
    const type = req.headers['content-type'];
    const encoding = req.headers['content-encoding'];
    if (!type || !PLAIN_JSON.test(type) || (encoding && encoding.toLowerCase() !== 'identity')) return false;

    for (const [name, value] of headers) res.setHeader(name, value);
    cors(req, res, (error) => {
      if (error) return fail(res, failureOf(undefined, maxBodyBytes));
      const declared = Number(req.headers['content-length']);
      if (declared > maxBodyBytes) {
        req.resume();
        return fail(res, failureOf({ status: 413 }, maxBodyBytes));
      }
      const chunks: Buffer[] = [];
      let length = 0;
      let refused = false;
      req.on('data', (chunk: Buffer) => {
        if (refused) return;
        length += chunk.length;
        if (length > maxBodyBytes) {
          refused = true;
          chunks.length = 0;
          return fail(res, failureOf({ status: 413 }, maxBodyBytes));
        }
        chunks.push(chunk);
      });
      req.on('error', () => {
        if (!refused) res.destroy();
        refused = true;
      });
      req.on('end', () => {
        if (refused) return;
        const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
        let body: unknown = {};
        if (text.length) {
          if (!STRICT_JSON_START.test(text)) return fail(res, failureOf({ status: 400, type: 'entity.parse.failed' }, maxBodyBytes));
          try {
            body = JSON.parse(text);
          } catch {
            return fail(res, failureOf({ status: 400, type: 'entity.parse.failed' }, maxBodyBytes));
          }
        }
        answer(req, res, body).catch((error) => {
          log(error);
          fail(res, failureOf(undefined, maxBodyBytes));
        });
      });
    });
    return true;
  };
}
