import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ObjectType } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { andThen } from '../../shared/loaders.js';
import { isStaffOver } from '../projects/project.permissions.js';
import { connectionDescription, ConnectionType, OldestFirstPageArgs, selectedPage } from '../../shared/connection.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { EventDetails, typedEventDetails } from './event-details.js';
import { canSeeEventActor, visibleEventDetails } from './event.permissions.js';
import { listEvents } from './event.queries.js';
import { LifecycleEvent } from './lifecycle-event.entity.js';

@ObjectType({ description: connectionDescription(LifecycleEvent) })
export class LifecycleEventConnection extends ConnectionType(LifecycleEvent) {}

@Resolver(() => Project)
export class ProjectEventsResolver {
  @FieldResolver(() => LifecycleEventConnection, { description: 'The audit trail, oldest first unless `order` says otherwise, as far as the viewer may see it.' })
  events(@Ctx() ctx: Context, @Root() project: Project, @Args(() => OldestFirstPageArgs) page: OldestFirstPageArgs, @Info() info: GraphQLResolveInfo) {
    return listEvents(ctx, project, selectedPage(page, info));
  }
}

@Resolver(() => LifecycleEvent)
export class LifecycleEventResolver {
  @FieldResolver(() => Project, { description: 'The project it happened to.' })
  project(@Ctx() ctx: Context, @Root() event: LifecycleEvent) {
    return ctx.loaders.byId(Project).now(event.project.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who did it; shown to staff only where it would say who scored what or who decided, and hidden under blind review.' })
  actor(@Ctx() ctx: Context, @Root() event: LifecycleEvent) {
    const actor = event.actor;
    return actor ? andThen(canSeeEventActor(ctx, event), (visible) => (visible ? ctx.loaders.byId(Person).now(actor.id) : null)) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The evaluator concerned (the staff of the project’s park or district, and that evaluator, only).' })
  evaluator(@Ctx() ctx: Context, @Root() event: LifecycleEvent) {
    const evaluator = event.evaluator;
    if (!evaluator) return null;
    const own = evaluator.id === ctx.viewer?.id;
    return andThen(own ? null : ctx.loaders.byId(Project).now(event.project.id), (project) =>
      own || isStaffOver(ctx.viewer, project!) ? ctx.loaders.byId(Person).now(evaluator.id) : null,
    );
  }

  @FieldResolver(() => EventDetails, { description: 'Facts about the event, typed by its type: global IDs, amounts in yuan, reasons; review progress and results only for those who may see the review.' })
  details(@Ctx() ctx: Context, @Root() event: LifecycleEvent) {
    return andThen(visibleEventDetails(ctx, event), (details) => typedEventDetails(event.type, details));
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description: 'The same facts as stored, untyped, withheld by the same rules.',
    deprecationReason: 'Use the typed `details`.',
  })
  detailsJson(@Ctx() ctx: Context, @Root() event: LifecycleEvent) {
    return visibleEventDetails(ctx, event);
  }
}
