import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { Project } from '../projects/project.entity.js';
import { canSeeApplicant } from '../projects/project.permissions.js';
import { canSeeReviewSummary } from '../reviews/review.permissions.js';
import { EventType, type LifecycleEvent } from './lifecycle-event.entity.js';

/** Who scored what stays with staff: these events name an evaluator. */
export const REVIEW_INTERNAL_EVENTS = [EventType.EVALUATOR_ASSIGNED, EventType.ASSIGNMENT_RECUSED, EventType.SCORECARD_SUBMITTED];

/**
 * Events whose actor only staff may know: an evaluator's acts (their recusal, their scorecard, and
 * the review completed by it — who scored what), and the decision (as `Decision.decidedBy`).
 */
const STAFF_ONLY_ACTORS = [EventType.ASSIGNMENT_RECUSED, EventType.SCORECARD_SUBMITTED, EventType.REVIEW_COMPLETED, EventType.DECISION_RECORDED];

/** Details that restate where the review stands: the progress (scorecards in, of how many) and the result. */
const REVIEW_SUMMARY_DETAILS: Partial<Record<EventType, string[]>> = {
  [EventType.SCORECARD_SUBMITTED]: ['submitted', 'expected'],
  [EventType.REVIEW_COMPLETED]: ['rule', 'score', 'counted', 'dropped'],
};

/**
 * Which of a visible project's events a viewer sees — one rule, used as a SQL filter for lists and
 * as a predicate for live delivery. Staff see all. Mentors see all, with no evaluator named (see
 * canSeeEventActor). Applicants see everything but the review's inner workings. Evaluators see only
 * the events about their own assignments.
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

/**
 * Whether a project rule holds for a viewer of its events. Only an evaluator's claim to a project can
 * fall short of one: anyone else who sees its events is its staff, mentor or applicant, so for them
 * it holds without a lookup (which live delivery would pay per event and subscriber).
 */
async function holdsForEventViewer(ctx: Context, event: LifecycleEvent, rule: (ctx: Context, project: Project) => Promise<boolean>) {
  return !hasRole(ctx.viewer, Role.EVALUATOR) || rule(ctx, (await ctx.loaders.byId(Project).load(event.project.id))!);
}

/**
 * Whether the viewer may know who did it: staff always, anyone their own acts. Otherwise the actor is
 * withheld where it would say who scored what or who decided, and from a viewer who may not know who
 * applied (an evaluator under blind review), as on the project itself.
 */
export async function canSeeEventActor(ctx: Context, event: LifecycleEvent): Promise<boolean> {
  const viewer = ctx.viewer;
  if (isStaff(viewer) || event.actor?.id === viewer?.id) return true;
  return !STAFF_ONLY_ACTORS.includes(event.type) && holdsForEventViewer(ctx, event, canSeeApplicant);
}

/**
 * The event's details as the viewer may see them: where the review stands only for those who may
 * see the review summary (`proposalReview`), so not for the evaluators scoring it.
 */
export async function visibleEventDetails(ctx: Context, event: LifecycleEvent): Promise<Record<string, unknown>> {
  const summary = REVIEW_SUMMARY_DETAILS[event.type];
  if (!summary || (await holdsForEventViewer(ctx, event, canSeeReviewSummary))) return event.details;
  return Object.fromEntries(Object.entries(event.details).filter(([key]) => !summary.includes(key)));
}
