import { RawQueryFragment, type EntityDictionary, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from './context.js';
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { ArgsType, Extensions, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';
import { groupByKey, mapRow, readsPlainRows, rowValues } from './loaders.js';
import { isUuid } from './node-id.js';
import { readRows, sqlArray, withValuesWritten } from './read.js';
import { RecentlyUsed } from './recently-used.js';

/**
 * The extension (`@Extensions({ [MAY_BE_PROMISE]: true })`) of a leaf field without a resolver whose
 * value may be a promise, such as a page's `totalCount`, a getter that counts when it is read:
 * compiled queries await such a field, where they read other plain fields as they are.
 */
export const MAY_BE_PROMISE = 'mayBePromise';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page forwards: the first this many items after \`after\` (1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an `endCursor` or edge `cursor`).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page backwards: the last this many items before \`before\` (1 to ${MAX_PAGE_SIZE}), still in the list’s order. Not with \`first\`.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items before this cursor (a `startCursor` or edge `cursor`).' })
  before?: string | null;

  /** Not an argument: whether the operation reads the list's `totalCount` (see selectedPage); counted when unknown. */
  countTotal?: boolean;

  /** Not an argument: the fields the operation reads of each item (`nodes` and `edges.node`; see selectedPage); unknown when absent. */
  nodeFields?: SelectedFields;
}

/** The fields an operation reads of an object, each with the names it reads of that field's value. */
export type SelectedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** Each field node `selections` read, through fragments and inline fragments, each fragment once. */
export function eachField(info: Pick<GraphQLResolveInfo, 'fragments'>, selections: readonly SelectionNode[], visit: (field: FieldNode) => void, seen = new Set<string>()): void {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      visit(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      eachField(info, selection.selectionSet.selections, visit, seen);
    } else if (!seen.has(selection.name.value) && info.fragments[selection.name.value]) {
      seen.add(selection.name.value);
      eachField(info, info.fragments[selection.name.value].selectionSet.selections, visit, seen);
    }
  }
}

/** The names of the fields `selections` read, each with its own selections. */
function fieldsOf(info: Pick<GraphQLResolveInfo, 'fragments'>, selections: readonly SelectionNode[]) {
  const into = new Map<string, SelectionNode[]>();
  eachField(info, selections, (field) => into.set(field.name.value, [...(into.get(field.name.value) ?? []), ...(field.selectionSet?.selections ?? [])]));
  return into;
}

/** Each field of `fields` with the names it reads. */
const withSubfields = (info: Pick<GraphQLResolveInfo, 'fragments'>, fields: Map<string, SelectionNode[]>): SelectedFields =>
  new Map([...fields].map(([name, selections]) => [name, new Set(fieldsOf(info, selections).keys())]));

/**
 * What the field nodes of one operation read, worked out once: every item of a list resolves its
 * fields (and its nested connections) with the same nodes.
 */
const selectedOnce = new WeakMap<readonly FieldNode[], SelectedFields>();
const pagesOnce = new WeakMap<readonly FieldNode[], Required<Pick<PageArgs, 'countTotal' | 'nodeFields'>>>();

/** The fields the operation reads at `path` below the field `info` resolves (e.g. `['project']` of a list of entries). */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): SelectedFields {
  const known = path.length ? undefined : selectedOnce.get(info.fieldNodes);
  if (known) return known;
  let fields = fieldsOf(info, info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []));
  for (const name of path) fields = fieldsOf(info, fields.get(name) ?? []);
  const selected = withSubfields(info, fields);
  if (!path.length) selectedOnce.set(info.fieldNodes, selected);
  return selected;
}

/**
 * The page arguments of a connection field, told what the operation reads of the page: whether
 * `totalCount` (a list page counts its whole list only then, in the same statement; see sqlPage), and
 * which fields of the items, which a list may read along with the page (see Prefetch).
 */
export function selectedPage<A extends PageArgs>(args: A, info: GraphQLResolveInfo): A {
  return Object.assign(args, pageSelection(info, info.fieldNodes));
}

/** What the operation reads of the page that `fieldNodes` (one connection field's nodes) select (see selectedPage). */
export function pageSelection(info: Pick<GraphQLResolveInfo, 'fragments'>, fieldNodes: readonly FieldNode[]): Required<Pick<PageArgs, 'countTotal' | 'nodeFields'>> {
  let selected = pagesOnce.get(fieldNodes);
  if (!selected) {
    const connection = fieldsOf(info, fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []));
    const edge = fieldsOf(info, connection.get('edges') ?? []);
    const nodeFields = withSubfields(info, fieldsOf(info, [...(connection.get('nodes') ?? []), ...(edge.get('node') ?? [])]));
    selected = { countTotal: connection.has('totalCount'), nodeFields };
    pagesOnce.set(fieldNodes, selected);
  }
  return selected;
}

export enum ChronologicalOrder {
  OLDEST_FIRST = 'OLDEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
}
registerEnumType(ChronologicalOrder, {
  name: 'ChronologicalOrder',
  description: 'Which end of a list that grows with time comes first.',
  valuesConfig: {
    OLDEST_FIRST: { description: 'The earliest first, in the order things happened.' },
    NEWEST_FIRST: { description: 'The latest first: the first item is the most recent.' },
  },
});

/** Page arguments of a list that grows with time; `defaultOrder` is the order it had before clients could choose. */
function ChronologicalPageArgs(defaultOrder: ChronologicalOrder) {
  @ArgsType()
  class ChronologicalPage extends PageArgs {
    @Field(() => ChronologicalOrder, { defaultValue: defaultOrder, description: 'Which end of the list comes first; cursors only work in the order that gave them out.' })
    order!: ChronologicalOrder;
  }
  return ChronologicalPage;
}

@ArgsType()
export class OldestFirstPageArgs extends ChronologicalPageArgs(ChronologicalOrder.OLDEST_FIRST) {}

@ArgsType()
export class NewestFirstPageArgs extends ChronologicalPageArgs(ChronologicalOrder.NEWEST_FIRST) {}

@ObjectType({ description: 'Where a page stands in its list (Relay): whether there are items on either side, and the cursors to ask for them.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether items follow this page: ask for them with `first` and `after: endCursor`. Exact whichever way you page.' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Whether items precede this page: ask for them with `last` and `before: startCursor`. Exact whichever way you page.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the page’s first item; null when the page is empty.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the page’s last item; null when the page is empty.' }) endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A number, or a promise made when the field is read though the page did not count (see sqlPage). */
  totalCount: number | Promise<number>;
}

/** The description of `<Item>Connection`: subclasses name it again in their own `@ObjectType`, which replaces the factory's. */
export const connectionDescription = (item: ClassType<object>) =>
  `A page of \`${item.name}\` items (Relay connection), with the count of the whole filtered list.`;

/** Declares `<Item>Connection` and `<Item>Edge` for a node type. */
export function ConnectionType<T extends object>(item: ClassType<T>, name = item.name) {
  @ObjectType(`${name}Edge`, { description: `One \`${item.name}\` of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque keyset cursor marking this item’s place in the list and order that gave it out; pass it back unchanged as `after` or `before`.' }) cursor!: string;
    @Field(() => item, { description: 'The item.' }) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: connectionDescription(item) })
  class Connection implements Page<T> {
    @Field(() => [Edge], { description: 'The page’s items with their cursors, in the list’s order.' }) edges!: Edge[];
    @Field(() => [item], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo, { description: 'Whether there is more on either side, and the cursors to get it.' }) pageInfo!: PageInfo;
    @Extensions({ [MAY_BE_PROMISE]: true })
    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return Connection;
}

/** How a sort key's value is written into a cursor and checked when it comes back. */
export type SortKeyType = 'timestamp' | 'date' | 'text' | 'integer' | 'uuid';

export interface SortKey {
  column: string;
  type: SortKeyType;
  descending: boolean;
  /** No two rows of the list share the value (an event's position, a revision's number in its project). */
  unique?: boolean;
}

/**
 * An order a list is read in. Its keys end with a unique one, so every row has one place, and a
 * cursor (its row's key values) marks a point in the order that stays put when rows are added or
 * removed. `name` is written into the cursors, so they only work on the list and order that gave them out.
 */
export interface ListOrder {
  name: string;
  keys: SortKey[];
}

export const ascending = (column: string, type: SortKeyType, { unique = false } = {}): SortKey => ({ column, type, descending: false, unique });
export const descending = (column: string, type: SortKeyType, { unique = false } = {}): SortKey => ({ column, type, descending: true, unique });

/** An order by `keys`, ties broken by the id in the direction of the last key, so one row value comparison serves. */
export function listOrder(name: string, ...keys: SortKey[]): ListOrder {
  const last = keys.at(-1)!;
  return { name, keys: last.unique ? keys : [...keys, { column: 'id', type: 'uuid', descending: last.descending }] };
}

/** Oldest-first and newest-first orders of the list `list` by one key that grows with time. */
export function chronologicalOrders(list: string, column: string, type: SortKeyType, options: { unique?: boolean } = {}): Record<ChronologicalOrder, ListOrder> {
  return {
    [ChronologicalOrder.OLDEST_FIRST]: listOrder(`${list}:${ChronologicalOrder.OLDEST_FIRST}`, ascending(column, type, options)),
    [ChronologicalOrder.NEWEST_FIRST]: listOrder(`${list}:${ChronologicalOrder.NEWEST_FIRST}`, descending(column, type, options)),
  };
}

const CURSOR_VERSION = 'v1';

/** Times in cursors are UTC to the microsecond, whatever the session's time zone, so they compare exactly. */
const CURSOR_VALUE_SQL: Record<SortKeyType, (column: string) => string> = {
  timestamp: (column) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  date: (column) => `to_char(${column}, 'YYYY-MM-DD')`,
  text: (column) => column,
  integer: (column) => column,
  uuid: (column) => column,
};

/** Date normalises 2026-02-31 into March: a date or time that does not come back as written is not a real one. */
const isRealUtc = (value: string) => {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value.slice(0, 23));
};

const VALID_CURSOR_VALUE: Record<SortKeyType, (value: unknown) => boolean> = {
  timestamp: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) && isRealUtc(value),
  date: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealUtc(value),
  // PostgreSQL text holds no NUL; the longest sorted text (a title) has 200 characters.
  text: (value) => typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000'),
  integer: (value) => Number.isSafeInteger(value),
  uuid: (value) => typeof value === 'string' && isUuid(value),
};

const CAST: Record<SortKeyType, string> = { timestamp: '::timestamptz', date: '::date', text: '', integer: '::bigint', uuid: '::uuid' };

function encodeCursor(order: ListOrder, values: readonly unknown[]): string {
  return Buffer.from(`${CURSOR_VERSION}|${order.name}|${JSON.stringify(values)}`).toString('base64url');
}

const foreignCursor = () => badInput('That cursor is not one this list gave out: pass back a cursor of this list and order unchanged.');

function decodeCursor(order: ListOrder, cursor: string): unknown[] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Decoding skips what is not base64url: only the exact encoding of the decoded text is a cursor.
  if (Buffer.from(text).toString('base64url') !== cursor) throw foreignCursor();
  const [version, name, ...json] = text.split('|');
  if (version !== CURSOR_VERSION || name !== order.name) throw foreignCursor();
  let values: unknown;
  try {
    values = JSON.parse(json.join('|'));
  } catch {
    throw foreignCursor();
  }
  // Every value is checked before it reaches SQL, where a malformed one would be an error, not a refusal.
  if (!Array.isArray(values) || values.length !== order.keys.length || !order.keys.every((key, i) => VALID_CURSOR_VALUE[key.type](values[i]))) {
    throw foreignCursor();
  }
  return values;
}

interface PageWindow {
  limit: number;
  /** Read from the end (`last`): the rows are fetched in reverse and turned round. */
  backward: boolean;
  after: unknown[] | null;
  before: unknown[] | null;
}

function pageSize(argument: 'first' | 'last', size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput(`"${argument}" must be between 1 and ${MAX_PAGE_SIZE}, got ${size}.`);
  return size;
}

function pageWindow(args: PageArgs, order: ListOrder): PageWindow {
  if (args.first != null && args.last != null) throw badInput('Give "first" (with "after") to page forwards or "last" (with "before") to page backwards, not both.');
  const backward = args.last != null;
  return {
    limit: backward ? pageSize('last', args.last!) : pageSize('first', args.first ?? DEFAULT_PAGE_SIZE),
    backward,
    after: args.after ? decodeCursor(order, args.after) : null,
    before: args.before ? decodeCursor(order, args.before) : null,
  };
}

/** SQL text with its parameters, in the order of its `?`. */
export interface Sql {
  text: string;
  params: unknown[];
}

function orderBy(order: ListOrder, alias: string, reverse: boolean): string {
  return order.keys.map((key) => `${alias}.${key.column} ${key.descending !== reverse ? 'desc' : 'asc'}`).join(', ');
}

/**
 * Whether the row of `alias` lies after the cursor `values` in the order (or before it, `towardsStart`).
 * A run of keys sorted the same way compares as one row value, `(k1, k2, id) > (?, ?, ?)`, which a
 * B-tree index on those columns answers; a later run decides only among rows equal on the earlier ones.
 */
function beyond(order: ListOrder, alias: string, values: unknown[], towardsStart: boolean): Sql {
  const runs: { keys: SortKey[]; values: unknown[] }[] = [];
  order.keys.forEach((key, i) => {
    const run = runs.at(-1);
    if (run && run.keys[0].descending === key.descending) {
      run.keys.push(key);
      run.values.push(values[i]);
    } else {
      runs.push({ keys: [key], values: [values[i]] });
    }
  });
  return runs.reduceRight<Sql | null>((later, run) => {
    const row = `(${run.keys.map((key) => `${alias}.${key.column}`).join(', ')})`;
    const cursor = `(${run.keys.map((key) => `?${CAST[key.type]}`).join(', ')})`;
    const compare = `${row} ${run.keys[0].descending !== towardsStart ? '<' : '>'} ${cursor}`;
    if (!later) return { text: `(${compare})`, params: run.values };
    return { text: `(${compare} or (${row} = ${cursor} and ${later.text}))`, params: [...run.values, ...run.values, ...later.params] };
  }, null)!;
}

/** The rows of `alias` between the window's cursors. */
function withinCursors(order: ListOrder, window: PageWindow, alias: string): Sql {
  const bounds = [window.after && beyond(order, alias, window.after, false), window.before && beyond(order, alias, window.before, true)].filter((bound) => !!bound);
  return { text: bounds.map((bound) => bound.text).join(' and ') || 'true', params: bounds.flatMap((bound) => bound.params) };
}

const cursorColumn = (order: ListOrder, alias: string) =>
  `json_build_array(${order.keys.map((key) => CURSOR_VALUE_SQL[key.type](`${alias}.${key.column}`)).join(', ')})::text as page_cursor`;

/**
 * What a list page needs to know of the whole list: its total, when the operation reads `totalCount`,
 * and whether it has rows outside the cursors, on either side, each an `exists` that stops at the first
 * row it finds. None of it sorts the list.
 */
function beyondColumns(order: ListOrder, window: PageWindow, source: Sql, countTotal: boolean): Sql {
  // Counts as int: every row of the page carries them, and the driver reads an int with parseInt,
  // a bigint (count's own type) through a big-number library.
  const columns: Sql[] = countTotal ? [{ text: `(select count(*) from (${source.text}) e)::int as page_total`, params: source.params }] : [];
  for (const [values, towardsStart, name] of [[window.after, false, 'page_preceding'], [window.before, true, 'page_following']] as const) {
    if (!values) continue;
    const inside = beyond(order, 'e', values, towardsStart);
    columns.push({ text: `exists (select 1 from (${source.text}) e where not ${inside.text}) as ${name}`, params: [...source.params, ...inside.params] });
  }
  return { text: `select ${columns.map((column) => column.text).join(', ')}`, params: columns.flatMap((column) => column.params) };
}

/**
 * Counts over the whole filtered list for projectPage, per project: all its rows, and the rows
 * outside the cursors on either side, which tell whether there are pages beyond.
 */
function countColumns(order: ListOrder, window: PageWindow, alias: string): Sql {
  const columns: Sql[] = [{ text: 'count(*)::int as page_total', params: [] }];
  for (const [values, towardsStart, name] of [[window.after, false, 'page_preceding'], [window.before, true, 'page_following']] as const) {
    if (!values) continue;
    const inside = beyond(order, alias, values, towardsStart);
    columns.push({ text: `(count(*) filter (where not ${inside.text}))::int as ${name}`, params: inside.params });
  }
  return { text: columns.map((column) => column.text).join(', '), params: columns.flatMap((column) => column.params) };
}

export type PageRow = Record<string, unknown>;

function withoutPageColumns({ page_cursor: _c, page_total: _t, page_preceding: _p, page_following: _f, page_position: _n, page_project_id: _i, ...row }: PageRow): PageRow {
  return row;
}

/**
 * An edge whose cursor is encoded when it is read, from its row's values as JSON text (cursorColumn):
 * a list that shows only its nodes and end cursor parses and encodes one.
 */
class Edge<T> {
  #cursor: string | undefined;
  constructor(
    private readonly order: ListOrder,
    /** The JSON text, or the values themselves where the row's own values are the cursor's (see pageColumn). */
    private readonly values: string | readonly unknown[],
    readonly node: T,
  ) {}
  get cursor(): string {
    return (this.#cursor ??= encodeCursor(this.order, typeof this.values === 'string' ? (JSON.parse(this.values) as unknown[]) : this.values));
  }
}

/**
 * The page from the counts and the rows fetched in the window's direction (one more than asked
 * for when there is more). A row without a cursor is the counts' alone: the page is empty.
 */
function toPage<T>(order: ListOrder, window: PageWindow, rows: PageRow[], map: (row: PageRow) => T, total?: () => Promise<number>): Page<T> {
  const fetched = rows.filter((row) => row.page_cursor != null);
  const kept = fetched.slice(0, window.limit);
  if (window.backward) kept.reverse();
  const more = fetched.length > window.limit;
  const edges = new Array<Edge<T>>(kept.length);
  const nodes = new Array<T>(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const node = map(kept[i]);
    edges[i] = new Edge(order, kept[i].page_cursor as string | unknown[], node);
    nodes[i] = node;
  }
  const counts = rows[0];
  const pageInfo = new EdgesPageInfo(
    edges,
    beyondPage(counts?.page_following) || (!window.backward && more),
    beyondPage(counts?.page_preceding) || (window.backward && more),
  );
  return new ReadPage(edges, nodes, pageInfo, total ?? Number(counts?.page_total ?? 0));
}

/** page_preceding/page_following are counts (projectPage) or booleans (sqlPage). */
const beyondPage = (value: unknown) => value === true || Number(value ?? 0) > 0;

/**
 * A page as toPage makes it. Classes, not object literals with getters: such a literal, made with new
 * closures over the page's rows on every call (and kept by V8 in dictionary mode), had every list's
 * rows, objects and EntityManager outlive the request, promoted by each young-generation collection
 * (about 10 MB a collection on the project page with one client; see README "Benchmarks").
 */
class ReadPage<T> implements Page<T> {
  #counting: Promise<number> | undefined;

  constructor(
    readonly edges: Edge<T>[],
    readonly nodes: T[],
    readonly pageInfo: PageInfo,
    /** The count, or how to count when the page did not (see sqlPage). */
    private readonly total: number | (() => Promise<number>),
  ) {}

  /** A getter: GraphQL reads it only when `totalCount` is selected, so an unselected count costs nothing. */
  get totalCount(): number | Promise<number> {
    return typeof this.total === 'number' ? this.total : (this.#counting ??= this.total());
  }
}

/** A page's PageInfo, its cursors those of its first and last edges, encoded when read. */
class EdgesPageInfo<T> {
  constructor(
    private readonly edges: Edge<T>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/**
 * One page of the rows of `source` (any `select`, written by the caller, never taken from input) in a
 * single statement: the page is read in `order` from the cursor on (`limit`), so an index on the
 * order's keys serves it without sorting the list; beside it, the list's total when `args.countTotal`
 * (see selectedPage) and whether rows lie beyond the cursors (beyondColumns).
 */
export async function sqlPage<T>(em: EntityManager, source: Sql, order: ListOrder, args: PageArgs, map: (row: PageRow) => T, prefetch?: Prefetch, { planOnce = false, valuesWritten = false, sourceOnce = false }: PagePlanning = {}): Promise<Page<T>> {
  const written = !planOnce && valuesWritten ? withValuesWritten(source) : null;
  const prepared = planOnce || !!written;
  const statement = pageStatement(written ?? source, order, args, prefetch, { planOnce: prepared, sourceOnce });
  // Scopes differ by orders of magnitude (a mentor's projects, a district's): planned for each, unless one plan serves all.
  const rows = await readRows<PageRow>(em, statement.text, statement.params, { prepare: prepared });
  return statement.page(em, rows, map);
}

/** sqlPage's statement, and how its rows (from the driver, or as JSON: see pageColumn) become the page. */
interface PageStatement extends Sql {
  backward: boolean;
  /** The names of its columns beside the row's own: the cursor, what it tells of the whole list, what its prefetch reads. */
  pageColumns: string[];
  page<T>(em: EntityManager, rows: PageRow[], map: (row: PageRow) => T): Page<T>;
}

/**
 * `planOnce`: the page's size is written into the text (see PagePlanning); `sourceOnce`: see
 * PagePlanning. `cursorInSql`: whether each row carries its cursor (cursorColumn); a caller that makes
 * the cursor of the row's own values (pageColumn) leaves it out, and must set `page_cursor` on each
 * row it passes to `page`.
 */
function pageStatement(source: Sql, order: ListOrder, args: PageArgs, prefetch: Prefetch | undefined, { planOnce, sourceOnce = false, cursorInSql = true }: { planOnce: boolean; sourceOnce?: boolean; cursorInSql?: boolean }): PageStatement {
  const window = pageWindow(args, order);
  const extra = prefetch?.columns ?? { text: '', params: [] };
  const shared = prefetch?.shared ?? { text: '', params: [] };
  const countTotal = args.countTotal ?? true;
  // Read by the count or the cursors' checks as well as by the page: worked out once (PagePlanning.sourceOnce).
  const once = sourceOnce && (countTotal || !!window.after || !!window.before);
  const rows: Sql = once ? { text: 'select * from page_source', params: [] } : source;
  const edgesBeyond = beyondColumns(order, window, rows, countTotal);
  const within = withinCursors(order, window, 'e');
  // The page's own columns: those its items show (a summary's), with the order's keys; else the whole row.
  const own = prefetch?.rowColumns ? ownColumns('e', [...prefetch.rowColumns, ...order.keys.map((key) => key.column)]) : 'e.*';
  const pageColumns = [
    ...(cursorInSql ? ['page_cursor'] : []),
    ...(countTotal ? ['page_total'] : []),
    ...(window.after ? ['page_preceding'] : []),
    ...(window.before ? ['page_following'] : []),
    ...(prefetch?.names ?? []),
  ];
  return {
    backward: window.backward,
    pageColumns,
    text: `${once ? `with page_source as materialized (${source.text}) ` : ''}select page.*, beyond.*${shared.text}
       from (${edgesBeyond.text}) beyond
       left join (
         select ${own}${cursorInSql ? `, ${cursorColumn(order, 'e')}` : ''}${extra.text}
           from (${rows.text}) e
          where ${within.text}
          order by ${orderBy(order, 'e', window.backward)}
          limit ${planOnce ? Number(window.limit + 1) : '?'}) page on true
      order by ${orderBy(order, 'page', window.backward)}`,
    // Planned once, the page's size is part of its text: a plan for an unknown limit assumes a large one.
    params: [...(once ? source.params : []), ...shared.params, ...edgesBeyond.params, ...extra.params, ...rows.params, ...within.params, ...(planOnce ? [] : [window.limit + 1])],
    page: (em, rows, map) => {
      if (prefetch) for (const row of rows) if (row.page_cursor != null) prefetch.prime(row);
      // Read though not foreseen (selectedPage missed it): counted then, by a statement of its own.
      const total = async () => {
        const [{ count }] = await readRows<{ count: string }>(em, `select count(*) from (${source.text}) e`, source.params, { prepare: false });
        return Number(count);
      };
      return toPage(order, window, rows, map, countTotal ? undefined : total);
    },
  };
}

/** Cursor values that JSON gives as they are (not times, which a cursor writes to the microsecond): a folded row's own values are its cursor's. */
const SAME_IN_JSON: ReadonlySet<SortKeyType> = new Set(['text', 'integer', 'uuid']);

/** What a page tells of its whole list (beyondColumns), and how many rows' worth of them become one. */
const LIST_COLUMNS = new Map([['page_total', 'min'], ['page_preceding', 'bool_or'], ['page_following', 'bool_or']]);

/**
 * The page sqlPage reads, of plain rows of `entity` (see readsPlainRows), as one column of another
 * statement: `text` is an expression, over the rows of that statement (`source` names them), whose
 * value is a JSON array of the page's rows in its order (null for none), each a JSON array of the
 * entity's values (rowValues) and the page's own columns per row, followed by what the page tells of
 * the whole list (its total, whether rows lie beyond its cursors), once; `page` makes the page of that
 * value. Where the order's keys are values JSON gives as they are (a trail's position, a revision's
 * number), each row's cursor is made of its own values rather than written by SQL. `prefetch` must
 * name its columns.
 */
export function pageColumn<T extends object>(em: EntityManager, entity: EntityName<T>, source: Sql, order: ListOrder, args: PageArgs, prefetch?: Prefetch): Sql & { page(em: EntityManager, value: unknown): Page<T> } {
  if (prefetch && !prefetch.names) throw new Error('a page read as a column needs the names of its prefetch columns');
  const values = rowValues(em.getMetadata().get(entity));
  const keysAt = order.keys.every((key) => SAME_IN_JSON.has(key.type)) ? order.keys.map((key) => values.position(key.column)) : [-1];
  const cursorInSql = keysAt.some((at) => at < 0);
  // One plan serves the page of every parent row, so its size is written into the text.
  const statement = pageStatement(source, order, args, prefetch, { planOnce: true, cursorInSql });
  const perRow = statement.pageColumns.filter((name) => !LIST_COLUMNS.has(name));
  const ofList = statement.pageColumns.filter((name) => LIST_COLUMNS.has(name));
  const row = `json_build_array(${[values.columns('r'), ...perRow.map((name) => `r.${name}`)].join(', ')})`;
  // The statement's rows are the page's (none: one row of the list's columns alone, its id null).
  const rows = `json_agg(${row} order by ${orderBy(order, 'r', statement.backward)}) filter (where r.id is not null)`;
  return {
    text: `(select json_build_array(${[rows, ...ofList.map((name) => `${LIST_COLUMNS.get(name)}(r.${name})`)].join(', ')}) from (${statement.text}) r)`,
    params: statement.params,
    page: (em, value) => {
      const [arrays, ...list] = value as [unknown[][] | null, ...unknown[]];
      // The page's own columns by name, as toPage and the prefetch read them; the entity's values mapped when the row is kept.
      const rows = (arrays ?? []).map((array) => {
        const row: PageRow = { page_values: array };
        if (!cursorInSql) row.page_cursor = keysAt.map((at) => array[at]);
        perRow.forEach((name, i) => (row[name] = array[values.size + i]));
        return row;
      });
      // toPage reads the list's columns on the first row; a row without a cursor is theirs alone.
      const first: PageRow = rows[0] ?? { page_cursor: null };
      ofList.forEach((name, i) => (first[name] = list[i]));
      return statement.page(em, rows.length ? rows : [first], (row) => values.map(row.page_values as unknown[]));
    },
  };
}

/**
 * The SQL of the rows of `entity` that `where` selects. MikroORM's query builder turns a filter into
 * SQL in about half a millisecond, a tenth of what a board costs, and a viewer asks for the same
 * filter over and over (the same list, the next page, a refresh): the SQL of each filter, values
 * included, is kept. A filter that cannot be written down exactly (anything but plain objects,
 * arrays, scalars, dates and raw fragments; a raw fragment as a key) is built afresh every time.
 */
export function entitySql<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, columns = 'e.*'): Sql {
  const build = (): Sql => {
    const { sql, bindings } = em.createQueryBuilder(entity, 'e').select(columns).where(where).getKnexQuery().toSQL();
    return { text: sql, params: [...bindings] };
  };
  const key = filterKey(`${em.getMetadata().get(entity).className} ${columns}`, where);
  return key === null ? build() : entitySqlKept.get(key, build);
}

const entitySqlKept = new RecentlyUsed<string, Sql>(2_000);

/** The filter written down exactly, or null where it cannot be: a raw fragment's key in an object is unique to it, so such filters are never kept. */
function filterKey(entity: string, where: unknown): string | null {
  let exact = true;
  const key = JSON.stringify(where, function (this: Record<string, unknown>, name: string, value: unknown) {
    const original = this[name];
    if (RawQueryFragment.isRaw(original)) return { raw: (original as RawQueryFragment).sql, params: (original as RawQueryFragment).params };
    if (original instanceof Date) return { date: original.toISOString() };
    if (typeof name === 'string' && name.startsWith('[raw]')) exact = false;
    if (original !== null && typeof original === 'object' && !Array.isArray(original) && Object.getPrototypeOf(original) !== Object.prototype) exact = false;
    if (typeof original === 'bigint' || typeof original === 'function' || typeof original === 'symbol' || original === undefined) exact = false;
    if (typeof original === 'number' && !Number.isFinite(original)) exact = false;
    return value;
  });
  return exact ? `${entity} ${key}` : null;
}

/**
 * What a list page reads along with its rows, for the fields its items show: `columns` (each
 * `, <expression> as <name>`, the row as `e`) are computed for the page's rows alone, and `prime` puts
 * what they hold into the request's loaders before any field asks, so the page and what it shows
 * cost one statement.
 */
export interface Prefetch {
  columns?: Sql;
  /**
   * Columns over the page's rows once they are chosen, the row as `page`: for what many rows share (a
   * programme), read on the first row that names it and null on the others.
   */
  shared?: Sql;
  /**
   * The columns of the page's own rows to read, where its items show only what they hold (a summary,
   * see shared/summaries.ts): the items are then objects with those columns and every other property
   * null. Absent, the whole row.
   */
  rowColumns?: readonly string[];
  /** The names of the columns `columns` and `shared` add, where a page is read as a column of another statement (pageColumn). */
  names?: readonly string[];
  prime(row: PageRow): void;
}

/** The columns `columns` of the row `alias` (its id always among them), each once, for a select list. */
export const ownColumns = (alias: string, columns: readonly string[]) => [...new Set(['id', ...columns])].map((column) => `${alias}."${column}"`).join(', ');

/**
 * A `shared` prefetch column: the row of `table` whose id is `key` (an expression over the page's row
 * `page`, e.g. `page.program_id`), as the JSON array `values` reads, once per page, on the first row
 * that names it (null on the others).
 */
export const sharedRowColumn = (values: { sql(alias: string): string }, table: string, key: string, column: string) =>
  `case when row_number() over (partition by ${key}) = 1 then (select ${values.sql('x')} from "${table}" x where x.id = ${key}) end as ${column}`;

/**
 * A Prefetch of the row of `entity` that each row of a page names by `key` (a column of the page's
 * row `page`, e.g. `page.actor_id`): read once per page however many of its rows name it
 * (sharedRowColumn), and put in the request's loader of `entity` by id, so that the field showing it
 * (an event's actor, an item's project) answers without a statement of its own. Whether to show it
 * is still the field's to decide. None where the request reads managed entities (a mutation).
 */
export function namedRowPrefetch<T extends { id: string }>(ctx: Context, entity: new () => T, key: string): SharedPrefetch | undefined {
  if (!readsPlainRows(ctx.em, entity)) return undefined;
  const meta = ctx.em.getMetadata().get(entity);
  const values = rowValues(meta);
  const column = `prefetch_${key.replace(/\W/g, '_')}`;
  return {
    shared: { text: `, ${sharedRowColumn(values, meta.tableName, key, column)}`, params: [] },
    names: [column],
    prime: (row) => {
      const json = row[column] as unknown[] | null;
      if (json) ctx.loaders.byId(entity).prime(json[0] as string, values.map(json));
    },
  };
}

/**
 * Several prefetches of one page as one, their columns side by side; none where none is. The page's
 * whole rows are read where several are combined (a part's `rowColumns` would leave out the keys the
 * others read).
 */
export function prefetchAll(parts: readonly (Prefetch | undefined)[]): Prefetch | undefined {
  const present = parts.filter((part): part is Prefetch => !!part);
  if (present.length <= 1) return present[0];
  const joined = (sqls: (Sql | undefined)[]): Sql => ({ text: sqls.map((sql) => sql?.text ?? '').join(''), params: sqls.flatMap((sql) => sql?.params ?? []) });
  return {
    columns: joined(present.map((part) => part.columns)),
    shared: joined(present.map((part) => part.shared)),
    prime: (row) => present.forEach((part) => part.prime(row)),
  };
}

/**
 * Whether a page's statement may be prepared and planned once for all its values (`planOnce`): where
 * its scope's size does not change the best plan, e.g. a park's or a district's projects newest first,
 * which an index on the scope and the order serves for any park. A filter, or a staff member's scope
 * written as a subquery, may hold ten rows or ten thousand: such pages are planned for their values
 * on each request, unless the scope is the viewer's own rows (`ownRows`) or its values can be written
 * into the text (`valuesWritten`).
 */
export interface PagePlanning {
  planOnce?: boolean;
  /**
   * The scope is the viewer's own few rows, whatever the table's size (a mentor's, an evaluator's or
   * an organisation's projects: tens to hundreds): findPage reads their IDs, then each row by its key,
   * and orders them, a plan that serves every such viewer, so the statement is prepared and planned
   * once (parsing and planning were two fifths of a mentor's dashboard in PostgreSQL). Each row is
   * read in a lateral subquery the planner cannot merge, so it cannot turn the scope into a walk of
   * the whole table in the page's order: a generic plan might pick that for a scope it expects to be
   * large, and it reads every row for a small one.
   */
  ownRows?: boolean;
  /**
   * The source's values (a staff member's parks, today's date) are written into the statement's
   * text, which is prepared (withValuesWritten): planned once per connection for those values, as
   * the statement would be for them on every request, where one plan cannot serve every scope. Values
   * that cannot be written plainly leave the statement planned on each request.
   */
  valuesWritten?: boolean;
  /**
   * The source is worked out once for the page and what it tells of the whole list (its total, the
   * rows beyond the cursors), as a materialised common table expression, where it is read more than
   * once. For a source that no index serves in the page's order, such as an attention view's rows,
   * found by working over every project of the viewer's parks: its count and its page each did all
   * of that work. Not for a source an index serves: its page stops at the page's last row, and its
   * count may read the index alone.
   */
  sourceOnce?: boolean;
}

/** One page of entities that `where` selects, and its counts, in a single statement (see sqlPage). */
export function findPage<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, order: ListOrder, args: PageArgs, prefetch?: Prefetch, planning?: PagePlanning): Promise<Page<T>> {
  if (!planning?.ownRows) return sqlPage(em, entitySql(em, entity, where), order, args, rowMapper(em, entity), prefetch, planning);
  const table = em.getMetadata().get(entity).tableName;
  const ids = entitySql(em, entity, where, 'e.id');
  const source = { text: `select x.* from (${ids.text}) own cross join lateral (select * from "${table}" x where x.id = own.id offset 0) x`, params: ids.params };
  return sqlPage(em, source, order, args, rowMapper(em, entity), prefetch, { planOnce: true });
}

/**
 * How a page's rows become objects: outside a transaction the request only reads, so entities
 * without collections are plain objects of their class (mapRow: several times cheaper than managed
 * entities); inside one (a mutation) they are managed.
 */
export function rowMapper<T extends object>(em: EntityManager, entity: EntityName<T>): (row: PageRow) => T {
  const meta = em.getMetadata().get(entity);
  // mapRow reads only the entity's own columns; a managed entity is mapped from the row without the page's.
  return readsPlainRows(em, entity) ? (row) => mapRow(meta, row) : (row) => em.map(entity, withoutPageColumns(row) as EntityDictionary<T>);
}

/** What a page of each project's rows (projectPage) reads along: only rows they share, by `page`, the page's row. */
export type SharedPrefetch = Pick<Prefetch, 'prime' | 'names'> & { shared: Sql };

/**
 * One page of a project's rows of `entity` (revisions, coaching sessions, visits, service reports),
 * batched across every project the request resolves, in one statement: each project's rows are
 * counted, and those between the cursors numbered with `row_number()` per project, so a list of N
 * projects with their visits costs the same as one project. `prefetch`: rows that the page's rows
 * name, read with them (namedRowPrefetch).
 */
export function projectPage<T extends object>(ctx: Context, entity: EntityName<T>, projectId: string, order: ListOrder, args: PageArgs, prefetch?: SharedPrefetch): Promise<Page<T>> {
  const window = pageWindow(args, order);
  const table = ctx.em.getMetadata().get(entity).tableName;
  return ctx.loaders
    .keyed(`${table} page by project: ${order.name} ${JSON.stringify(args)}${prefetch ? ' prefetched' : ''}`, async (projectIds, em) => {
      const counts = countColumns(order, window, 'e');
      const within = withinCursors(order, window, 'e');
      const shared = prefetch?.shared ?? { text: '', params: [] };
      const rows = await readRows<PageRow>(
        em,
        `select page.*${shared.text} from (
           select numbered.*, counts.*
             from (select e.project_id as page_project_id, ${counts.text} from "${table}" e where e.project_id = any(?::uuid[]) group by e.project_id) counts
             left join (
               select * from (
                 select e.*, ${cursorColumn(order, 'e')},
                        row_number() over (partition by e.project_id order by ${orderBy(order, 'e', window.backward)}) as page_position
                   from "${table}" e
                  where e.project_id = any(?::uuid[]) and ${within.text}) windowed
                where page_position <= ?) numbered on numbered.project_id = counts.page_project_id) page
          order by page.page_project_id, page.page_position`,
        [...shared.params, ...counts.params, sqlArray(projectIds), sqlArray(projectIds), ...within.params, window.limit + 1],
      );
      if (prefetch) for (const row of rows) prefetch.prime(row);
      const rowsOf = groupByKey(projectIds, rows, (row) => row.page_project_id as string);
      const map = rowMapper(em, entity);
      return rowsOf.map((projectRows) => toPage(order, window, projectRows, map));
    })
    .load(projectId);
}
