import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import type { SelectedFields } from './connection.js';
import type { Context } from './context.js';
import { mapRow, readsPlainRows, rowValues, type Loader, type RowValues } from './loaders.js';
import { idIn, readRows } from './read.js';

/**
 * A row's summary: the few columns behind the fields that lists show of it (a board's organisation
 * by name and district, a current revision by number and amount), read instead of the whole row
 * where a selection reads nothing else. A summary is an object of the entity's class with the
 * summary's columns and every other property null, so only a selection of the summary's fields may
 * be answered from it (`shows`); the fields decide, as ever, whether to show it.
 */
export interface RowSummary<T> {
  /** The columns it reads. */
  readonly columns: readonly string[];
  /** Whether a selection (its field names) reads only the summary's fields. */
  shows(fields: ReadonlySet<string> | SelectedFields): boolean;
  /** Whether the request answers `fields` from the summary: a selection of its fields, where the request only reads. */
  answers(em: EntityManager, fields: ReadonlySet<string> | SelectedFields): boolean;
  /** The summary's columns as arrays of values (rowValues), for a statement that reads them with other rows (a page's prefetch). */
  values(em: EntityManager): RowValues<T>;
  /** The summaries of one request by id, batched; a page of rows that name them fills it. */
  loader(ctx: Context): Loader<T | null>;
}

/**
 * The summary of `entity` that answers the GraphQL `fields` (besides `__typename` and `id`) from its
 * `columns` (the id among them, and whatever keys the fields read: a district's id to name it).
 */
export function rowSummary<T extends object>(entity: EntityName<T>, fields: readonly string[], columns: readonly string[]): RowSummary<T> {
  const answered: ReadonlySet<string> = new Set(['__typename', 'id', ...fields]);
  // A selection is one object per field of the operation (selectedFields): answered once for every item of a list.
  const shown = new WeakMap<object, boolean>();
  const shows = (selection: ReadonlySet<string> | SelectedFields) => {
    let answer = shown.get(selection);
    if (answer === undefined) shown.set(selection, (answer = [...selection.keys()].every((field) => answered.has(field))));
    return answer;
  };
  const values = (em: EntityManager) => rowValues(em.getMetadata().get(entity), columns);
  return {
    columns,
    shows,
    answers: (em, selection) => shows(selection) && readsPlainRows(em, entity),
    values,
    loader: (ctx) =>
      ctx.loaders.keyed(`summary:${ctx.em.getMetadata().get(entity).className}`, async (ids, em) => {
        const meta = em.getMetadata().get(entity);
        const match = idIn('id', ids);
        const rows = await readRows<Record<string, unknown>>(em, `select ${columns.map((column) => `"${column}"`).join(', ')} from "${meta.tableName}" where ${match.text}`, match.params);
        const byId = new Map(rows.map((row) => [row.id as string, mapRow(meta, row)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  };
}
