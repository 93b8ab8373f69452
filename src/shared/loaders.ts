import { DecimalType, ReferenceKind, wrap, type EntityManager, type EntityMetadata, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { requestTimedOut } from './errors.js';
import { idIn, readRows } from './read.js';

/**
 * Per-request DataLoaders. `byId(Entity)` batches every lookup of that entity made in one tick into
 * a single `where id in (…)`; modules add keyed loaders of their own with `keyed(name, batch)`.
 *
 * Every nested list and relation of a query is read through them, a batch per level, so they also
 * keep the request's deadline: past it, the next batch fails with TIMEOUT instead of reading (one
 * statement running long is PostgreSQL's statement_timeout to stop).
 */
export class Loaders {
  private readonly cache = new Map<unknown, Loader<unknown>>();
  private readonly made = new Map<string, unknown>();

  constructor(
    private readonly em: EntityManager,
    private readonly deadline?: { at: number; timeoutMs: number },
  ) {}

  /**
   * Outside a transaction the request only reads (a query, a subscription's event): then entities
   * without collections come as plain objects of their class (see rowById), which cost several times
   * less CPU than managed entities. Inside one (a mutation) they are managed, to be changed and flushed.
   */
  byId<T extends { id: string }>(entity: EntityName<T>): Loader<T | null> {
    if (readsPlainRows(this.em, entity)) return this.rowById(entity);
    return this.get(entity, async (ids) => {
      // Entities this unit of work already holds (e.g. mapped from a row read once for many subscribers) cost nothing.
      const className = this.em.getMetadata().get(entity).className;
      const held = new Map(ids.map((id) => [id, this.held<T>(className, id)]));
      const missing = ids.filter((id) => !held.get(id));
      const found = missing.length ? await this.em.find(entity, { id: { $in: missing } } as never) : [];
      const byId = new Map(found.map((row) => [row.id, row]));
      return ids.map((id) => held.get(id) ?? byId.get(id) ?? null);
    });
  }

  /**
   * Like `byId`, for what a request only shows: one `select *` per batch, each row made into an object
   * of the entity's class by `mapRow`, without the unit of work (no hydration, change tracking or
   * references). `byId` answers through it where the request only reads. Never change or flush what
   * it gives.
   */
  rowById<T extends { id: string }>(entity: EntityName<T>): Loader<T | null> {
    const meta = this.em.getMetadata().get(entity);
    // Keyed by the metadata itself: a page's fields ask for each of its rows' relations, and a key built as text is hashed on every ask.
    return this.get(meta, async (ids) => {
      // What this unit of work already holds (e.g. an event's project, mapped once for many subscribers) costs nothing.
      const held = new Map(ids.map((id) => [id, this.held<T>(meta.className, id)]));
      const missing = ids.filter((id) => !held.get(id));
      const match = idIn('id', missing);
      const rows = missing.length ? await readRows(this.em, `select * from "${meta.tableName}" where ${match.text}`, match.params) : [];
      const byId = new Map(rows.map((row) => [row.id as string, mapRow(meta, row)]));
      return ids.map((id) => held.get(id) ?? byId.get(id) ?? null);
    });
  }

  /** The loaded entity of this class and ID the unit of work holds, if any (a reference to an unloaded one does not count). */
  private held<T extends object>(className: string, id: string): T | undefined {
    const known = this.em.getUnitOfWork().getById<T>(className, id as never);
    return known && wrap(known).isInitialized() ? known : undefined;
  }

  /**
   * The rows of `entity` whose many-to-one `parent` is `parentId` (a visit's follow-ups, a session's
   * action items), ordered by `orderBy`: one statement for every parent the request resolves.
   */
  childrenOf<T extends object>(entity: EntityName<T>, parent: string & keyof T, parentId: string, orderBy: QueryOrderMap<T>): Promise<T[]> {
    const meta = this.em.getMetadata().get(entity);
    return this.get(`${meta.className} by ${parent} in ${JSON.stringify(orderBy)}`, async (parentIds) => {
      const rows = await this.em.find(entity, { [parent]: { $in: [...parentIds] } } as FilterQuery<T>, { orderBy });
      return groupByKey(parentIds, rows, (row) => (row[parent] as { id: string }).id);
    }).load(parentId);
  }

  /** A loader for one kind of keyed lookup, created once per request under `key`. */
  keyed<V>(key: string, batch: (keys: readonly string[], em: EntityManager) => Promise<V[]>): Loader<V> {
    return this.get(key, (keys) => batch(keys, this.em));
  }

  /**
   * A value made once per request under `key` (the request as one rule sees it, say). Kept here, not
   * in a WeakMap keyed by the request: V8's young-generation collections kept such a WeakMap's
   * values after their request had ended, until a full collection, with everything they reached
   * (the mentor dashboard moved 15 MB more to the old generation at every young collection, and
   * spent a quarter more CPU per request). A subscription's next event renews the loaders, and with
   * them what was made from the last event's.
   */
  once<V>(key: string, make: () => V): V {
    const known = this.made.get(key);
    if (known !== undefined || this.made.has(key)) return known as V;
    const value = make();
    this.made.set(key, value);
    return value;
  }

  private get<V>(key: unknown, batch: (keys: readonly string[]) => Promise<V[]>): Loader<V> {
    let loader = this.cache.get(key) as Loader<V> | undefined;
    if (!loader) {
      const deadline = this.deadline;
      loader = new Loader<V>(
        deadline
          ? async (keys) => {
              if (Date.now() > deadline.at) throw requestTimedOut(deadline.timeoutMs);
              return batch(keys);
            }
          : batch,
      );
      this.cache.set(key, loader as Loader<unknown>);
    }
    return loader;
  }
}

/** A value now, or the promise of it. */
export type Maybe<T> = T | Promise<T>;

/**
 * `next` of `value`: at once when the value is at hand, else when it arrives. Field resolvers that
 * answer through it return plain values when their data is already in the request's loaders (a page
 * primes them), and graphql-js then completes a list of such objects without a promise per field.
 */
export function andThen<T, R>(value: Maybe<T>, next: (value: T) => Maybe<R>): Maybe<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Both values, at once when both are at hand. */
export function both<A, B>(a: Maybe<A>, b: Maybe<B>): Maybe<[A, B]> {
  return a instanceof Promise || b instanceof Promise ? Promise.all([a, b]) : [a, b];
}

/**
 * A DataLoader that also keeps what it has settled (primed, or loaded and resolved), so that `now(key)`
 * gives it without a promise. `load` behaves as DataLoader's.
 */
export class Loader<V> extends DataLoader<string, V> {
  private readonly known = new Map<string, V>();

  /** The value of `key`: itself when this request already holds it, else the promise of it. */
  now(key: string): Maybe<V> {
    const held = this.known.get(key);
    if (held !== undefined || this.known.has(key)) return held as V;
    return this.load(key).then((value) => {
      if (!this.known.has(key)) this.known.set(key, value);
      return value;
    });
  }

  /** The value of `key` if this request already holds it, without loading it. */
  held(key: string): V | undefined {
    return this.known.get(key);
  }

  override load(key: string): Promise<V> {
    // What a page primed is held here alone: DataLoader would keep a promise of each value besides.
    const held = this.known.get(key);
    return held !== undefined || this.known.has(key) ? Promise.resolve(held as V) : super.load(key);
  }

  override prime(key: string, value: V | PromiseLike<V> | Error): this {
    // DataLoader keeps the first value of a key; so does `known`, and a value is kept there alone.
    if (value instanceof Error || isPromiseLike(value)) return super.prime(key, value);
    if (!this.known.has(key)) this.known.set(key, value);
    return this;
  }

  override clear(key: string): this {
    this.known.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** A batch loader's answer: the items of each key, in the order of the keys (empty where none). */
export function groupByKey<T>(keys: readonly string[], items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map(keys.map((key): [string, T[]] => [key, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return keys.map((key) => groups.get(key)!);
}

/**
 * Whether reads of `entity` through `em` give plain objects (mapRow) rather than managed entities:
 * outside a transaction, where the request only reads, for entities without collections or whose
 * collections are read through loaders only (readAsPlainRows).
 */
export function readsPlainRows<T extends object>(em: EntityManager, entity: EntityName<T>): boolean {
  if (em.isInTransaction()) return false;
  const meta = em.getMetadata().get(entity) as EntityMetadata;
  let plain = plainRows.get(meta);
  if (plain === undefined) {
    plain = plainDespiteCollections.has(meta.class) || !meta.props.some((prop) => prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY);
    plainRows.set(meta, plain);
  }
  return plain;
}

/** Whether an entity's reads give plain objects, by its metadata: asked for every field a list resolves. */
const plainRows = new WeakMap<EntityMetadata, boolean>();
const plainDespiteCollections = new WeakSet<object>();

/**
 * Declares that nothing reads `entity`'s collections from the entity itself (its field resolvers
 * read them through loaders), so that its rows are read as plain objects, which have none, like
 * those of entities without collections: several times less CPU than managed entities.
 */
export function readAsPlainRows(entity: abstract new (...args: never[]) => object): void {
  plainDespiteCollections.add(entity);
}

type Conversion = 'reference' | 'decimal' | 'date' | 'json' | 'value';

interface RowPlan {
  /**
   * Makes an empty object of the row's prototype, which inherits the entity's, with a plain data
   * property over each of its accessors. Made by a constructor, V8 keeps the properties assigned next
   * inside the object, where `Object.create` put them in a separate store: about three times faster
   * to make, and less garbage.
   */
  Row: new () => Record<string, unknown>;
  props: { name: string; column: string; conversion: Conversion }[];
  /** mapRow's work for this entity: the object from a row keyed by column (see rowMaker). */
  make: (row: Record<string, unknown>) => Record<string, unknown>;
}

const plans = new WeakMap<EntityMetadata, RowPlan>();

/**
 * How rows of an entity become objects, worked out once per entity. MikroORM puts an accessor on the
 * entity's prototype for every property, which would wrap a value as a managed reference; a data
 * property of the same name on a prototype in between shadows it, so that plain assignment makes an
 * own property (a fast object, where defining each property would make a slow one).
 */
function rowPlan<T>(meta: EntityMetadata<T>): RowPlan {
  let plan = plans.get(meta as EntityMetadata);
  if (plan) return plan;
  const props = meta.props
    // Collections and lazy properties (a password hash) stay out, as MikroORM leaves them out of ordinary loads.
    .filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.SCALAR && !prop.lazy))
    .map((prop) => ({
      name: prop.name,
      column: prop.fieldNames?.[0] ?? '',
      conversion: (prop.kind === ReferenceKind.MANY_TO_ONE ? 'reference'
        : prop.customType instanceof DecimalType ? 'decimal'
        : prop.runtimeType === 'Date' ? 'date'
        : prop.type === 'json' ? 'json'
        : 'value') as Conversion,
    }));
  const prototype = Object.create(meta.class.prototype as object) as object;
  for (const prop of props) Object.defineProperty(prototype, prop.name, { value: undefined, writable: true, enumerable: false, configurable: true });
  const Row = function Row() {} as unknown as new () => Record<string, unknown>;
  Row.prototype = prototype;
  plan = { Row, props, make: rowMaker(Row, props.map((prop) => ({ ...prop, read: `r[${JSON.stringify(prop.column)}]` })), 'r') as RowPlan['make'] };
  plans.set(meta as EntityMetadata, plan);
  return plan;
}

/**
 * An object of the entity's class from a plain row (see Loaders.rowById), or from the same row as
 * JSON (`to_jsonb`, see project.queries.ts): scalar columns converted as the entity declares them
 * (decimals to numbers, instants to Dates, JSON parsed), each many-to-one relation as `{ id }`,
 * collections and lazy properties left out.
 */
export function mapRow<T>(meta: EntityMetadata<T>, row: Record<string, unknown>): T {
  return rowPlan(meta).make(row) as T;
}

/**
 * A function that makes an object of `Row` from its parameters (`params`, e.g. a row keyed by column,
 * or an array of values and where the row starts in it): each property assigned in turn, its value
 * read by `read` (code over the parameters, written here from the entity's metadata, never from
 * input) and converted as the entity declares it. Written out per entity, every assignment is a named
 * store that sees one shape, where a loop over the properties made each a keyed store that saw every
 * entity's (megamorphic): writing them out took a tenth of the instructions off the board and the
 * mentor dashboard.
 */
function rowMaker(Row: new () => Record<string, unknown>, props: readonly { name: string; conversion: Conversion; read: string }[], ...params: string[]): (...args: never[]) => Record<string, unknown> {
  // `o["__proto__"] = v` would set the prototype: no entity names a property so, and none may.
  if (props.some((prop) => prop.name === '__proto__')) throw new Error('An entity property may not be named __proto__');
  const assignments = props.map((prop) => `v = ${prop.read}; o[${JSON.stringify(prop.name)}] = v == null ? null : ${CONVERSION_CODE[prop.conversion]};`);
  return new Function('Row', `return function (${params.join(', ')}) { const o = new Row(); let v; ${assignments.join(' ')} return o; };`)(Row) as (...args: never[]) => Record<string, unknown>;
}

/**
 * How each kind of column becomes the entity's value, as code over a value `v` that is not null
 * (null stays null): decimals to numbers, instants to Dates, JSON parsed, a many-to-one as `{ id }`.
 */
const CONVERSION_CODE: Record<Conversion, string> = {
  value: 'v',
  reference: '{ id: v }',
  decimal: 'Number(v)',
  date: 'v instanceof Date ? v : new Date(v)',
  json: "typeof v === 'string' ? JSON.parse(v) : v",
};

/**
 * Rows of an entity read as JSON arrays of their columns (`json_build_array`) rather than objects
 * (`to_jsonb`), where a statement reads related rows along with its own (a page of projects with
 * their organisations, teams and revisions): the same values without a key each, about a third
 * fewer bytes for PostgreSQL to build and for the server to receive and parse.
 */
export interface RowValues<T> {
  /** The row `alias`'s columns, in the order `map` reads them, as arguments of `json_build_array`. */
  columns(alias: string): string;
  /** The row `alias` as a JSON array. */
  sql(alias: string): string;
  /** The object mapRow makes of the same row, from such an array, its columns starting at `from`. */
  map(values: readonly unknown[], from?: number): T;
  /** Where `column` is in the array (from 0), or -1 where it is not read. */
  position(column: string): number;
  /** How many values the array holds. */
  size: number;
}

const rowValuesByColumns = new WeakMap<EntityMetadata, Map<string, RowValues<unknown>>>();

/**
 * How rows of `meta` are read as arrays: all the columns mapRow reads, or only `columns` (the others
 * null, as mapRow leaves a column a row lacks).
 */
export function rowValues<T>(meta: EntityMetadata<T>, columns?: readonly string[]): RowValues<T> {
  let byColumns = rowValuesByColumns.get(meta as EntityMetadata);
  if (!byColumns) rowValuesByColumns.set(meta as EntityMetadata, (byColumns = new Map()));
  const key = columns?.join(',') ?? '*';
  let found = byColumns.get(key) as RowValues<T> | undefined;
  if (found) return found;
  const { Row, props } = rowPlan(meta);
  const read = columns ?? props.map((prop) => prop.column);
  // For each property, the position of its column in the array, or -1 where it is not read.
  const positions = props.map((prop) => read.indexOf(prop.column));
  const missing = read.filter((column) => !props.some((prop) => prop.column === column));
  if (missing.length) throw new Error(`${meta.className} has no column ${missing.join(', ')} to read`);
  // PostgreSQL's functions take at most 100 arguments.
  if (read.length > 100) throw new Error(`${meta.className} has ${read.length} columns: json_build_array takes at most 100`);
  const make = rowMaker(Row, props.map((prop, i) => ({ ...prop, read: positions[i] < 0 ? 'null' : `a[f + ${positions[i]}]` })), 'a', 'f') as (values: readonly unknown[], from: number) => T;
  found = {
    columns: (alias) => read.map((column) => `${alias}."${column}"`).join(', '),
    sql: (alias) => `json_build_array(${found!.columns(alias)})`,
    map: (values, from = 0) => make(values, from),
    position: (column) => read.indexOf(column),
    size: read.length,
  };
  byColumns.set(key, found as RowValues<unknown>);
  return found;
}
