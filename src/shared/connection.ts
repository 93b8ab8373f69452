import type { EntityDictionary, EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
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
  if (!match) throw badInput('That cursor is not one this API gave out; pass back an `endCursor` unchanged.');
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
