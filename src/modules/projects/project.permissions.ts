import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { teamOf } from './project-team.loader.js';
import type { Project } from './project.entity.js';

/**
 * Who sees which projects — one rule used for lists, single lookups, nested fields and mutations:
 * staff and admins see all; applicants their organisation's; mentors those they mentor.
 */
export function visibleProjectsFilter(viewer: Viewer): FilterQuery<Project> {
  if (isStaff(viewer)) return {};
  const scopes: FilterQuery<Project>[] = [];
  if (hasRole(viewer, Role.APPLICANT) && viewer.organizationId) scopes.push({ organization: viewer.organizationId });
  // A subquery, not a join: a join would repeat a project once per mentor it has.
  if (hasRole(viewer, Role.MENTOR)) scopes.push({ id: { $in: raw('(select project_id from project_mentor where mentor_id = ?)', [viewer.id]) } });
  return scopes.length ? { $or: scopes } : { id: { $in: [] } };
}

export async function canViewProject(ctx: Context, project: Project): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isStaff(viewer)) return true;
  if (hasRole(viewer, Role.APPLICANT) && viewer.organizationId === project.organization.id) return true;
  return hasRole(viewer, Role.MENTOR) && (await teamOf(ctx, project.id)).mentors.some((mentor) => mentor.id === viewer.id);
}

/** Applicants write their own organisation's proposals. */
export const canEditProposal = (viewer: Viewer | null, project: Project) =>
  hasRole(viewer, Role.APPLICANT) && viewer!.organizationId === project.organization.id;

/** Staff choose the lead staff member and the mentors. */
export const canAssignTeam = (viewer: Viewer | null) => isStaff(viewer);
