import type { FilterQuery } from '@mikro-orm/postgresql';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { EventType, type LifecycleEvent } from './lifecycle-event.entity.js';

/** Who scored what stays with staff: these events name an evaluator. */
export const REVIEW_INTERNAL_EVENTS = [EventType.EVALUATOR_ASSIGNED, EventType.ASSIGNMENT_RECUSED, EventType.SCORECARD_SUBMITTED];

/**
 * Which of a visible project's events a viewer sees. Staff see all. Mentors see all, evaluators'
 * names withheld. Applicants see everything but the review's inner workings. Evaluators see only the
 * events about their own assignments.
 */
export function visibleEventsFilter(viewer: Viewer): FilterQuery<LifecycleEvent> {
  if (isStaff(viewer) || hasRole(viewer, Role.MENTOR)) return {};
  const scopes: FilterQuery<LifecycleEvent>[] = [];
  if (hasRole(viewer, Role.APPLICANT)) scopes.push({ type: { $nin: REVIEW_INTERNAL_EVENTS } });
  if (hasRole(viewer, Role.EVALUATOR)) scopes.push({ evaluator: viewer.id });
  return scopes.length ? { $or: scopes } : { id: { $in: [] } };
}

/** The actor's identity: hidden when the actor is an evaluator, unless the viewer is staff or that evaluator. */
export function canSeeEventActor(viewer: Viewer, event: LifecycleEvent): boolean {
  if (isStaff(viewer) || !event.actor) return true;
  const actorIsEvaluator = !!event.evaluator && event.evaluator.id === event.actor.id;
  return !actorIsEvaluator || event.actor.id === viewer.id;
}
