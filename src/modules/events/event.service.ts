import { ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Person } from '../people/person.entity.js';
import type { Project, ProjectStatus } from '../projects/project.entity.js';
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
