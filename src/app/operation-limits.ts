import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { isStaff, type Viewer } from '../shared/auth.js';
import { DEFAULT_PAGE_SIZE } from '../shared/connection.js';
import { RecentlyUsed } from '../shared/recently-used.js';
import type { Config } from './config.js';
import type { Context } from '../shared/context.js';

/** The code of every refusal for asking too much; `extensions.limit` names the limit and its setting. */
export const LIMIT_CODE = 'OPERATION_LIMIT_EXCEEDED';

export function limitError(limit: string, setting: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: LIMIT_CODE, limit, setting, http: { status: 400 } } });
}

/** How many items a plain list (not a connection) is assumed to hold when the cost is estimated. */
export const ASSUMED_LIST_LENGTH = 20;

const isConnection = (type: GraphQLOutputType) => {
  const named = getNamedType(type);
  return isObjectType(named) && named.name.endsWith('Connection') && 'nodes' in named.getFields();
};

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * The worst case number of objects an operation can return, as GitHub counts it: every object
 * costs 1; a connection multiplies what one of its items costs by `first` or `last` (default page size), so
 * nested connections multiply; a plain list of objects counts as ASSUMED_LIST_LENGTH items;
 * scalars, `totalCount`, `pageInfo` and introspection are free.
 */
function estimateCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  // Introspection has its own switch (INTROSPECTION) and is bounded by the depth-free schema it describes.
  if (isLeafType(getNamedType(field.type)) || field.name.startsWith('__')) return 0;
  if (isConnection(field.type)) {
    const size = [args.first, args.last].find((n) => typeof n === 'number') ?? DEFAULT_PAGE_SIZE;
    return 1 + size * childComplexity;
  }
  if (isObjectType(type) && isConnection(type)) return field.name === 'nodes' || field.name === 'edges' ? 1 + childComplexity : 0;
  return isList(field.type) ? ASSUMED_LIST_LENGTH * (1 + childComplexity) : 1 + childComplexity;
}

/** Control characters other than tab, line feed and carriage return: never legitimate in text, and PostgreSQL refuses NUL. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const controlCharacterError = (where: string, text: string) => {
  const found = CONTROL_CHARACTER.exec(text)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return new GraphQLError(`Text may not contain control characters: U+${found} found in ${where}.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
};

/** The first string with a control character among the variables, by its path (`input.title`), if any. */
function controlCharacterIn(value: unknown, path: string): { path: string; text: string } | null {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? { path, text: value } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlCharacterIn(value[i], `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = controlCharacterIn(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses string literals with control characters, before anything runs. */
const NoControlCharactersRule: ValidationRule = (context) => ({
  StringValue(node) {
    if (CONTROL_CHARACTER.test(node.value)) context.reportError(controlCharacterError('a string in the operation', node.value));
  },
});

/**
 * Refuses response names (aliases, or field names) that start with "__" other than introspection's
 * own: the spec reserves them, and the executor builds each answer as a plain object, on which
 * "__proto__" would not be a field.
 */
const ReservedResponseNamesRule: ValidationRule = (context) => ({
  Field(node) {
    const name = node.alias?.value ?? node.name.value;
    if (name.startsWith('__') && !INTROSPECTION_FIELDS.has(name)) {
      context.reportError(new GraphQLError(`"${name}" may not name a field of the answer: names starting with "__" are reserved for introspection.`, { nodes: node, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } }));
    }
  },
});

const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__typename', '__schema', '__type']);

/** Armor's rules report through a callback; this turns their refusal into our coded error. */
const report = (limit: string, setting: string) => ({
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(limit, setting, error.message.replace(/^Syntax Error: /, '')))],
});

/** Validation rules every operation passes before it runs, over HTTP and WebSocket alike. */
export function limitRules(config: Pick<Config, 'limits' | 'introspection'>): ValidationRule[] {
  const { limits } = config;
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...report('depth', 'MAX_QUERY_DEPTH') }),
    maxAliasesRule({ n: limits.maxAliases, ...report('aliases', 'MAX_ALIASES') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...report('directives', 'MAX_DIRECTIVES') }),
    NoControlCharactersRule,
    ReservedResponseNamesRule,
    ...(config.introspection === 'off' ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

const usesIntrospection = (document: DocumentNode) =>
  document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.selectionSet.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type')),
  );

/**
 * The checks that need the variables or the viewer, made once the operation is known and before it
 * runs: control characters in variables, introspection for staff only, and the cost budget.
 * Returns the operation's cost.
 */
export function checkOperation(
  schema: GraphQLSchema,
  config: Pick<Config, 'limits' | 'introspection'>,
  request: { document: DocumentNode; variables?: Record<string, unknown> | null; operationName?: string | null; viewer: Viewer | null },
): number {
  const found = controlCharacterIn(request.variables ?? {}, '');
  if (found) throw controlCharacterError(`variable "${found.path}"`, found.text);
  // Variables that do not fit their types are the client's mistake, said before anything else reads them.
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  const coerced = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 }) : null;
  if (coerced?.errors) {
    throw new GraphQLError(coerced.errors.map((error) => error.message).join(' '), { nodes: coerced.errors[0].nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  if (config.introspection === 'staff' && !isStaff(request.viewer) && usesIntrospection(request.document)) {
    throw new GraphQLError('Introspection is open to staff only on this server.', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  const cost = costOf(schema, request.document, request.operationName ?? undefined, request.variables ?? {});
  if (cost > config.limits.maxCost) {
    throw limitError('cost', 'MAX_QUERY_COST', `This operation could return up to ${cost} objects; the limit is ${config.limits.maxCost}. Ask for smaller pages (first) or fewer nested lists.`);
  }
  return cost;
}

/**
 * An operation's cost depends on its document, name and variables alone: it is worked out once for
 * each, for the documents the server keeps (a screen sends the same document and variables again and
 * again), the 64 most recent sets of variables per document.
 */
const costs = new WeakMap<DocumentNode, RecentlyUsed<string, number>>();

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new RecentlyUsed(64)));
  return known.get(JSON.stringify([operationName ?? null, variables]), () =>
    getComplexity({ schema, query: document, variables, operationName, estimators: [estimateCost] }),
  );
}

/** Tells the client what its operation cost (`extensions.cost`), against the limit. */
export function tellCost(result: { extensions?: Record<string, unknown> }, cost: number, limits: Pick<Config['limits'], 'maxCost'>): void {
  result.extensions = { ...result.extensions, cost: { requested: cost, limit: limits.maxCost } };
}

/**
 * Applies checkOperation to every HTTP operation and tells the client the cost of what it asked
 * (`extensions.cost`). The execution deadline is the context's (see Loaders): a hook on every field
 * would make Apollo wrap every resolver of the schema.
 */
export function operationLimitsPlugin(schema: GraphQLSchema, config: Pick<Config, 'limits' | 'introspection'>): ApolloServerPlugin<Context> {
  const { limits } = config;
  return {
    async requestDidStart() {
      let cost: number | null = null;
      return {
        async didResolveOperation({ request, document, operationName, contextValue }) {
          cost = checkOperation(schema, config, { document, variables: request.variables, operationName, viewer: contextValue.viewer });
        },

        async willSendResponse({ response }) {
          if (cost !== null && response.body.kind === 'single') tellCost(response.body.singleResult, cost, limits);
        },
      };
    },
  };
}
