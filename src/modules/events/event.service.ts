import { ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { chronologicalOrders, findPage, type OldestFirstPageArgs } from '../../shared/connection.js';
import { findVisible } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import type { Project, ProjectStatus } from '../projects/project.entity.js';
import { seesProject } from '../projects/project.service.js';
import { canSeeEvent, eventAudienceOf, visibleEventsFilter } from './event.permissions.js';
import { LifecycleEvent, type EventType } from './lifecycle-event.entity.js';

export interface EventFacts {
  fromStatus?: ProjectStatus;
  toStatus?: ProjectStatus;
  /** The evaluator the event concerns (assignments, recusals, scorecards). */
  evaluatorId?: string;
  details?: Record<string, unknown>;
}

/** Appends an event to the project's audit trail, in the caller's transaction, stamped with the request's clock. */
export function recordEvent(ctx: Context, project: Project, type: EventType, facts: EventFacts = {}): LifecycleEvent {
  return ctx.em.create(LifecycleEvent, {
    project,
    type,
    actor: ctx.viewer ? ref(Person, ctx.viewer.id) : null,
    evaluator: facts.evaluatorId ? ref(Person, facts.evaluatorId) : null,
    fromStatus: facts.fromStatus ?? null,
    toStatus: facts.toStatus ?? null,
    details: facts.details ?? {},
    createdAt: ctx.now,
  });
}

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
  return findPage(ctx.em, LifecycleEvent, { $and: [{ project: project.id }, visibleEventsFilter(ctx.viewer!)] }, EVENT_ORDERS[args.order], args);
}
