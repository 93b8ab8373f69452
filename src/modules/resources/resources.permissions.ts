import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, hasRole, staffCovers, type Scope, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { ProjectStatus, type Project } from '../projects/project.entity.js';
import { isApplicantOf, isMentorOf, isStaffOver } from '../projects/project.permissions.js';
import type { ResourceMatch } from './resource-match.entity.js';
import { matchMutationsFrom, matchTransition, type MatchAction, type MatchActor } from './resource-match.transitions.js';
import type { ResourceNeed } from './resource-need.entity.js';
import type { ResourceOffer } from './resource-offer.entity.js';

/**
 * The roles that take part in resource matching. Evaluators are FORBIDDEN from it outright rather
 * than told an offer does not exist: they judge proposals, they do not broker resources.
 */
export const mayUseResources = (viewer: Viewer | null) => hasRole(viewer, Role.ADMIN, Role.STAFF, Role.MENTOR, Role.APPLICANT);

/** Where an offer or a match belongs: its park and that park's district. */
export const resourceScope = (row: ResourceOffer | ResourceMatch): Scope => ({ parkId: row.park.id, districtId: row.district?.id ?? null });

/** Staff covering the park broker its resources: they manage its offers and take a match's staff steps. */
export const isBrokerFor = (viewer: Viewer | null, scope: Scope) => staffCovers(viewer, scope);

/**
 * Who sees a park's offers: the staff covering it, the mentors who work there, and the members of
 * the organisations it coaches. All its offers alike, so a list needs one check, not one per row.
 */
export async function canSeeParkOffers(ctx: Context, scope: Scope): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer || !mayUseResources(viewer)) return false;
  if (staffCovers(viewer, scope)) return true;
  if (hasRole(viewer, Role.MENTOR) && scope.parkId !== null && viewer.parkIds.includes(scope.parkId)) return true;
  if (!hasRole(viewer, Role.APPLICANT) || !viewer.organizationId) return false;
  const organization = await ctx.loaders.byId(Organization).load(viewer.organizationId);
  return !!organization?.park && organization.park.id === scope.parkId;
}

/** A project's own side of matching (its needs, its matches): its staff, its applicant organisation and its mentors. */
export async function followsProjectResources(ctx: Context, project: Project): Promise<boolean> {
  return isStaffOver(ctx.viewer, project) || isApplicantOf(ctx.viewer, project) || (await isMentorOf(ctx, project));
}

/** A match is shared by the park that brokers it and the project it serves. */
export async function canSeeMatch(ctx: Context, match: ResourceMatch, project: Project): Promise<boolean> {
  return isBrokerFor(ctx.viewer, resourceScope(match)) || (await followsProjectResources(ctx, project));
}

/**
 * The matches of a park the viewer sees when not its staff, as a filter on ResourceMatch: those of
 * their organisation's projects (applicants) and of the projects they mentor.
 */
export function ownProjectMatchesFilter(viewer: Viewer): FilterQuery<ResourceMatch> {
  const scopes: FilterQuery<ResourceMatch>[] = [];
  // Subqueries, not joins: a join would repeat a match once per mentor.
  if (hasRole(viewer, Role.APPLICANT) && viewer.organizationId) scopes.push({ project: { $in: raw('(select id from project where organization_id = ?)', [viewer.organizationId]) } });
  if (hasRole(viewer, Role.MENTOR)) scopes.push({ project: { $in: raw('(select project_id from project_mentor where mentor_id = ?)', [viewer.id]) } });
  return scopes.length ? { $or: scopes } : { id: { $in: [] } };
}

const FINAL_PROJECT_STATUSES: readonly ProjectStatus[] = [ProjectStatus.REJECTED, ProjectStatus.WITHDRAWN, ProjectStatus.CLOSED, ProjectStatus.TERMINATED];

function projectStillOpen(project: Project, field?: string): Verdict {
  return FINAL_PROJECT_STATUSES.includes(project.status)
    ? refuse(UserErrorCode.INVALID_STATUS, `Resources are brokered for projects that are still running; this one is ${project.status}.`, field)
    : ALLOWED;
}

