import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { teamOf } from '../projects/project-team.loader.js';
import type { Project } from '../projects/project.entity.js';
import { canViewProject, visibleProjectsFilter } from '../projects/project.permissions.js';

/**
 * An evaluator sees a project to score it; who was coached on what is none of their business, so an
 * evaluator assignment never opens a project's coaching. Everyone else sees coaching wherever they
 * see the project: the project rules are applied to the viewer without the evaluator role.
 */
function withoutEvaluatorAccess(viewer: Viewer): Viewer {
  return { ...viewer, roles: viewer.roles.filter((role) => role !== Role.EVALUATOR) };
}

/** Whether the viewer sees this project's coaching sessions and action items. */
export async function canViewCoaching(ctx: Context, project: Project): Promise<boolean> {
  return !!ctx.viewer && canViewProject({ ...ctx, viewer: withoutEvaluatorAccess(ctx.viewer) }, project);
}

/** The projects whose coaching the viewer sees, as a filter on Project. */
export const coachingProjectsFilter = (viewer: Viewer): FilterQuery<Project> => visibleProjectsFilter(withoutEvaluatorAccess(viewer));

/** Staff coach any project; a mentor coaches the projects they are assigned to. */
export async function canLogCoaching(ctx: Context, project: Project): Promise<boolean> {
  const viewer = ctx.viewer;
  if (isStaff(viewer)) return true;
  return hasRole(viewer, Role.MENTOR) && (await teamOf(ctx, project.id)).mentors.some((mentor) => mentor.id === viewer!.id);
}

/** Action items are ticked off by whoever follows the coaching: staff, the project's mentors, the applicant organisation. */
export const canUpdateActionItems = canViewCoaching;
