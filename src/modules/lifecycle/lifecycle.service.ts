import type { Context } from '../../shared/context.js';
import { Role, hasRole, type Viewer } from '../../shared/auth.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { Loaders } from '../../shared/loaders.js';
import { ALLOWED, enforce, refuse, type Verdict } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType, type LifecycleEvent } from '../events/lifecycle-event.entity.js';
import type { Project, ProjectStatus } from '../projects/project.entity.js';
import { isStaffOver } from '../projects/project.permissions.js';
import { GUARDS, type Guard } from './guards.js';
import { actionsFrom, mutationsFrom, nextStatusesFrom, transitionFor, type Actor, type GuardName, type ProjectAction } from './project-status.machine.js';

/** The kinds of actor the viewer is for this project: a member of its organisation, the staff of its park or district, or neither. */
export function actorsFor(viewer: Viewer | null, project: Project): Actor[] {
  const actors: Actor[] = [];
  if (hasRole(viewer, Role.APPLICANT) && viewer!.organizationId === project.organization.id) actors.push('APPLICANT');
  if (isStaffOver(viewer, project)) actors.push('STAFF');
  return actors;
}

/** Whether the viewer may take this step now, as far as role and status go (preconditions are checked on firing). */
export function canAct(viewer: Viewer | null, project: Project, action: ProjectAction): boolean {
  return actionsFrom(project.status, actorsFor(viewer, project)).includes(action);
}

export function nextStatuses(viewer: Viewer | null, project: Project): ProjectStatus[] {
  return nextStatusesFrom(project.status, actorsFor(viewer, project));
}

const words = (action: string) => action.toLowerCase().replace(/_/g, ' ');

const mayOverride = (viewer: Viewer | null, actors: Actor[], guard: Guard) =>
  guard.overridableBy === 'ADMIN' ? hasRole(viewer, Role.ADMIN) : !!guard.overridableBy && actors.includes(guard.overridableBy);

/** An unmet precondition the viewer may proceed past by giving a reason. */
interface Overridable {
  guard: GuardName;
  code: UserErrorCode;
  problem: string;
}

/**
 * Whether the viewer may take this step now: who takes it and from which statuses (the transitions
 * table), then each precondition (`guards.ts`). A precondition the viewer may override does not
 * refuse the step; it comes back in `overridable`, for `fire` to ask for the reason. `fire` and the
 * step's `viewerCan` flag both read this one answer.
 */
export async function checkStep(ctx: Context, project: Project, action: ProjectAction): Promise<{ verdict: Verdict; overridable: Overridable[] }> {
  const transition = transitionFor(action);
  const actors = actorsFor(ctx.viewer, project);
  const refused = (code: UserErrorCode, message: string) => ({ verdict: refuse(code, message), overridable: [] });
  if (!transition.by.some((by) => actors.includes(by))) {
    return refused(UserErrorCode.WRONG_ROLE, `Only ${transition.by.map((b) => (b === 'STAFF' ? 'staff' : 'the applicant organisation')).join(' or ')} can ${words(action)}.`);
  }
  if (!transition.from.includes(project.status)) {
    const yours = mutationsFrom(project.status, actors);
    return refused(UserErrorCode.INVALID_STATUS,
      `Project is ${project.status}, so ${transition.mutation} is not possible; ${yours.length ? `you can: ${yours.join(', ')}` : 'you have no step to take from here'}.`);
  }
  const overridable: Overridable[] = [];
  for (const name of transition.guards) {
    const guard = GUARDS[name];
    const problem = await guard.check(ctx, project);
    if (!problem) continue;
    if (!mayOverride(ctx.viewer, actors, guard)) {
      return refused(guard.code, `${problem}${guard.overridableBy === 'ADMIN' ? ' An administrator may proceed with a recorded reason.' : ''}`);
    }
    overridable.push({ guard: name, code: guard.code, problem });
  }
  return { verdict: ALLOWED, overridable };
}

/** For a step's `viewerCan` flag: allowed when the viewer may take it now, giving a reason where a precondition is theirs to override. */
export const canTakeStep = async (ctx: Context, project: Project, action: ProjectAction): Promise<Verdict> => (await checkStep(ctx, project, action)).verdict;

export interface FireOptions {
  /** Recorded with the event; lets an authorised actor proceed past an overridable precondition. */
  reason?: string | null;
  /** Where the reason is in the input, for its length error: `input.reason` unless said. */
  reasonField?: string;
  details?: Record<string, unknown>;
  /** Record the change as this kind of event (e.g. DECISION_RECORDED) rather than STATUS_CHANGED: one act, one event. */
  eventType?: EventType;
}

/**
 * The one way a project's status changes: checks the step (`checkStep`), sets the new status and
 * writes the STATUS_CHANGED event, all in the caller's transaction. The project's version column
 * makes a concurrent change of the same project fail. Returns the event, unflushed, for a caller
 * whose details depend on the override.
 */
export async function fire(ctx: Context, project: Project, action: ProjectAction, options: FireOptions = {}): Promise<{ overridden: boolean; event: LifecycleEvent | null }> {
  const reasonChecks = new Checks();
  reasonChecks.text(options.reason, options.reasonField ?? 'input.reason', 'The reason', MAX_LENGTH.reason, false);
  reasonChecks.throwIfAny();
  // Preconditions are read afresh: the caller's own writes in this transaction (an assignment, a condition met) count.
  const { verdict, overridable } = await checkStep({ ...ctx, loaders: new Loaders(ctx.em) }, project, action);
  enforce(verdict);
  const reason = options.reason?.trim();
  if (overridable.length && !reason) fail(overridable[0].code, undefined, `${overridable[0].problem} Give a reason to proceed anyway.`);
  const overrides = overridable.map(({ guard }) => ({ guard, reason: reason! }));
  const from = project.status;
  const to = transitionFor(action).to;
  project.status = to;
  project.updatedAt = ctx.now;
  const event = from === to ? null : recordEvent(ctx, project, options.eventType ?? EventType.STATUS_CHANGED, {
    fromStatus: from,
    toStatus: to,
    details: { action, ...(reason && { reason }), ...(overrides.length && { overrides }), ...options.details },
  });
  return { overridden: overrides.length > 0, event };
}
