import type { Context } from '../../shared/context.js';
import { chronologicalOrders, findPage, sharedRowColumn, type OldestFirstPageArgs, type Prefetch, type SelectedFields } from '../../shared/connection.js';
import { readsPlainRows, rowValues } from '../../shared/loaders.js';
import { findVisible } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import type { Project } from '../projects/project.entity.js';
import { seesProject } from '../projects/project.queries.js';
import { canSeeEvent, eventAudienceOf, visibleEventsFilter } from './event.permissions.js';
import { LifecycleEvent } from './lifecycle-event.entity.js';

/** An event, seen by whoever sees its project's trail and that event in it. */
export function getEvent(ctx: Context, globalId: string): Promise<LifecycleEvent> {
  return findVisible(ctx, LifecycleEvent, globalId, async (event) =>
    (await seesProject(ctx, event.project.id)) &&
    canSeeEvent(ctx.viewer!, { type: event.type, evaluatorId: event.evaluator?.id ?? null }, await eventAudienceOf(ctx, event.project.id)));
}

/** Positions never repeat, so they alone order the trail. */
const EVENT_ORDERS = chronologicalOrders('events', 'position', 'integer', { unique: true });

/** A project's audit trail, oldest first by default, as much of it as the viewer may see. */
export function listEvents(ctx: Context, project: Project, args: OldestFirstPageArgs) {
  return findPage(ctx.em, LifecycleEvent, { $and: [{ project: project.id }, visibleEventsFilter(ctx.viewer!)] }, EVENT_ORDERS[args.order], args, actorPrefetch(ctx, args.nodeFields));
}

/**
 * The actors of a page of events, read with it where the page shows them: each as the columns of a
 * person (not the password hash), once per page however many events they made, put in the request's
 * loader of people, so that each event's `actor` answers at once. Whether the viewer may see an actor
 * is still the field's to decide.
 */
function actorPrefetch(ctx: Context, fields: SelectedFields | undefined): Prefetch | undefined {
  if (!fields?.has('actor') || !readsPlainRows(ctx.em, Person)) return undefined;
  const people = rowValues(ctx.em.getMetadata().get(Person));
  return {
    columns: { text: '', params: [] },
    shared: { text: `, ${sharedRowColumn(people, 'person', 'page.actor_id', 'prefetch_actor')}`, params: [] },
    prime: (row) => {
      const actor = row.prefetch_actor as unknown[] | null;
      if (actor) ctx.loaders.byId(Person).prime(actor[0] as string, people.map(actor));
    },
  };
}
