import type { FilterQuery } from '@mikro-orm/postgresql';
import { requireViewer } from '../../shared/auth.js';
import { ascending, chronologicalOrders, findPage, listOrder, projectPage, rowMapper, type NewestFirstPageArgs, type Page, type PageArgs, type PageRow } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { forbidden } from '../../shared/errors.js';
import { andThen, groupByKey, rowValues, type Loader, type Maybe } from '../../shared/loaders.js';
import { findVisible } from '../../shared/node.js';
import { readRows, sqlArray } from '../../shared/read.js';
import { Project } from '../projects/project.entity.js';
import { ActionItem } from './action-item.entity.js';
import { CoachingSession } from './coaching-session.entity.js';
import { canViewCoaching, coachingProjectsFilter } from './coaching.permissions.js';
import { platformDate } from './due-dates.js';

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

/** The same items of the project `projectId` (an SQL expression) as a JSON array of rows, each an array of values (rowValues). */
export const openActionItemsJsonSql = (ctx: Context, projectId: string) =>
  `(select coalesce(json_agg(${rowValues(ctx.em.getMetadata().get(ActionItem)).sql('a')} order by a.due_date, a.id), '[]') from action_item a where a.project_id = ${projectId} and a.done_at is null)`;

/** Open action items from openActionItemsJsonSql's rows (read only where the request only reads: plain rows). */
export const openActionItemsFrom = (ctx: Context, rows: unknown[][]): ActionItem[] => {
  const items = rowValues(ctx.em.getMetadata().get(ActionItem));
  return rows.map((values) => items.map(values));
};

async function coachingVisible(ctx: Context, projectId: string): Promise<boolean> {
  const project = await ctx.loaders.byId(Project).load(projectId);
  return !!project && canViewCoaching(ctx, project);
}

/** For fields of a project the viewer already sees: evaluators get FORBIDDEN rather than the coaching. */
async function requireCoachingVisible(ctx: Context, project: Project): Promise<void> {
  requireViewer(ctx.viewer);
  if (!(await canViewCoaching(ctx, project))) throw forbidden('see this project’s coaching');
}

export function getCoachingSession(ctx: Context, globalId: string): Promise<CoachingSession> {
  return findVisible(ctx, CoachingSession, globalId, (session) => coachingVisible(ctx, session.project.id));
}

export function getActionItem(ctx: Context, globalId: string): Promise<ActionItem> {
  return findVisible(ctx, ActionItem, globalId, (item) => coachingVisible(ctx, item.project.id));
}

const SESSION_ORDERS = chronologicalOrders('coachingSessions', 'held_at', 'timestamp');

/**
 * A project's sessions, newest first by default. Pages for every project resolved in the request come from one
 * statement (a window per project), so a list of projects with their sessions costs the same however long.
 */
export async function listCoachingSessions(ctx: Context, project: Project, args: NewestFirstPageArgs): Promise<Page<CoachingSession>> {
  await requireCoachingVisible(ctx, project);
  return projectPage(ctx, CoachingSession, project.id, SESSION_ORDERS[args.order], args);
}

/** A session's action items by due date, batched across sessions. */
export function sessionActionItems(ctx: Context, session: CoachingSession): Promise<ActionItem[]> {
  return ctx.loaders.childrenOf(ActionItem, 'session', session.id, { dueDate: 'asc', id: 'asc' });
}

/** A project's open action items by due date, batched across projects. */
export function openActionItems(ctx: Context, project: Project): Maybe<ActionItem[]> {
  requireViewer(ctx.viewer);
  return andThen(canViewCoaching(ctx, project), (visible) => {
    if (!visible) throw forbidden('see this project’s coaching');
    return openActionItemsLoader(ctx).now(project.id);
  });
}

const OVERDUE_BY_DUE_DATE = listOrder('overdueActionItems:DUE_DATE', ascending('due_date', 'date'));

/** Open items due before today on projects whose coaching the viewer sees, earliest due first. */
export function listOverdueActionItems(ctx: Context, args: PageArgs, programId?: string) {
  const viewer = requireViewer(ctx.viewer);
  // The project is a many-to-one join, so it cannot repeat an item.
  const where: FilterQuery<ActionItem>[] = [{ doneAt: null, dueDate: { $lt: platformDate(ctx.now) } }, { project: coachingProjectsFilter(viewer) }];
  if (programId) where.push({ project: { program: programId } });
  return findPage(ctx.em, ActionItem, { $and: where }, OVERDUE_BY_DUE_DATE, args);
}
