import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { andThen, type Maybe } from '../../shared/loaders.js';
import { Role, hasRole, staffCovers, type Scope, type Viewer } from '../../shared/auth.js';
import { teamOf } from '../projects/project-team.loader.js';
import { Project } from '../projects/project.entity.js';
import { canSeeApplicant, isStaffOver, projectScope, staffProjectsFilter, type ProjectAudience } from '../projects/project.permissions.js';
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
 * as a predicate for live delivery. The project's staff (its park's and district's) see all. Its
 * mentors see all, with no evaluator named (see canSeeEventActor). Applicants see everything but the
 * review's inner workings. Evaluators see only the events about their own assignments. A staff
 * member or mentor who sees a project in another capacity (say, as its evaluator) sees what that
 * capacity gives, no more.
 */
type EventScope = { claim: 'STAFF' | 'MENTOR' } | { claim: 'APPLICANT'; exceptTypes: EventType[] } | { claim: 'EVALUATOR'; evaluatorId: string };

function eventScopes(viewer: Viewer): EventScope[] {
  const scopes: EventScope[] = [];
  if (hasRole(viewer, Role.ADMIN, Role.STAFF)) scopes.push({ claim: 'STAFF' });
  if (hasRole(viewer, Role.MENTOR)) scopes.push({ claim: 'MENTOR' });
  if (hasRole(viewer, Role.APPLICANT)) scopes.push({ claim: 'APPLICANT', exceptTypes: REVIEW_INTERNAL_EVENTS });
  if (hasRole(viewer, Role.EVALUATOR)) scopes.push({ claim: 'EVALUATOR', evaluatorId: viewer.id });
  return scopes;
}

function scopeFilter(viewer: Viewer, scope: EventScope): FilterQuery<LifecycleEvent> {
  switch (scope.claim) {
    case 'STAFF': return { project: staffProjectsFilter(viewer) };
    case 'MENTOR': return { project: { $in: raw('(select project_id from project_mentor where mentor_id = ?)', [viewer.id]) } };
    case 'APPLICANT': return { type: { $nin: scope.exceptTypes } };
    case 'EVALUATOR': return { evaluator: scope.evaluatorId };
  }
}

export function visibleEventsFilter(viewer: Viewer): FilterQuery<LifecycleEvent> {
  if (hasRole(viewer, Role.ADMIN)) return {};
  const filters = eventScopes(viewer).map((scope) => scopeFilter(viewer, scope));
  return filters.length ? { $or: filters } : { id: { $in: [] } };
}

/** What the event rule needs to know of an event's project: where it belongs, and its mentors. */
export interface EventAudience extends Scope {
  mentorIds: ReadonlySet<string>;
}

export function canSeeEvent(viewer: Viewer, event: { type: EventType; evaluatorId: string | null }, audience: EventAudience): boolean {
  return eventScopes(viewer).some((scope) => {
    switch (scope.claim) {
      case 'STAFF': return staffCovers(viewer, audience);
      case 'MENTOR': return audience.mentorIds.has(viewer.id);
      case 'APPLICANT': return !scope.exceptTypes.includes(event.type);
      case 'EVALUATOR': return event.evaluatorId === scope.evaluatorId;
    }
  });
}

/** The EventAudience of a project resolved in the request (its mentors batched per request). */
export async function eventAudienceOf(ctx: Context, projectId: string): Promise<EventAudience> {
  const project = (await ctx.loaders.byId(Project).load(projectId))!;
  const mentorIds = new Set(hasRole(ctx.viewer, Role.MENTOR) ? (await teamOf(ctx, projectId)).mentors.map((mentor) => mentor.id) : []);
  return { ...projectScope(project), mentorIds };
}

/**
 * Whether a project rule holds for a viewer of its events. Only an evaluator's claim to a project can
 * fall short of one: anyone else who sees its events is its staff, mentor or applicant (see
 * canSeeEvent), so for them it holds without a lookup (which live delivery would pay per event and
 * subscriber).
 */
function holdsForEventViewer(ctx: Context, event: LifecycleEvent, rule: (ctx: Context, project: Project) => Maybe<boolean>): Maybe<boolean> {
  return !hasRole(ctx.viewer, Role.EVALUATOR) || andThen(ctx.loaders.byId(Project).now(event.project.id), (project) => rule(ctx, project!));
}

/**
 * Whether the viewer may know who did it: the project's staff always, anyone their own acts. Otherwise the actor is
 * withheld where it would say who scored what or who decided, and from a viewer who may not know who
 * applied (an evaluator under blind review), as on the project itself.
 */
export function canSeeEventActor(ctx: Context, event: LifecycleEvent): Maybe<boolean> {
  const viewer = ctx.viewer;
  if (event.actor?.id === viewer?.id) return true;
  const project = hasRole(viewer, Role.ADMIN, Role.STAFF) ? ctx.loaders.byId(Project).now(event.project.id) : null;
  return andThen(project, (project) => (project && isStaffOver(viewer, project)) || (!STAFF_ONLY_ACTORS.includes(event.type) && holdsForEventViewer(ctx, event, canSeeApplicant)));
}

/**
 * The event's details as the viewer may see them: where the review stands only for those who may
 * see the review summary (`proposalReview`), so not for the evaluators scoring it.
 */
export function visibleEventDetails(ctx: Context, event: LifecycleEvent): Maybe<Record<string, unknown>> {
  const summary = REVIEW_SUMMARY_DETAILS[event.type];
  if (!summary) return event.details;
  return andThen(holdsForEventViewer(ctx, event, canSeeReviewSummary), (holds) =>
    holds ? event.details : Object.fromEntries(Object.entries(event.details).filter(([key]) => !summary.includes(key))),
  );
}

/**
 * Every fact about a viewer that the rules above, and the rules of the fields a live event shares by
 * class (see subscriptions/shared-execution.ts), consult about an event and its project: the viewer's
 * roles; whether they are its staff, applicant, mentor or evaluator; whether they did it or are the
 * evaluator it names. Viewers with the same class are answered alike by every one of those rules.
 */
export function eventViewerClass(viewer: Viewer, event: { actorId: string | null; evaluatorId: string | null }, audience: ProjectAudience): string {
  const staff = staffCovers(viewer, audience) ? 'staff' : '';
  const applicant = hasRole(viewer, Role.APPLICANT) && viewer.organizationId === audience.organizationId ? 'applicant' : '';
  const mentor = hasRole(viewer, Role.MENTOR) && audience.mentorIds.has(viewer.id) ? 'mentor' : '';
  const evaluator = hasRole(viewer, Role.EVALUATOR) && audience.evaluatorIds.has(viewer.id) ? 'evaluator' : '';
  const actor = event.actorId === viewer.id ? 'actor' : '';
  const evaluated = event.evaluatorId === viewer.id ? 'evaluated' : '';
  return `${rolesKey(viewer)}|${staff}|${applicant}|${mentor}|${evaluator}|${actor}|${evaluated}`;
}

const rolesKeys = new WeakMap<Viewer, string>();
function rolesKey(viewer: Viewer): string {
  let key = rolesKeys.get(viewer);
  if (key === undefined) rolesKeys.set(viewer, (key = [...viewer.roles].sort().join('+')));
  return key;
}
