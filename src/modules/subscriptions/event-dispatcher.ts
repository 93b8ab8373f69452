import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth.js';
import type { LiveEventSource } from '../../shared/context.js';
import { canSeeEvent } from '../events/event.permissions.js';
import type { EventType } from '../events/lifecycle-event.entity.js';
import { isInAudience, type ProjectAudience } from '../projects/project.permissions.js';

/** What the bus carries and subscribers are matched on: identifiers, never content. */
export interface EventRecord {
  id: string;
  position: number;
  projectId: string;
  programId: string;
  type: EventType;
  evaluatorId: string | null;
  actorId: string | null;
  /** The event's row as read once for the batch, so each subscriber maps it without another query. */
  row: Record<string, unknown>;
  /** Its project's row, likewise: nearly every subscriber selects the project. */
  projectRow?: Record<string, unknown>;
  /** Who may see its project, read for the batch: what subscribers are matched on and grouped by. */
  audience?: ProjectAudience;
}

export interface SubscriberFilter {
  projectIds?: ReadonlySet<string>;
  programId?: string;
  types?: ReadonlySet<EventType>;
}

export interface Subscriber {
  viewer: Viewer;
  filter: SubscriberFilter;
  /** Must not block: the dispatcher serves every subscriber in turn. */
  push(event: EventRecord): void;
}

const BATCH = 500;

/**
 * One per server instance. Woken after a local commit or by a NOTIFY from another instance, it reads
 * every event after the last position it dispatched — so a missed wake-up loses nothing — and hands
 * each one to the subscribers whose filter matches and who may see it, by the same rules as queries.
 */
export class EventDispatcher implements LiveEventSource {
  private last = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly orm: MikroORM, private readonly log: (message: string) => void = console.error) {}

  async start(): Promise<void> {
    const [row] = await this.orm.em.fork().execute('select coalesce(max(position), 0) as last from lifecycle_event');
    this.last = Number(row.last);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** The newest position dispatched so far. */
  get position(): number {
    return this.last;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * Reads and sends what is new. `upTo`, when known (a NOTIFY says the highest position it
   * committed), lets a wake-up for events already sent cost nothing.
   */
  wake(upTo?: number): void {
    if (upTo !== undefined && upTo <= this.last) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once everything woken so far has been dispatched. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const events = await readEvents(this.orm, this.last, Number.MAX_SAFE_INTEGER, BATCH);
        if (!events.length) return;
        if (this.subscribers.size) {
          await withAudiences(this.orm, events);
          for (const event of events) {
            for (const subscriber of this.subscribers) {
              if (matches(subscriber.viewer, subscriber.filter, event, event.audience!)) subscriber.push(event);
            }
          }
        }
        this.last = events[events.length - 1].position;
      }
    } catch (error) {
      // The next wake-up retries from the same position.
      this.log(`event dispatch failed: ${(error as Error).message}`);
    }
  }
}

export function matches(viewer: Viewer, filter: SubscriberFilter, event: EventRecord, audience: ProjectAudience): boolean {
  if (filter.projectIds && !filter.projectIds.has(event.projectId)) return false;
  if (filter.programId && filter.programId !== event.programId) return false;
  if (filter.types && !filter.types.has(event.type)) return false;
  return isInAudience(viewer, audience) && canSeeEvent(viewer, event, audience);
}

export async function readEvents(orm: MikroORM, after: number, upTo: number, limit: number): Promise<EventRecord[]> {
  const rows: Record<string, unknown>[] = await orm.em.fork().execute(
    `select e.*, p.program_id as event_program_id
       from lifecycle_event e join project p on p.id = e.project_id
      where e.position > ? and e.position <= ? order by e.position limit ?`,
    [after, upTo, limit],
  );
  return rows.map(({ event_program_id, ...row }) => ({
    id: row.id as string,
    position: Number(row.position),
    projectId: row.project_id as string,
    programId: event_program_id as string,
    type: row.type as EventType,
    evaluatorId: (row.evaluator_id as string | null) ?? null,
    actorId: (row.actor_id as string | null) ?? null,
    row,
  }));
}

/** Gives each event its project's row and audience, read fresh for the batch (see readAudiences). */
export async function withAudiences(orm: MikroORM, events: EventRecord[]): Promise<EventRecord[]> {
  if (!events.length) return events;
  const audiences = await readAudiences(orm, events);
  for (const event of events) {
    const { row, ...audience } = audiences.get(event.projectId)!;
    event.projectRow = row;
    event.audience = audience;
  }
  return events;
}

/** Who may see each project the events concern, read fresh for the batch (three statements at once). */
async function readAudiences(orm: MikroORM, events: EventRecord[]): Promise<Map<string, ProjectAudience & { row: Record<string, unknown> }>> {
  const ids = [...new Set(events.map((e) => e.projectId))];
  const em = orm.em.fork();
  const [projects, mentors, evaluators] = await Promise.all([
    em.execute('select * from project where id in (?)', [ids]) as Promise<{ id: string; organization_id: string; park_id: string | null; district_id: string | null }[]>,
    em.execute('select project_id, mentor_id from project_mentor where project_id in (?)', [ids]) as Promise<{ project_id: string; mentor_id: string }[]>,
    em.execute('select distinct project_id, evaluator_id from review_assignment where project_id in (?)', [ids]) as Promise<{ project_id: string; evaluator_id: string }[]>,
  ]);
  const mentorsOf = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const row of mentors) mentorsOf.get(row.project_id)!.add(row.mentor_id);
  const evaluatorsOf = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const row of evaluators) evaluatorsOf.get(row.project_id)!.add(row.evaluator_id);
  return new Map(
    projects.map((p) => [
      p.id,
      { row: p, organizationId: p.organization_id, parkId: p.park_id, districtId: p.district_id, mentorIds: mentorsOf.get(p.id)!, evaluatorIds: evaluatorsOf.get(p.id)! },
    ]),
  );
}
