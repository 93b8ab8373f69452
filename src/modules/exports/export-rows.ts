/** What exports read: the projects a staff member works on, rows newest first in keyset batches, and the columns they share. */
import { entitySql, type Sql } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/node-id.js';
import { readRows } from '../../shared/read.js';
import { Project } from '../projects/project.entity.js';
import { staffProjectsFilter } from '../projects/project.permissions.js';
import type { ExportColumn } from './export-table.js';

/** Rows read per statement: an export streams batch by batch. */
const BATCH = 1000;

/**
 * The rows of `sql` (which selects `id` and the `key` column), newest first by `key` then id, in
 * keyset batches: each statement reads the next BATCH after the last row sent. Timestamps stay as
 * PostgreSQL writes them, to the microsecond (a Date keeps milliseconds and would repeat or skip rows).
 */
export async function* newestFirst<Row extends { id: string }>(ctx: Context, sql: Sql, key: keyof Row & string): AsyncIterable<Row[]> {
  let after: [unknown, string] | null = null;
  for (;;) {
    const rows: Row[] = await readRows<Row>(
      ctx.em,
      `select * from (${sql.text}) x ${after ? `where (x.${key}, x.id) < (?, ?)` : ''} order by x.${key} desc, x.id desc limit ${BATCH}`,
      [...sql.params, ...(after ?? [])],
      { prepare: false },
    );
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = [last[key], last.id];
  }
}

/** A numeric column as PostgreSQL sends it, as a number. */
export const amount = (value: string | null) => (value === null ? null : Number(value));
/** A timestamp as PostgreSQL sends it, as an instant. */
export const instant = (value: string | null) => (value === null ? null : new Date(value));

/** The projects the viewer is staff over (an administrator: all): what exports are made of. */
export function staffProjects(ctx: Context): Sql {
  return entitySql(ctx.em, Project, staffProjectsFilter(ctx.viewer!));
}

/** Their ids, as a subquery. */
export function staffProjectIds(ctx: Context): Sql {
  const visible = staffProjects(ctx);
  return { text: `select e.id from (${visible.text}) e`, params: visible.params };
}

/** The project a row belongs to: its global ID and title. */
export const projectColumns = <Row extends { project_id: string; project_title: string }>(): ExportColumn<Row>[] => [
  { key: 'projectId', en: 'Project ID', zh: '项目编号', value: (row) => toGlobalId('Project', row.project_id) },
  { key: 'project', en: 'Project', zh: '项目名称', value: (row) => row.project_title },
];
