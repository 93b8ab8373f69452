import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { LifecycleEvent } from '../events/lifecycle-event.entity.js';
import { Project } from '../projects/project.entity.js';
import type { EventRecord } from './event-dispatcher.js';
import { REVIEW_EVENT_TYPES, encodeCursor, subscribeToEvents, type EventSubscriptionArgs } from './subscription.service.js';

@ArgsType()
class EventStreamArgs implements EventSubscriptionArgs {
  @Field(() => [ID], { nullable: true, description: 'Follow only these projects (global IDs, at most 100); each must be one you may see, or the subscription fails with NOT_FOUND.' }) projectIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Follow only the projects of this programme (its global ID) that you may see.' }) programId?: string | null;
  @Field(() => String, { nullable: true, description: 'The `cursor` of the last event received.' }) after?: string | null;
}

const ARGS_DOC = 'Follow these projects, or all visible projects of this programme, or (neither) every project you may see.';

@Resolver(() => LifecycleEvent)
export class SubscriptionResolver {
  @Subscription(() => LifecycleEvent, {
    description: `Review status as it changes: submissions, evaluators assigned or recused, scorecards (with progress), completed reviews, decisions and status changes. ${ARGS_DOC} With \`after\`, first replays what was missed since that cursor.`,
    subscribe: ({ args, context }: SubscribeResolverData<unknown, EventSubscriptionArgs, Context>) => subscribeToEvents(context, args, REVIEW_EVENT_TYPES),
  })
  reviewStatusChanged(
    @Root() record: EventRecord,
    @Ctx() ctx: Context,
    @Args(() => EventStreamArgs) _args: EventStreamArgs,
  ) {
    return load(ctx, record);
  }

  @Subscription(() => LifecycleEvent, {
    description: `Every event of the audit trail the viewer may see: coaching, reviews, decisions, visits, reports, closing. ${ARGS_DOC}`,
    subscribe: ({ args, context }: SubscribeResolverData<unknown, EventSubscriptionArgs, Context>) => subscribeToEvents(context, args),
  })
  projectEvents(
    @Root() record: EventRecord,
    @Ctx() ctx: Context,
    @Args(() => EventStreamArgs) _args: EventStreamArgs,
  ) {
    return load(ctx, record);
  }

  @FieldResolver(() => String, { description: 'Stable position of the event; pass it as `after` to resume a subscription.' })
  cursor(@Root() event: LifecycleEvent) {
    return encodeCursor(event.position);
  }
}

/**
 * Each event is resolved in the unit of work SharedExecution gave it, with the subscriber's
 * permissions. The event row and its project's were read once for all subscribers.
 */
function load(ctx: Context, record: EventRecord) {
  if (record.projectRow) ctx.em.map(Project, record.projectRow);
  return ctx.em.map(LifecycleEvent, record.row);
}
