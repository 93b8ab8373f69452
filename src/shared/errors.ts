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
