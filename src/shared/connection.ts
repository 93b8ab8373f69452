import type { EntityDictionary, EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import type { Context } from '../app/context.js';
import { raw } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an `endCursor` or edge `cursor`).' })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Item>Connection` and `<Item>Edge` for a node type. */
export function ConnectionType<T extends object>(item: ClassType<T>, name = item.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => item) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements Page<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [item], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items match, across all pages.' }) totalCount!: number;
  }
  return Connection;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // An offset past the safe integers would lose digits and quietly return some other page.
  if (!match || !Number.isSafeInteger(Number(match[1]) + 1)) throw badInput('That cursor is not one this API gave out; pass back an `endCursor` unchanged.');
  return Number(match[1]) + 1;
}

export function pageWindow(args: PageArgs): { limit: number; offset: number } {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}.`);
  }
  return { limit, offset: args.after ? decodeCursor(args.after) : 0 };
}

export function toPage<T>(items: T[], offset: number, totalCount: number): Page<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes: items,
    totalCount,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * One page of entities and the total count in a single statement (`count(*) over ()`), so a list
 * costs one query however it is paged.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: PageArgs,
): Promise<Page<T>> {
  const { limit, offset } = pageWindow(args);
  const rows: Record<string, unknown>[] = await em
    .createQueryBuilder(entity, 'e')
    .select(['e.*', raw('count(*) over () as "page_total_count"')])
    .where(where)
    .orderBy(orderBy)
    .limit(limit)
    .offset(offset)
    .execute('all', false);
  let totalCount = rows.length ? Number(rows[0].page_total_count) : 0;
  if (!rows.length && offset > 0) totalCount = await em.count(entity, where);
  const items = rows.map(({ page_total_count: _, ...row }) => em.map(entity, row as EntityDictionary<T>));
  return toPage(items, offset, totalCount);
}

/**
 * One page of a project's rows of `entity` (coaching sessions, visits, service reports), batched across every project
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
