import { Role, hasRole, type Viewer } from '../../shared/auth.js';
import { UserErrorCode, fail } from '../../shared/user-errors.js';
import { ProjectStatus } from './project.entity.js';

export type ProjectAction = 'SAVE_REVISION' | 'SUBMIT';

interface Transition {
  action: ProjectAction;
  from: ProjectStatus[];
  to: ProjectStatus;
  roles: Role[];
}

/** Every status change a project can make, who may make it, and from where. The only place this is said. */
export const TRANSITIONS: readonly Transition[] = [
  // A new revision reopens a draft: a submitted proposal that is revised must be submitted again.
  { action: 'SAVE_REVISION', from: [ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.REVISION_REQUESTED], to: ProjectStatus.DRAFT, roles: [Role.APPLICANT] },
  { action: 'SUBMIT', from: [ProjectStatus.DRAFT], to: ProjectStatus.SUBMITTED, roles: [Role.APPLICANT] },
];

function transitionFor(action: ProjectAction): Transition {
  return TRANSITIONS.find((t) => t.action === action)!;
}

export function canFire(viewer: Viewer | null, status: ProjectStatus, action: ProjectAction): boolean {
  const transition = transitionFor(action);
  return transition.from.includes(status) && hasRole(viewer, ...transition.roles);
}

/** The status the action leads to, or a user error naming the current status and what is allowed from it. */
export function nextStatus(status: ProjectStatus, action: ProjectAction): ProjectStatus {
  const transition = transitionFor(action);
  if (!transition.from.includes(status)) {
    const allowed = TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.action);
    fail(UserErrorCode.INVALID_STATUS, undefined,
      `A project in status ${status} cannot ${action.toLowerCase().replace('_', ' ')}; allowed from ${status}: ${allowed.join(', ') || 'nothing'}.`);
  }
  return transition.to;
}
