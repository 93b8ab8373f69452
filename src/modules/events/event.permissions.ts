import type { FilterQuery } from '@mikro-orm/postgresql';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { EventType, type LifecycleEvent } from './lifecycle-event.entity.js';

/** Who scored what stays with staff: these events name an evaluator. */
export const REVIEW_INTERNAL_EVENTS = [EventType.EVALUATOR_ASSIGNED, EventType.ASSIGNMENT_RECUSED, EventType.SCORECARD_SUBMITTED];

/**
 * Which of a visible project's events a viewer sees — one rule, used as a SQL filter for lists and
 * as a predicate for live delivery. Staff see all. Mentors see all, evaluators' names withheld.
 * Applicants see everything but the review's inner workings. Evaluators see only the events about
 * their own assignments.
 */
interface EventScope {
  all: boolean;
  exceptTypes?: EventType[];
  evaluatorId?: string;
}

function eventScopes(viewer: Viewer): EventScope[] {
  if (isStaff(viewer) || hasRole(viewer, Role.MENTOR)) return [{ all: true }];
  const scopes: EventScope[] = [];
  if (hasRole(viewer, Role.APPLICANT)) scopes.push({ all: false, exceptTypes: REVIEW_INTERNAL_EVENTS });
  if (hasRole(viewer, Role.EVALUATOR)) scopes.push({ all: false, evaluatorId: viewer.id });
  return scopes;
}

export function visibleEventsFilter(viewer: Viewer): FilterQuery<LifecycleEvent> {
  const scopes = eventScopes(viewer);
  if (scopes.some((s) => s.all)) return {};
  const filters: FilterQuery<LifecycleEvent>[] = scopes.map((s) => (s.exceptTypes ? { type: { $nin: s.exceptTypes } } : { evaluator: s.evaluatorId }));
  return filters.length ? { $or: filters } : { id: { $in: [] } };
}

export function canSeeEvent(viewer: Viewer, event: { type: EventType; evaluatorId: string | null }): boolean {
  return eventScopes(viewer).some((s) => s.all || (s.exceptTypes ? !s.exceptTypes.includes(event.type) : event.evaluatorId === s.evaluatorId));
}

/** The actor's identity: hidden when the actor is an evaluator, unless the viewer is staff or that evaluator. */
export function canSeeEventActor(viewer: Viewer, event: LifecycleEvent): boolean {
  if (isStaff(viewer) || !event.actor) return true;
  const actorIsEvaluator = !!event.evaluator && event.evaluator.id === event.actor.id;
  return !actorIsEvaluator || event.actor.id === viewer.id;
}
