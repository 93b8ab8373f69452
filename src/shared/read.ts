import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RecentlyUsed } from './recently-used.js';

/**
 * A list of values as one PostgreSQL array parameter (`= any(?::uuid[])`): each element quoted, so
 * any text round-trips, and one statement text serves every length of list.
 */
export class SqlArray {
  constructor(readonly values: readonly (string | number)[]) {}

  toLiteral(): string {
    return `{${this.values.map((value) => `"${String(value).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  }
}

/** `values` as one array parameter: write the placeholder as `any(?::uuid[])` (or the element type). */
export const sqlArray = (values: readonly (string | number)[]) => new SqlArray(values);

/**
 * `column` is one of the IDs `ids`, as SQL and its parameter: `= ?` for one, `= any(?)` over an array
 * for more. A lookup of one row by its key (`node(id:)`, a project's page) costs PostgreSQL a third
 * of the CPU with a plain parameter: it reads no array literal and sets up no array scan.
 */
export function idIn(column: string, ids: readonly string[]): { text: string; params: unknown[] } {
  return ids.length === 1 ? { text: `${column} = ?::uuid`, params: [ids[0]] } : { text: `${column} = any(?::uuid[])`, params: [sqlArray(ids)] };
}

/**
 * A text that can be written into a statement as it is, quoted: keys, dates, months, codes (no quote,
 * backslash or placeholder). Dates as objects are not written: the driver sends them in the
 * process's time zone, and a literal would have to say the same.
 */
const PLAIN_TEXT = /^[\w:. +-]*$/;

/** `value` as an SQL literal, or undefined where it is not one of the plain kinds that can be written safely. */
function literal(value: unknown): string | undefined {
  // In parentheses: `a-?` must not become a comment, `a--1`.
  if (typeof value === 'number') return Number.isFinite(value) ? `(${value})` : undefined;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return PLAIN_TEXT.test(value) ? `'${value}'` : undefined;
  if (value instanceof SqlArray) return value.values.every((each) => PLAIN_TEXT.test(String(each))) ? `'${value.toLiteral()}'` : undefined;
  return undefined;
}

/**
 * The statement with its values written into its text, where every value is a plain key, date, code
 * or number (see literal) and every `?` a plain placeholder; else null. Prepared, such a text is
 * planned for its own values, as a statement sent with its values apart is on every request, but once
 * per connection: for a scope whose size changes the best plan (a park's projects or a district's),
 * each scope gets its own text and plan. The texts are as many as the distinct scopes, and each
 * connection keeps the recently used (PREPARED_PER_CONNECTION).
 */
export function withValuesWritten(sql: { text: string; params: readonly unknown[] }): { text: string; params: unknown[] } | null {
  const parts = sql.text.split('?');
  // As knex reads the text: `\\?` is a question mark, `??` an identifier.
  if (parts.length - 1 !== sql.params.length || sql.text.includes('\\?') || sql.text.includes('??')) return null;
  const literals = sql.params.map(literal);
  if (literals.some((each) => each === undefined)) return null;
  return { text: parts.map((part, i) => (i ? literals[i - 1] + part : part)).join(''), params: [] };
}

type Logging = { logQuery(query: string, context?: object): void };

/** PostgreSQL's answer to a prepared `select *` whose table changed since (a migration by another instance). */
const CACHED_PLAN_CHANGED = '0A000';

/** Part of every statement name: a new one makes every connection prepare its statements afresh. */
let generation = 0;

/**
 * Rows of a read statement (`?` placeholders; a list goes as one `sqlArray`). Outside a transaction,
 * where the request only reads, the statement goes to PostgreSQL with its parameters apart, named
 * after its text: each pooled connection parses and plans it once and reuses that, where MikroORM's
 * `execute` writes the values into the text, which PostgreSQL parses and plans every time. Inside
 * one (a mutation), it goes through the transaction (em.execute).
 *
 * Statement texts must not depend on input beyond their parameters (they never do here: SQL is
 * written by the code), so the statements each connection keeps stay few. When a table changes
 * under them (another instance's migration), PostgreSQL refuses the old ones; they are then
 * prepared again under new names.
 *
 * `prepare: false` for a statement whose best plan depends on its values (a page of a list whose
 * scope may hold 10 rows or 10,000): it still goes with its parameters apart, planned for them each time.
 * A prepared statement may settle on one generic plan, e.g. walking all projects newest first to find a
 * mentor's few, where the mentor's own plan sorts them.
 */
export async function readRows<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = [], { prepare = true } = {}): Promise<T[]> {
  const values = params.map((param) => (param instanceof SqlArray ? param.toLiteral() : param));
  // A plain array would be spread into a list of parameters, a text per length: such statements go as before.
  if (em.isInTransaction() || values.some(Array.isArray)) return em.execute(sql, values);
  const connection = em.getConnection();
  const statement = statementOf(connection, sql, values);
  // Logged as MikroORM logs its own statements (LOG_QUERIES, and the statement counts of the tests), when it logs them.
  const logger = em.config.getLogger();
  const log = logger.isEnabled('query') ? (connection as unknown as Logging) : null;
  const logged = log && logger.isEnabled('query-params') ? connection.getPlatform().formatQuery(sql, values) : statement.text;
  const pool = connection.getKnex().client as unknown as Pool;
  const run = async (): Promise<T[]> => {
    const started = Date.now();
    const client = await pool.acquireConnection();
    try {
      const name = `r${generation}_${statement.hash}`;
      if (prepare) await makeRoomFor(client, name);
      const query = prepare ? { name, text: statement.text, values, rowMode: 'array' } : { text: statement.text, values, rowMode: 'array' };
      const { rows, fields } = (await client.query(query)) as { rows: unknown[][]; fields: { name: string }[] };
      log?.logQuery(logged, { took: Date.now() - started, results: rows.length });
      return asObjects(rows, fields) as T[];
    } catch (error) {
      log?.logQuery(logged, { took: Date.now() - started, level: 'error' });
      throw error;
    } finally {
      pool.releaseConnection(client);
    }
  };
  try {
    return await run();
  } catch (error) {
    if (!prepare || (error as { code?: string }).code !== CACHED_PLAN_CHANGED) throw error;
    // A table changed under the prepared statements (a rolling deploy's migration): prepare them all again.
    generation += 1;
    return run();
  }
}

