import type { EntityDictionary, EntityName } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { pageWindow, toPage, type Page, type PageArgs } from '../../shared/connection.js';

/**
 * One page of a project's rows of `entity` (visits, service reports), batched across every project
 * the request resolves: one statement numbers each project's rows with `row_number()` and counts them
 * with `count(*) over`, so a list of N projects with their visits costs the same as one project.
 * `orderBy` is SQL over the alias `e`, written by the caller, never taken from input.
 */
export function projectPage<T extends object>(ctx: Context, entity: EntityName<T>, projectId: string, orderBy: string, args: PageArgs): Promise<Page<T>> {
  const { limit, offset } = pageWindow(args);
  const table = ctx.em.getMetadata().get(entity).tableName;
  return ctx.loaders
    .keyed(`${table} page by project: ${orderBy} ${limit} ${offset}`, async (projectIds, em) => {
      const rows: { project_id: string; page_total_count: string; page_position: string }[] = await em.execute(
        `select * from (
           select e.*, count(*) over (partition by e.project_id) as page_total_count,
                  row_number() over (partition by e.project_id order by ${orderBy}) as page_position
             from "${table}" e where e.project_id in (?)) numbered
          where page_position > ? and page_position <= ?
          order by page_position`,
        [[...projectIds], offset, offset + limit],
      );
      const items = new Map(projectIds.map((id): [string, T[]] => [id, []]));
      const totals = new Map<string, number>();
      for (const { page_total_count, page_position: _, ...row } of rows) {
        items.get(row.project_id)!.push(em.map(entity, row as unknown as EntityDictionary<T>));
        totals.set(row.project_id, Number(page_total_count));
      }
      // A page past the end has no rows to carry the total: count those projects, in one more statement.
      const uncounted = offset > 0 ? projectIds.filter((id) => !totals.has(id)) : [];
      if (uncounted.length) {
        const counts: { project_id: string; total: string }[] = await em.execute(
          `select project_id, count(*) as total from "${table}" where project_id in (?) group by project_id`,
          [uncounted],
        );
        for (const { project_id, total } of counts) totals.set(project_id, Number(total));
      }
      return projectIds.map((id) => toPage(items.get(id)!, offset, totals.get(id) ?? 0));
    })
    .load(projectId);
}
