import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { andThen, both, groupByKey, type Maybe } from '../../shared/loaders.js';
import { readRows, sqlArray } from '../../shared/read.js';
import { Role, hasRole, staffCovers, type Scope, type Viewer } from '../../shared/auth.js';
import { Program } from '../programs/program.entity.js';
import { mentorIdsOf } from './project-team.loader.js';
import type { Project } from './project.entity.js';

/**
 * Who sees which projects — one rule used for lists, single lookups, nested fields and mutations:
 * administrators see all; staff their parks' and their districts' (see staffCovers); applicants
 * their organisation's; mentors those they mentor; evaluators those assigned to them.
 */
export function visibleProjectsFilter(viewer: Viewer): FilterQuery<Project> {
  if (hasRole(viewer, Role.ADMIN)) return {};
  const scopes: FilterQuery<Project>[] = staffScopes(viewer);
  if (hasRole(viewer, Role.APPLICANT) && viewer.organizationId) scopes.push({ organization: viewer.organizationId });
  // Subqueries, not joins: a join would repeat a project once per mentor or assignment.
  if (hasRole(viewer, Role.MENTOR)) scopes.push({ id: { $in: raw('(select project_id from project_mentor where mentor_id = ?)', [viewer.id]) } });
  if (hasRole(viewer, Role.EVALUATOR)) scopes.push({ id: { $in: raw('(select project_id from review_assignment where evaluator_id = ?)', [viewer.id]) } });
  return scopes.length ? { $or: scopes } : { id: { $in: [] } };
}

function staffScopes(viewer: Viewer): FilterQuery<Project>[] {
  if (!hasRole(viewer, Role.STAFF)) return [];
  const scopes: FilterQuery<Project>[] = [];
  if (viewer.parkIds.length) scopes.push({ park: { $in: viewer.parkIds } });
  if (viewer.districtIds.length) scopes.push({ district: { $in: viewer.districtIds } });
  return scopes;
}

/** The projects the viewer is staff over (see isStaffOver), as a filter on Project. */
export function staffProjectsFilter(viewer: Viewer): FilterQuery<Project> {
  if (hasRole(viewer, Role.ADMIN)) return {};
  const scopes = staffScopes(viewer);
  return scopes.length ? { $or: scopes } : { id: { $in: [] } };
}

/** Who has a claim to see a project: the staff of its park and district, its organisation, its mentors, its evaluators. */
export interface ProjectAudience extends Scope {
  organizationId: string;
  mentorIds: ReadonlySet<string>;
  evaluatorIds: ReadonlySet<string>;
}

/** The visibility rule itself, over the facts: list filters, lookups and live delivery all follow it. */
export function isInAudience(viewer: Viewer, audience: ProjectAudience): boolean {
  return (
    staffCovers(viewer, audience) ||
    (hasRole(viewer, Role.APPLICANT) && viewer.organizationId === audience.organizationId) ||
    (hasRole(viewer, Role.MENTOR) && audience.mentorIds.has(viewer.id)) ||
    (hasRole(viewer, Role.EVALUATOR) && audience.evaluatorIds.has(viewer.id))
  );
}

/** The evaluators ever assigned to each project resolved in the request, in one statement. */
function evaluatorIdsOf(ctx: Context, projectId: string): Maybe<string[]> {
  return ctx.loaders
    .keyed('evaluatorIdsByProject', async (projectIds, em) => {
      const rows = await readRows<{ project_id: string; evaluator_id: string }>(
        em,
        'select distinct project_id, evaluator_id from review_assignment where project_id = any(?::uuid[])',
        [sqlArray(projectIds)],
      );
      return groupByKey(projectIds, rows, (row) => row.project_id).map((group) => group.map((row) => row.evaluator_id));
    })
    .now(projectId);
}

/** Where a project belongs: the park that coached it and its district. */
export const projectScope = (project: Project): Scope => ({ parkId: project.park?.id ?? null, districtId: project.district?.id ?? null });

/** Whether the viewer is staff over this project (see staffCovers). */
export const isStaffOver = (viewer: Viewer | null, project: Project) => staffCovers(viewer, projectScope(project));

export const isApplicantOf = (viewer: Viewer | null, project: Project) =>
  hasRole(viewer, Role.APPLICANT) && viewer!.organizationId === project.organization.id;

export function isMentorOf(ctx: Context, project: Project): Maybe<boolean> {
  const viewer = ctx.viewer;
  return hasRole(viewer, Role.MENTOR) && andThen(mentorIdsOf(ctx, project.id), (mentorIds) => mentorIds.includes(viewer!.id));
}

export function canViewProject(ctx: Context, project: Project): Maybe<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isStaffOver(viewer, project) || isApplicantOf(viewer, project)) return true;
  const mentors = hasRole(viewer, Role.MENTOR) ? mentorIdsOf(ctx, project.id) : [];
  const evaluators = hasRole(viewer, Role.EVALUATOR) ? evaluatorIdsOf(ctx, project.id) : [];
  return andThen(both(mentors, evaluators), ([mentorIds, evaluatorIds]) =>
    isInAudience(viewer, { ...projectScope(project), organizationId: project.organization.id, mentorIds: new Set(mentorIds), evaluatorIds: new Set(evaluatorIds) }),
  );
}

/**
 * Whether the viewer may know who applied. Only an evaluator on a blind-review programme may not:
 * for them every field that names the organisation, its members or the proposal's team is withheld.
 */
export function canSeeApplicant(ctx: Context, project: Project): Maybe<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isStaffOver(viewer, project) || isApplicantOf(viewer, project)) return true;
  return andThen(isMentorOf(ctx, project), (mentor) => mentor || andThen(ctx.loaders.byId(Program).now(project.program.id), (program) => !program?.blindReview));
}

/** Applicants write their own organisation's proposals. */
export const canEditProposal = isApplicantOf;

/** The project's staff choose the lead staff member and the mentors. */
export const canAssignTeam = isStaffOver;
