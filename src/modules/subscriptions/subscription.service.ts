import type { Context } from '../../shared/context.js';
import { requireViewer } from '../../shared/auth.js';
import { apiError, badInput, notFound } from '../../shared/errors.js';
import { MAX_ITEMS } from '../../shared/input-limits.js';
import { decodeId } from '../../shared/node-id.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { canViewProject } from '../projects/project.permissions.js';
import { matches, readEvents, withAudiences, type EventRecord, type Subscriber, type SubscriberFilter } from './event-dispatcher.js';
import { LiveQueue } from './live-queue.js';

/** What mentors follow live: everything about a proposal's review, from submission to decision. */
export const REVIEW_EVENT_TYPES: ReadonlySet<EventType> = new Set([
  EventType.STATUS_CHANGED,
  EventType.REVISION_SAVED,
  EventType.EVALUATOR_ASSIGNED,
  EventType.ASSIGNMENT_RECUSED,
  EventType.SCORECARD_SUBMITTED,
  EventType.REVIEW_COMPLETED,
  EventType.DECISION_RECORDED,
  EventType.CONDITION_MET,
]);

/** Bytes waiting on a subscriber's socket before it is cut off (events waiting: SUBSCRIPTION_MAX_QUEUE). */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Close code for a subscriber that stays over those bounds (graphql-ws leaves 4000–4399 to applications). */
export const CLOSE_TOO_SLOW = 4008;

export const encodeCursor = (position: number) => Buffer.from(`event:${position}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^event:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || !Number.isSafeInteger(Number(match[1]))) throw badInput('That cursor is not an event cursor: pass back the `cursor` of the last event received.');
  return Number(match[1]);
}

export interface EventSubscriptionArgs {
  projectIds?: string[] | null;
  programId?: string | null;
  after?: string | null;
}

/** Checks the filter: every project named must be one the viewer may see — an error, never silence. */
async function filterFor(ctx: Context, args: EventSubscriptionArgs, types?: ReadonlySet<EventType>): Promise<SubscriberFilter> {
  const filter: SubscriberFilter = { types };
  if (args.projectIds?.length) {
    if (args.projectIds.length > MAX_ITEMS.subscribedProjects) throw badInput(`Name at most ${MAX_ITEMS.subscribedProjects} projects; to follow more, follow their programme.`);
    const ids = new Set<string>();
    for (const globalId of args.projectIds) {
      const id = decodeId(globalId, 'Project');
      const project = id ? await ctx.em.findOne(Project, { id }) : null;
      if (!project || !(await canViewProject(ctx, project))) throw notFound('Project');
      ids.add(id!);
    }
    filter.projectIds = ids;
  }
  if (args.programId) {
    const id = decodeId(args.programId, 'Program');
    if (!id || !(await ctx.em.count(Program, { id }))) throw notFound('Program');
    filter.programId = id;
  }
  return filter;
}

/**
 * A live stream of the events the viewer may see. With `after`, it first replays, in order, every
 * matching event committed since that cursor, then continues live, without gaps or repeats: the
 * subscriber is registered before the replay is read, and the queue drops anything already sent.
 */
export async function subscribeToEvents(ctx: Context, args: EventSubscriptionArgs, types?: ReadonlySet<EventType>): Promise<AsyncIterable<EventRecord>> {
  const viewer = requireViewer(ctx.viewer);
  const live = ctx.live;
  if (!live) throw apiError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket (graphql-ws) at /graphql.');
  const filter = await filterFor(ctx, args, types);
  const after = args.after ? decodeCursor(args.after) : null;
  if (after !== null) {
    const [row] = await ctx.em.execute('select exists(select 1 from lifecycle_event where position = ?) as known, (select count(*) from lifecycle_event where position > ?) as missed', [after, after]);
    if (!row.known) throw badInput('Unknown cursor: no event has it. Subscribe without `after` and refetch what you need.');
    if (Number(row.missed) > live.limits.replay) throw badInput(`Cursor too old: more than ${live.limits.replay} events have happened since. Refetch with queries, then subscribe without \`after\`.`);
    if (!live.reserveReplay(Number(row.missed))) {
      throw badInput('This connection has replayed as many events as it may (WS_MAX_REPLAY): refetch with queries, then subscribe without `after`.');
    }
  }

  const queue: LiveQueue<EventRecord> = new LiveQueue(() => unsubscribe());
  const subscriber: Subscriber = {
    viewer,
    filter,
    push(event) {
      if (queue.backlog >= live.limits.queue || live.bufferedBytes() > MAX_BUFFERED_BYTES) {
        queue.end();
        live.close(CLOSE_TOO_SLOW, 'Subscriber too slow: too many undelivered events');
        return;
      }
      queue.push(event);
    },
  };
  const unsubscribe = live.dispatcher.subscribe(subscriber);
  if (after !== null) {
    queue.startAfter(after);
    const missed = await withAudiences(live.orm, await readEvents(live.orm, after, Number.MAX_SAFE_INTEGER, live.limits.replay));
    queue.prepend(missed.filter((event) => matches(viewer, filter, event, event.audience!)));
  }
  return queue;
}
