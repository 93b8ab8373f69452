import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { UserErrors } from '../shared/user-errors.js';

/** Codes a client may see as they are; anything else is reported as INTERNAL. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * One place that decides what a client sees of an error: coded errors pass through; a user error
 * raised by a query becomes BAD_USER_INPUT with its details; the unexpected become INTERNAL with no
 * detail (outside development) and are logged here with their stack.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
    const original = unwrapResolverError(error);
    if (original instanceof UserErrors) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT', userErrors: original.errors } };
    }
    console.error('Unexpected error:', original);
    if (development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL' } };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL' } };
  };
}
