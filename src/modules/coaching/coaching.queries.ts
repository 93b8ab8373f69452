import { rowMapper, type PageRow } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { groupByKey, type Loader } from '../../shared/loaders.js';
import { readRows, sqlArray } from '../../shared/read.js';
import { ActionItem } from './action-item.entity.js';

/**
 * The open action items of every project resolved in one request, earliest due first, in one
 * statement. A list of projects may fill it with its page (project.queries.ts, from openActionItemsJsonSql).
 */
export function openActionItemsLoader(ctx: Context): Loader<ActionItem[]> {
  return ctx.loaders.keyed('openActionItems', async (projectIds, em) => {
    const rows = await readRows<PageRow>(em, 'select * from action_item where project_id = any(?::uuid[]) and done_at is null order by due_date, id', [sqlArray(projectIds)]);
    const toItem = rowMapper(em, ActionItem);
    return groupByKey(projectIds, rows.map(toItem), (item) => item.project.id);
  });
}

/** The same items of the project `projectId` (an SQL expression) as a JSON array of rows. */
export const openActionItemsJsonSql = (projectId: string) =>
  `(select coalesce(json_agg(to_jsonb(a) order by a.due_date, a.id), '[]') from action_item a where a.project_id = ${projectId} and a.done_at is null)`;

/** Open action items from openActionItemsJsonSql's rows. */
export const openActionItemsFrom = (ctx: Context, rows: PageRow[]): ActionItem[] => rows.map(rowMapper(ctx.em, ActionItem));