/** The park's staff change and withdraw its offers while they are offered. */
export function canManageOffer(viewer: Viewer | null, offer: ResourceOffer, { withdrawing = false } = {}): Verdict {
  if (!isBrokerFor(viewer, resourceScope(offer))) return refuse(UserErrorCode.WRONG_ROLE, 'Only staff covering the offer’s park manage it.');
  if (!offer.withdrawnAt) return ALLOWED;
  return refuse(withdrawing ? UserErrorCode.ALREADY_DONE : UserErrorCode.INVALID_STATUS, `This offer was withdrawn on ${offer.withdrawnAt.toISOString()}.`);
}

/** Whether the offer may be matched on `today` (YYYY-MM-DD): not withdrawn, and not past its last day. */
export function offerAvailable(offer: ResourceOffer, today: string): Verdict {
  if (offer.withdrawnAt) return refuse(UserErrorCode.INVALID_STATUS, `This offer was withdrawn on ${offer.withdrawnAt.toISOString()}; it takes no new matches.`);
  if (offer.availableUntil && offer.availableUntil < today) return refuse(UserErrorCode.INVALID_STATUS, `This offer was available until ${offer.availableUntil}.`);
  return ALLOWED;
}

/** The offer's park's staff propose it, while it is available, to a running project of the same district that they are staff over too. */
export function canProposeMatch(viewer: Viewer | null, offer: ResourceOffer, today: string, project?: Project): Verdict {
  if (!isBrokerFor(viewer, resourceScope(offer))) return refuse(UserErrorCode.WRONG_ROLE, 'Only staff covering the offer’s park propose matches for it.');
  const available = offerAvailable(offer, today);
  if (!available.allowed || !project) return available;
  if (!isStaffOver(viewer, project)) return refuse(UserErrorCode.OUTSIDE_WORKPLACE, 'You are not staff over that project: match offers to the projects of your parks.', 'input.projectId');
  if ((project.district?.id ?? null) !== (offer.district?.id ?? null)) {
    return refuse(UserErrorCode.OUTSIDE_WORKPLACE, 'The project belongs to another district than the offer’s park.', 'input.projectId');
  }
  return projectStillOpen(project, 'input.projectId');
}

/** The project's applicant members, mentors and staff raise its needs while it runs. */
export async function canRaiseNeed(ctx: Context, project: Project): Promise<Verdict> {
  if (!(await followsProjectResources(ctx, project))) return refuse(UserErrorCode.WRONG_ROLE, 'Only the project’s applicant, mentors and staff raise its needs.');
  return projectStillOpen(project);
}

/** The same people close a need once. */
export async function canCloseNeed(ctx: Context, project: Project, need: ResourceNeed): Promise<Verdict> {
  if (!(await followsProjectResources(ctx, project))) return refuse(UserErrorCode.WRONG_ROLE, 'Only the project’s applicant, mentors and staff close its needs.');
  return need.closedAt ? refuse(UserErrorCode.ALREADY_DONE, `This need was closed on ${need.closedAt.toISOString()}.`) : ALLOWED;
}

/** In which capacities the viewer acts on a match. */
export function matchActors(viewer: Viewer | null, match: ResourceMatch, project: Project): MatchActor[] {
  const actors: MatchActor[] = [];
  if (isApplicantOf(viewer, project)) actors.push('APPLICANT');
  if (isBrokerFor(viewer, resourceScope(match))) actors.push('BROKER');
  return actors;
}

/** A step of a match, by the transitions table: the right actor, from a status the step leaves. */
export function canTakeMatchStep(viewer: Viewer | null, match: ResourceMatch, project: Project, action: MatchAction): Verdict {
  const transition = matchTransition(action);
  const actors = matchActors(viewer, match, project);
  if (!transition.by.some((by) => actors.includes(by))) {
    return refuse(UserErrorCode.WRONG_ROLE, transition.by.includes('APPLICANT')
      ? 'Only the applicant organisation’s members, or staff covering the offer’s park, answer a proposed match.'
      : 'Only staff covering the offer’s park take this step.');
  }
  if (match.status === transition.to) return refuse(UserErrorCode.ALREADY_DONE, `This match is already ${match.status}.`);
  if (transition.from.includes(match.status)) return ALLOWED;
  const open = matchMutationsFrom(match.status, actors);
  return refuse(UserErrorCode.INVALID_STATUS, `${transition.mutation} takes a match that is ${transition.from.join(' or ')}; this one is ${match.status}${
    open.length ? `: you may ${open.join(' or ')}` : ', and nothing more can be done with it'}.`);
}
