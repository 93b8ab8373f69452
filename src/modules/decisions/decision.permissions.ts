import type { Context } from '../../shared/context.js';
import type { Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { canAct, canTakeStep } from '../lifecycle/lifecycle.service.js';
import { ProjectAction } from '../lifecycle/project-status.machine.js';
import type { Project } from '../projects/project.entity.js';
import { isStaffOver } from '../projects/project.permissions.js';
import type { DecisionCondition } from './decision-condition.entity.js';
import { DecisionOutcome } from './decision.entity.js';

/** The step each outcome takes. */
export const DECISION_STEP: Record<DecisionOutcome, ProjectAction> = {
  [DecisionOutcome.APPROVED]: ProjectAction.APPROVE,
  [DecisionOutcome.APPROVED_WITH_CONDITIONS]: ProjectAction.APPROVE_WITH_CONDITIONS,
  [DecisionOutcome.REVISION_REQUESTED]: ProjectAction.REQUEST_REVISION,
  [DecisionOutcome.REJECTED]: ProjectAction.REJECT,
};

/** Whether the viewer may record some decision now: the transitions of the outcomes say who, from which status and on what scorecards. */
export async function canRecordDecision(ctx: Context, project: Project): Promise<Verdict> {
  let verdict: Verdict = ALLOWED;
  for (const step of Object.values(DECISION_STEP)) {
    verdict = await canTakeStep(ctx, project, step);
    if (verdict.allowed) break;
  }
  return verdict;
}

/** The project's staff (its park's or district's) mark each condition met once, while the project is in the status the last one approves it from. */
export function canMeetCondition(viewer: Viewer | null, condition: DecisionCondition, project: Project): Verdict {
  if (!isStaffOver(viewer, project)) return refuse(UserErrorCode.WRONG_ROLE, 'Only the staff of the project’s park or district mark its conditions met.');
  if (condition.metAt) return refuse(UserErrorCode.ALREADY_DONE, `This condition was met on ${condition.metAt.toISOString()}.`);
  if (!canAct(viewer, project, ProjectAction.MEET_CONDITIONS)) {
    return refuse(UserErrorCode.INVALID_STATUS, `The project is ${project.status}; conditions are met while it is CONDITIONALLY_APPROVED.`);
  }
  return ALLOWED;
}