/**
 * Rows the driver gave as arrays, as objects keyed by column name (a later column of the same name
 * wins, as with the driver's own objects). Each distinct list of columns gets a function that builds
 * its object as one literal: every row of a statement then has the same shape, made in one step,
 * where the driver's objects are copied from a template and then written column by column through
 * a store that sees every statement's shape (megamorphic): about a tenth of a board's instructions.
 */
function asObjects(rows: unknown[][], fields: readonly { name: string }[]): Record<string, unknown>[] {
  if (!rows.length) return [];
  const make = rowMakers.get(fields.map((field) => field.name).join('\u0000'));
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) objects[i] = make(rows[i]);
  return objects;
}

type RowMaker = (values: unknown[]) => Record<string, unknown>;

/** The row makers of the column lists seen (the statements are the code's, so they are few). */
const rowMakers = new RecentlyUsed<string, RowMaker>(1_000, (key) => {
  const names = key.split('\u0000');
  // A name the literal would read otherwise (`__proto__` sets the prototype) is written one by one, as the driver does.
  if (names.includes('__proto__')) {
    return (values) => {
      const row: Record<string, unknown> = {};
      names.forEach((name, i) => Object.defineProperty(row, name, { value: values[i], enumerable: true, writable: true, configurable: true }));
      return row;
    };
  }
  // Names are quoted as JSON strings: whatever the database calls a column, it is a key here, never code.
  return new Function('v', `return { ${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ')} };`) as RowMaker;
});

/** Knex's pool of driver connections, which MikroORM's own statements share. */
interface Pool {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(connection: unknown): void;
}

/** A pg client, with the record of the statements it has prepared (pg's own: it skips preparing those). */
interface PooledClient {
  query(query: string | { name?: string; text: string; values: unknown[]; rowMode?: string }): Promise<unknown>;
  connection: { parsedStatements: Record<string, string> };
}

/**
 * How many named statements a connection keeps. The texts are written by the code, but a list's
 * statement varies with what the operation shows of its items and how it filters them, so clients
 * could make many: the least recently used are deallocated beyond this, which bounds what each
 * PostgreSQL backend holds.
 */
export const PREPARED_PER_CONNECTION = 100;

const preparedOn = new WeakMap<PooledClient, RecentlyUsed<string, true>>();

/** Counts `name` as used on `client`, deallocating the least recently used statement when the client holds too many. */
async function makeRoomFor(client: PooledClient, name: string): Promise<void> {
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new RecentlyUsed(PREPARED_PER_CONNECTION)));
  if (names.find(name)) return;
  const dropped = names.keep(name, true);
  if (dropped === undefined) return;
  await client.query(`deallocate "${dropped}"`).catch(() => undefined);
  delete client.connection.parsedStatements[dropped];
}

interface Statement {
  /** The text with `$1`, `$2`… placeholders, as PostgreSQL takes it. */
  text: string;
  /** Of the text, for its prepared name. */
  hash: string;
}

/**
 * The statement of each read text, worked out once: a request reads through a few dozen texts, over
 * and over. The most recently used are kept: texts with values written in (withValuesWritten) change
 * with the day.
 */
const statements = new RecentlyUsed<string, Statement>(10_000);

function statementOf(connection: ReturnType<EntityManager['getConnection']>, sql: string, values: unknown[]): Statement {
  let statement = statements.find(sql);
  if (!statement) {
    const text = connection.getKnex().raw(sql, values as never[]).toSQL().toNative().sql;
    statement = { text, hash: createHash('sha1').update(text).digest('base64url').slice(0, 24) };
    // Only a text whose values all stay parameters reads the same for other values (`??` would write an identifier into it).
    const placeholders = new Set(text.match(/\$\d+/g)).size;
    if (placeholders === values.length) statements.keep(sql, statement);
  }
  return statement;
}

/**
 * Independent reads, at once where they can be: outside a transaction each takes its own pooled
 * connection; inside one they share its single connection, so they go one after another.
 */
export async function readTogether<T extends readonly (() => Promise<unknown>)[]>(em: EntityManager, reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!em.isInTransaction()) return Promise.all(reads.map((read) => read())) as never;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as never;
}
