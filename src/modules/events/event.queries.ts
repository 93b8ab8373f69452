import type { Context } from '../../shared/context.js';
import { ChronologicalOrder, chronologicalOrders, namedRowPrefetch, pageColumn, rowMapper, sqlPage, type OldestFirstPageArgs, type Page, type PageArgs } from '../../shared/connection.js';
import { foldedPage, foldPage } from '../../shared/folded-pages.js';
import { findVisible } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import type { Project } from '../projects/project.entity.js';
import { seesProject } from '../projects/project.queries.js';
import { canSeeEvent, eventAudienceOf, visibleEventsOfSql, visibleEventsSql } from './event.permissions.js';
import { LifecycleEvent } from './lifecycle-event.entity.js';

/** An event, seen by whoever sees its project's trail and that event in it. */
export function getEvent(ctx: Context, globalId: string): Promise<LifecycleEvent> {
  return findVisible(ctx, LifecycleEvent, globalId, async (event) =>
    (await seesProject(ctx, event.project.id)) &&
    canSeeEvent(ctx.viewer!, { type: event.type, evaluatorId: event.evaluator?.id ?? null }, await eventAudienceOf(ctx, event.project.id)));
}

/** Positions never repeat, so they alone order the trail. */
const EVENT_ORDERS = chronologicalOrders('events', 'position', 'integer', { unique: true });

/**
 * A project's audit trail, oldest first by default, as much of it as the viewer may see: the project
 * is visible (its field is resolved), so the rule is decided by its audience (visibleEventsSql), and
 * the statement is the same for every project, planned once. Read with the project where its page
 * asked for it (see the fold below).
 */
export async function listEvents(ctx: Context, project: Project, args: OldestFirstPageArgs): Promise<Page<LifecycleEvent>> {
  const folded = foldedPage<LifecycleEvent>(ctx, 'Project.events', project.id, args);
  if (folded) return folded;
  const visible = visibleEventsSql(ctx.viewer!, await eventAudienceOf(ctx, project.id));
  const source = { text: `select e.* from lifecycle_event e where e.project_id = ? and ${visible.text}`, params: [project.id, ...visible.params] };
  return sqlPage(ctx.em, source, EVENT_ORDERS[args.order], args, rowMapper(ctx.em, LifecycleEvent), eventActors(ctx, args), { planOnce: true });
}

/** The actors of a page of events, read with it where the page shows them, once per page however many events they made. */
const eventActors = (ctx: Context, args: PageArgs) => (args.nodeFields?.has('actor') ? namedRowPrefetch(ctx, Person, 'page.actor_id') : undefined);

/**
 * A project's page (`project(id:)`) reads its trail with it: the same page, with the rule over the
 * project's row (visibleEventsOfSql) where listEvents decides it from the project read first.
 */
foldPage('Project', 'events', (ctx, args, project) => {
  if (!ctx.viewer) return undefined;
  const visible = visibleEventsOfSql(ctx.viewer, project);
  const source = { text: `select e.* from lifecycle_event e where e.project_id = ${project}.id and ${visible.text}`, params: visible.params };
  return pageColumn(ctx.em, LifecycleEvent, source, EVENT_ORDERS[args.order as ChronologicalOrder], args, eventActors(ctx, args));
});
