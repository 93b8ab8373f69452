import { getArgumentValues, getNamedType, GraphQLError, isObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { eachField, pageSelection, type Page, type PageArgs, type PageRow, type Sql } from './connection.js';
import type { Context } from './context.js';

/**
 * A child list's page read inside the statement of the object it belongs to, rather than by a
 * statement of its own: a project's page (`project(id:)`) reads its trail and its revisions along
 * with the project, one statement where there were three. Each fewer statement is one round trip
 * less: a write and a read on the database connection, a pool checkout, and PostgreSQL's own work
 * per statement.
 *
 * A module declares such a list with `foldPage(type, field, fold)`; the resolver that reads the
 * object asks `foldedPages` for the columns of the lists its operation shows; the list's own field
 * resolver takes its page with `foldedPage`, and reads it as ever where none was read.
 */
export type PageFold = (ctx: Context, args: PageArgs & Record<string, unknown>, parent: string) => FoldedColumn | undefined;

/**
 * The page as a column of the parent's statement: an expression over its row `parent` whose value is
 * the page as JSON (see pageColumn), and how that becomes the page.
 */
export type FoldedColumn = Sql & { page(em: EntityManager, value: unknown): Page<unknown> };

const folds = new Map<string, PageFold>();

/** Declares that the list `field` of objects of `type` may be read with its object, by `fold`. */
export function foldPage(type: string, field: string, fold: PageFold): void {
  folds.set(`${type}.${field}`, fold);
}

export interface FoldedPages {
  /** The columns to add to the statement that reads the object, each `, <expression> as <name>`. */
  columns: Sql;
  /** Keeps the pages of the object's row for the fields that show them. */
  take(row: PageRow): void;
}

/**
 * The pages of the lists that the operation shows of the object `info`'s field resolves, read in the
 * statement that reads it (its row named `parent` there). A list shown under two names (aliases with
 * other arguments), or with arguments its field will refuse, is left to its field.
 */
export function foldedPages(ctx: Context, info: GraphQLResolveInfo, parent: string): FoldedPages | undefined {
  const type = getNamedType(info.returnType);
  // A mutation reads managed entities, as ever.
  if (!isObjectType(type) || ctx.em.isInTransaction()) return undefined;
  const byName = new Map<string, FieldNode[][]>();
  for (const nodes of responseFields(info, info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? [])).values()) {
    const name = nodes[0].name.value;
    if (folds.has(`${type.name}.${name}`)) byName.set(name, [...(byName.get(name) ?? []), nodes]);
  }
  const parts: { name: string; list: string; args: PageArgs; column: FoldedColumn }[] = [];
  for (const [name, [nodes, ...others]] of byName) {
    if (others.length) continue;
    const list = `${type.name}.${name}`;
    try {
      const args = { ...getArgumentValues(type.getFields()[name], nodes[0], info.variableValues), ...pageSelection(info, nodes) };
      const column = folds.get(list)!(ctx, args, parent);
      if (column) parts.push({ name: `folded_${name}`, list, args, column });
    } catch (error) {
      // Its field refuses such arguments (a foreign cursor, a page too large) with its own error; anything else is a fault.
      if (!(error instanceof GraphQLError)) throw error;
    }
  }
  if (!parts.length) return undefined;
  return {
    columns: { text: parts.map((part) => `, ${part.column.text} as ${part.name}`).join(''), params: parts.flatMap((part) => part.column.params) },
    take: (row) => {
      for (const part of parts) kept(ctx, part.list, part.args).prime(row.id as string, part.column.page(ctx.em, row[part.name]));
    },
  };
}

/** The page of `list` (`Type.field`) of the object `parentId` with these arguments, where the object's statement read it. */
export function foldedPage<T>(ctx: Context, list: string, parentId: string, args: PageArgs): Page<T> | undefined {
  return kept(ctx, list, args).held(parentId) as Page<T> | undefined;
}

const kept = (ctx: Context, list: string, args: PageArgs) => ctx.loaders.keyed<Page<unknown>>(`folded ${list} ${argumentsKey(args)}`, notRead);

/** Folded pages are only ever primed: a page not read with its object is read by its field. */
const notRead = () => Promise.reject(new Error('a folded page is read with its object only'));

/** The arguments that decide a page, however they were written (absent or null alike), and whether it counts. */
function argumentsKey(args: PageArgs): string {
  const values = args as unknown as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(values)
      .filter((key) => key !== 'nodeFields' && values[key] != null)
      .sort()
      .map((key) => [key, values[key]]),
  );
}

/** The field nodes `selections` read, through fragments, by response key (alias or name). */
function responseFields(info: GraphQLResolveInfo, selections: readonly SelectionNode[]) {
  const into = new Map<string, FieldNode[]>();
  eachField(info, selections, (field) => {
    const key = field.alias?.value ?? field.name.value;
    into.set(key, [...(into.get(key) ?? []), field]);
  });
  return into;
}
