import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { ProjectMentor } from './project-mentor.entity.js';
import type { Project } from './project.entity.js';

/**
 * Who sees which projects — one rule used for lists, single lookups, nested fields and mutations:
 * staff and admins see all; applicants their organisation's; mentors those they mentor.
 */
export function visibleProjectsFilter(viewer: Viewer): FilterQuery<Project> {
  if (isStaff(viewer)) return {};
  const scopes: FilterQuery<Project>[] = [];
  if (hasRole(viewer, Role.APPLICANT) && viewer.organizationId) scopes.push({ organization: viewer.organizationId });
  if (hasRole(viewer, Role.MENTOR)) scopes.push({ mentorships: { mentor: viewer.id } });
  return scopes.length ? { $or: scopes } : { id: { $in: [] } };
}

/** IDs of the mentors of a project, batched across all projects resolved in one request. */
export function mentorIdsOf(ctx: Context, projectId: string): Promise<string[]> {
  return ctx.loaders
    .keyed('mentorIdsByProject', async (projectIds, em) => {
      const rows = await em.find(ProjectMentor, { project: { $in: [...projectIds] } }, { orderBy: { assignedAt: 'asc' } });
      return projectIds.map((id) => rows.filter((row) => row.project.id === id).map((row) => row.mentor.id));
    })
    .load(projectId);
}

export async function canViewProject(ctx: Context, project: Project): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isStaff(viewer)) return true;
  if (hasRole(viewer, Role.APPLICANT) && viewer.organizationId === project.organization.id) return true;
  return hasRole(viewer, Role.MENTOR) && (await mentorIdsOf(ctx, project.id)).includes(viewer.id);
}

/** Applicants write their own organisation's proposals. */
export const canEditProposal = (viewer: Viewer | null, project: Project) =>
  hasRole(viewer, Role.APPLICANT) && viewer!.organizationId === project.organization.id;

/** Staff choose the lead staff member and the mentors. */
export const canAssignTeam = (viewer: Viewer | null) => isStaff(viewer);
