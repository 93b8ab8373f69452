import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import type { Maybe } from '../../shared/loaders.js';
import { Role, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { ProjectStatus, type Project } from '../projects/project.entity.js';
import { canViewProject, isMentorOf, isStaffOver, visibleProjectsFilter } from '../projects/project.permissions.js';
import type { ActionItem } from './action-item.entity.js';

/**
 * An evaluator sees a project to score it; who was coached on what is none of their business, so an
 * evaluator assignment never opens a project's coaching. Everyone else sees coaching wherever they
 * see the project: the project rules are applied to the viewer without the evaluator role.
 */
function withoutEvaluatorAccess(viewer: Viewer): Viewer {
  return { ...viewer, roles: viewer.roles.filter((role) => role !== Role.EVALUATOR) };
}

/** Whether the viewer sees this project's coaching sessions and action items. */
export function canViewCoaching(ctx: Context, project: Project): Maybe<boolean> {
  return !!ctx.viewer && canViewProject(coachingContext(ctx), project);
}

/** The request as the coaching rules see it (withoutEvaluatorAccess), made once per request: a list asks for each of its projects. */
function coachingContext(ctx: Context): Context {
  return ctx.loaders.once('coaching context', () => ({ ...ctx, viewer: withoutEvaluatorAccess(ctx.viewer!) }));
}

/** The projects whose coaching the viewer sees, as a filter on Project. */
export const coachingProjectsFilter = (viewer: Viewer): FilterQuery<Project> => visibleProjectsFilter(withoutEvaluatorAccess(viewer));

/** A project whose lifecycle has ended is no longer coached. */
const ENDED_STATUSES: readonly ProjectStatus[] = [ProjectStatus.WITHDRAWN, ProjectStatus.REJECTED, ProjectStatus.CLOSED, ProjectStatus.TERMINATED];

/** The staff of its park or district coach a project, a mentor the projects they are assigned to, until the project's lifecycle ends. */
export async function canLogCoaching(ctx: Context, project: Project): Promise<Verdict> {
  if (!isStaffOver(ctx.viewer, project) && !(await isMentorOf(ctx, project))) return refuse(UserErrorCode.WRONG_ROLE, 'Only staff and the project’s mentors log coaching sessions.');
  if (ENDED_STATUSES.includes(project.status)) return refuse(UserErrorCode.INVALID_STATUS, `A project that is ${project.status} is no longer coached.`);
  return ALLOWED;
}

/**
 * Action items are ticked off, or reopened, by whoever follows the coaching: staff, the project's
 * mentors, the applicant organisation. `done` is the state asked for; an item already in it is left be.
 */
export async function canSetActionItemDone(ctx: Context, project: Project, item: ActionItem, done: boolean): Promise<Verdict> {
  if (!(await canViewCoaching(ctx, project))) return refuse(UserErrorCode.NOT_FOUND, 'No action item you can see has that ID.');
  if (done === !!item.doneAt) return refuse(UserErrorCode.ALREADY_DONE, done ? 'This action item is already done.' : 'This action item is already open.', 'input.done');
  return ALLOWED;
}
