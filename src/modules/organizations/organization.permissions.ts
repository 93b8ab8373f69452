import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { ProjectMentor } from '../projects/project-mentor.entity.js';

/** Staff see every organisation, applicants their own, mentors those whose projects they mentor. */
export async function canSeeOrganization(ctx: Context, organizationId: string): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isStaff(viewer) || viewer.organizationId === organizationId) return true;
  if (!hasRole(viewer, Role.MENTOR)) return false;
  const mentored = await ctx.loaders
    .keyed('organizationsMentoredBy', async (mentorIds, em) => {
      const rows = await em.find(ProjectMentor, { mentor: { $in: [...mentorIds] } }, { populate: ['project'] });
      return mentorIds.map((mentorId) => new Set(rows.filter((row) => row.mentor.id === mentorId).map((row) => row.project.getEntity().organization.id)));
    })
    .load(viewer.id);
  return mentored.has(organizationId);
}

/** Staff register organisations and correct their details. */
export const canManageOrganizations = (viewer: Viewer | null) => isStaff(viewer);

/** Members' names and contacts: staff, and the organisation's own members. */
export const canSeeMembers = (viewer: Viewer | null, organizationId: string) => isStaff(viewer) || viewer?.organizationId === organizationId;
