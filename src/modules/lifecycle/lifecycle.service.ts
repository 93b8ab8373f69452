import type { Context } from '../../app/context.js';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType, type LifecycleEvent } from '../events/lifecycle-event.entity.js';
import type { Project, ProjectStatus } from '../projects/project.entity.js';
import { GUARDS } from './guards.js';
import { actionsFrom, allowedFrom, nextStatusesFrom, transitionFor, type Actor, type ProjectAction } from './project-status.machine.js';

/** The kinds of actor the viewer is for this project: a member of its organisation, staff, or neither. */
export function actorsFor(viewer: Viewer | null, project: Project): Actor[] {
  const actors: Actor[] = [];
  if (hasRole(viewer, Role.APPLICANT) && viewer!.organizationId === project.organization.id) actors.push('APPLICANT');
  if (isStaff(viewer)) actors.push('STAFF');
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
 * The one way a project's status changes: checks who is acting, the current status and the
 * preconditions, sets the new status and writes the STATUS_CHANGED event, all in the caller's
 * transaction. The project's version column makes a concurrent change of the same project fail.
 * Returns the event, unflushed, for a caller whose details depend on the override.
 */
export async function fire(ctx: Context, project: Project, action: ProjectAction, options: FireOptions = {}): Promise<{ overridden: boolean; event: LifecycleEvent | null }> {
  const reasonChecks = new Checks();
  reasonChecks.text(options.reason, options.reasonField ?? 'input.reason', 'The reason', MAX_LENGTH.reason, false);
  reasonChecks.throwIfAny();
  const transition = transitionFor(action);
  const actors = actorsFor(ctx.viewer, project);
  if (!transition.by.some((by) => actors.includes(by))) {
    fail(UserErrorCode.WRONG_ROLE, undefined, `Only ${transition.by.map((b) => (b === 'STAFF' ? 'staff' : 'the applicant organisation')).join(' or ')} can ${words(action)}.`);
  }
  if (!transition.from.includes(project.status)) {
    const allowed = allowedFrom(project.status);
    fail(UserErrorCode.INVALID_STATUS, undefined,
      `A project in status ${project.status} cannot ${words(action)}; from ${project.status} the next steps are: ${allowed.length ? allowed.join(', ') : 'none (this status is final)'}.`);
  }
  const overrides: { guard: string; reason: string }[] = [];
  for (const name of transition.guards) {
    const guard = GUARDS[name];
    const problem = await guard.check(ctx, project);
    if (!problem) continue;
    const reason = options.reason?.trim();
    const mayOverride = guard.overridableBy === 'ADMIN' ? hasRole(ctx.viewer, Role.ADMIN) : !!guard.overridableBy && actors.includes(guard.overridableBy);
    if (!reason || !mayOverride) {
      const hint = guard.overridableBy && mayOverride ? ' Give a reason to proceed anyway.' : guard.overridableBy === 'ADMIN' ? ' An administrator may proceed with a recorded reason.' : '';
      fail(guard.code, undefined, `${problem}${hint}`);
    }
    overrides.push({ guard: name, reason });
  }
  const from = project.status;
  project.status = transition.to;
  project.updatedAt = ctx.now;
  const event = from === transition.to ? null : recordEvent(ctx, project, options.eventType ?? EventType.STATUS_CHANGED, {
    fromStatus: from,
    toStatus: transition.to,
    details: { action, ...(options.reason?.trim() && { reason: options.reason.trim() }), ...(overrides.length && { overrides }), ...options.details },
  });
  return { overridden: overrides.length > 0, event };
}
