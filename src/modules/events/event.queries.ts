import type { Context } from '../../shared/context.js';
import { chronologicalOrders, findPage, type OldestFirstPageArgs } from '../../shared/connection.js';
import { findVisible } from '../../shared/node.js';
import type { Project } from '../projects/project.entity.js';
import { seesProject } from '../projects/project.service.js';
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
  return findPage(ctx.em, LifecycleEvent, { $and: [{ project: project.id }, visibleEventsFilter(ctx.viewer!)] }, EVENT_ORDERS[args.order], args);
}
