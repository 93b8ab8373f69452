import { GraphQLError } from 'graphql';

/** Codes of top-level errors: the unauthenticated, the forbidden, the missing and the malformed. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INTERNAL';

export function apiError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export const unauthenticated = () => apiError('UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>" from the login mutation.');
export const forbidden = (what: string) => apiError('FORBIDDEN', `You are not allowed to ${what}.`);
export const notFound = (type: string) => apiError('NOT_FOUND', `No ${type} with that ID exists, or you may not see it.`);
export const badInput = (message: string) => apiError('BAD_USER_INPUT', message);

/** A request that ran past its deadline (REQUEST_TIMEOUT_MS) is stopped before its next batch of reads. */
export const requestTimedOut = (timeoutMs: number) =>
  new GraphQLError(`The request took longer than ${timeoutMs} ms and was stopped.`, { extensions: { code: 'TIMEOUT', limit: 'time', setting: 'REQUEST_TIMEOUT_MS' } });
