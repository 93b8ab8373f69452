import type { Sql } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { sqlArray } from '../../shared/read.js';
import { andThen, type Maybe } from '../../shared/loaders.js';
import { Role, hasRole, staffCovers, staffCoversSql, type Scope, type Viewer } from '../../shared/auth.js';
import { teamOf } from '../projects/project-team.loader.js';
import { Project } from '../projects/project.entity.js';
import { canSeeApplicant, isStaffOver, projectScope, type ProjectAudience } from '../projects/project.permissions.js';
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
 * Which of a visible project's events a viewer sees — one rule, used as SQL for a project's trail
 * (visibleEventsSql, visibleEventsOfSql) and as a predicate for live delivery (canSeeEvent). The
 * project's staff (its park's and district's) see all. Its mentors see all, with no evaluator named
 * (see canSeeEventActor). Applicants see everything but the review's inner workings. Evaluators see
 * only the events about their own assignments. A staff member or mentor who sees a project in
 * another capacity (say, as its evaluator) sees what that capacity gives, no more.
 *
 * A claim to all of them holds where the viewer is the project's staff or one of its mentors.
 */
type EventClaim = { all: 'staff' | 'mentor' } | { exceptTypes: readonly EventType[] } | { evaluatorId: string };

/** What an event rule needs to know of the project: where it belongs, and its mentors. */
export interface EventAudience extends Scope {
  mentorIds: ReadonlySet<string>;
}

/** The viewer's claims to the events of a project, by their roles (none: no event). */
function eventClaims(viewer: Viewer): EventClaim[] {
  const claims: EventClaim[] = [];
  if (hasRole(viewer, Role.ADMIN, Role.STAFF)) claims.push({ all: 'staff' });
  if (hasRole(viewer, Role.MENTOR)) claims.push({ all: 'mentor' });
  if (hasRole(viewer, Role.APPLICANT)) claims.push({ exceptTypes: REVIEW_INTERNAL_EVENTS });
  if (hasRole(viewer, Role.EVALUATOR)) claims.push({ evaluatorId: viewer.id });
  return claims;
}

/** Whether a claim to all of a project's events holds for a project with this audience. */
const holdsAll = (viewer: Viewer, claim: 'staff' | 'mentor', audience: EventAudience) =>
  claim === 'staff' ? staffCovers(viewer, audience) : audience.mentorIds.has(viewer.id);

export function canSeeEvent(viewer: Viewer, event: { type: EventType; evaluatorId: string | null }, audience: EventAudience): boolean {
  return eventClaims(viewer).some((claim) =>
    'all' in claim ? holdsAll(viewer, claim.all, audience)
    : 'exceptTypes' in claim ? !claim.exceptTypes.includes(event.type)
    : event.evaluatorId === claim.evaluatorId);
}

/** The SQL of a claim to some of a project's events, over its events `e`. */
function someEventsSql(claim: Exclude<EventClaim, { all: unknown }>): Sql {
  return 'exceptTypes' in claim ? { text: 'e.type <> all(?::text[])', params: [sqlArray(claim.exceptTypes)] } : { text: 'e.evaluator_id = ?', params: [claim.evaluatorId] };
}

const anyOf = (conditions: Sql[]): Sql =>
  conditions.length ? { text: `(${conditions.map((condition) => condition.text).join(' or ')})`, params: conditions.flatMap((condition) => condition.params) } : { text: 'false', params: [] };

/**
 * canSeeEvent over the events `e` of one project with this audience, as an SQL condition: true for
 * its staff and mentors, so the trail is read by its project's index alone, whatever the viewer.
 */
export function visibleEventsSql(viewer: Viewer, audience: EventAudience): Sql {
  const claims = eventClaims(viewer);
  if (claims.some((claim) => 'all' in claim && holdsAll(viewer, claim.all, audience))) return { text: 'true', params: [] };
  return anyOf(claims.filter((claim): claim is Exclude<EventClaim, { all: unknown }> => !('all' in claim)).map(someEventsSql));
}

/**
 * canSeeEvent over the events `e` of the project row `project` of the same statement, its audience
 * read there too: its park and district (staffCoversSql) and its mentors. For a project's trail read
 * with the project (see event.queries.ts).
 */
export function visibleEventsOfSql(viewer: Viewer, project: string): Sql {
  return anyOf(
    eventClaims(viewer).map((claim) =>
      !('all' in claim) ? someEventsSql(claim)
      : claim.all === 'staff' ? staffCoversSql(viewer, project)
      : { text: `exists (select 1 from project_mentor m where m.project_id = ${project}.id and m.mentor_id = ?)`, params: [viewer.id] }),
  );
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
