import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  defaultFieldResolver,
  execute,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  isLeafType,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { MAY_BE_PROMISE } from '../shared/connection.js';
import { andThen } from '../shared/loaders.js';

/**
 * Gives graphql-js's default resolver to the fields graphql-jit would otherwise read straight off
 * their parent without awaiting them: every field without a resolver of its own whose type is an
 * object, an interface, a union or a list of them (a page's `nodes`; the operations report's lazy
 * lists of projects), and the leaf fields marked MAY_BE_PROMISE (a page's `totalCount`, counted
 * when first read). graphql-js runs them as before: the resolver it uses when a field has none.
 * A leaf left out that held a promise would fail loudly: its scalar refuses to serialise a promise.
 */
export function resolveDeferredFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve) continue;
      if (!isLeafType(getNamedType(field.type)) || field.extensions[MAY_BE_PROMISE]) field.resolve = defaultFieldResolver;
    }
  }
  return schema;
}

/** A query's compilation: not yet tried (the runs so far), done, or refused by graphql-jit (graphql-js keeps running it). */
type Compilation = { runs: number } | { compiled: CompiledQuery } | { refused: true };

export interface QueryRun {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  contextValue: unknown;
  variableValues: Record<string, unknown> | undefined;
}

export interface CompiledQueries {
  /** How many queries have been compiled since the server started. */
  readonly compiled: number;
  execute(run: QueryRun): Promise<ExecutionResult> | ExecutionResult;
}

/**
 * Runs operations, a query compiled to JavaScript by graphql-jit once it has run `after` times with
 * graphql-js. A compiled query skips graphql-js's walk of the document for every field of every
 * item (about a sixth of the CPU of a project's page with fifty events, see README "Benchmarks");
 * waiting for a few runs keeps the compilation's cost (milliseconds) to the operations clients
 * send again, not to each text anyone sends once. Mutations and subscriptions always run with
 * graphql-js. The answer is graphql-js's: the same data, and errors as graphql-js's GraphQLError
 * with the same message, locations, path and original error.
 *
 * Compilations are kept by operation node, so they go when the parsed document does (the server
 * keeps a bounded number of them, see operationDocuments).
 */
export function compiledQueries(schema: GraphQLSchema, { after }: { after: number }): CompiledQueries {
  const compilations = new WeakMap<OperationDefinitionNode, Compilation>();
  let compiledCount = 0;

  const compilationOf = (document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null => {
    let compilation = compilations.get(operation);
    if (!compilation) compilations.set(operation, (compilation = { runs: 0 }));
    if ('compiled' in compilation) return compilation.compiled;
    if ('refused' in compilation || compilation.runs++ < after) return null;
    let compiled: CompiledQuery | null = null;
    try {
      const made = compileQuery(schema, document, operation.name?.value);
      if (isCompiledQuery(made)) compiled = made as CompiledQuery;
    } catch {
      // Left to graphql-js, which answers with its own errors if the operation cannot run.
    }
    compilations.set(operation, compiled ? { compiled } : { refused: true });
    if (compiled) compiledCount += 1;
    return compiled;
  };

  return {
    get compiled() {
      return compiledCount;
    },
    execute({ document, operation, contextValue, variableValues }: QueryRun): Promise<ExecutionResult> | ExecutionResult {
      const compiled = operation.operation === OperationTypeNode.QUERY ? compilationOf(document, operation) : null;
      if (!compiled) return execute({ schema, document, contextValue, variableValues, operationName: operation.name?.value });
      const result = compiled.query(undefined, contextValue, variableValues ?? {});
      return andThen(result, asGraphqlJsResult);
    },
  };
}

function asGraphqlJsResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  return { ...result, errors: result.errors.map(asGraphqlJsError) };
}

/** graphql-jit's error as graphql-js makes it (locatedError): an error already located is kept as thrown. */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (original instanceof GraphQLError && original.path) return original;
  const located = new GraphQLError(error.message, { path: error.path, originalError: original ?? undefined, extensions: error.extensions ?? undefined });
  (located as { locations?: GraphQLError['locations'] }).locations = error.locations?.length ? error.locations : undefined;
  return located;
}
