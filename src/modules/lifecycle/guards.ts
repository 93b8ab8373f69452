import type { Context } from '../../app/context.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { DecisionCondition } from '../decisions/decision-condition.entity.js';
import { Program } from '../programs/program.entity.js';
import type { Project } from '../projects/project.entity.js';
import { reviewProgress } from '../reviews/review-progress.js';
import { RoundKind } from '../reviews/review-round.entity.js';
import { closingBlockers } from '../supervision/closing-blockers.js';
import type { Actor, GuardName } from './project-status.machine.js';

export interface Guard {
  code: UserErrorCode;
  /** Why the transition cannot happen now, or null when it can. */
  check(ctx: Context, project: Project): Promise<string | null>;
  /** Who may proceed anyway by giving a reason, which is recorded with the event. */
  overridableBy?: 'ADMIN' | Actor;
}

export const GUARDS: Record<GuardName, Guard> = {
  HAS_REVISION: {
    code: UserErrorCode.NO_REVISION,
    check: async (_ctx, project) => (project.currentRevision ? null : 'Save a revision of the proposal first.'),
  },
  PROGRAM_OPEN: {
    code: UserErrorCode.PROGRAM_NOT_OPEN,
    async check(ctx, project) {
      const program = await ctx.em.findOneOrFail(Program, { id: project.program.id });
      return program.isOpenAt(ctx.now) ? null : `${program.name} accepts submissions until ${program.applicationsCloseAt.toISOString()}.`;
    },
  },
  HAS_EVALUATORS: {
    code: UserErrorCode.NOT_ENOUGH_EVALUATORS,
    async check(ctx, project) {
      const { active, required } = await reviewProgress(ctx.em, project, RoundKind.PROPOSAL);
      return active >= required ? null : `The programme needs ${required} evaluators without a conflict; ${active} are assigned.`;
    },
  },
  ENOUGH_SCORECARDS: {
    code: UserErrorCode.NOT_ENOUGH_SCORECARDS,
    overridableBy: 'ADMIN',
    async check(ctx, project) {
      const { submitted, required } = await reviewProgress(ctx.em, project, RoundKind.PROPOSAL);
      return submitted >= required ? null : `A decision needs ${required} submitted scorecards on the current revision; ${submitted} are in.`;
    },
  },
  CONDITIONS_MET: {
    code: UserErrorCode.CONDITIONS_NOT_MET,
    async check(ctx, project) {
      const open = await ctx.em.count(DecisionCondition, { decision: { project: project.id }, metAt: null });
      return open === 0 ? null : `${open} condition(s) of the approval are not met yet.`;
    },
  },
  NO_CLOSING_BLOCKERS: {
    code: UserErrorCode.CLOSING_BLOCKED,
    overridableBy: 'STAFF',
    async check(ctx, project) {
      const blockers = await closingBlockers(ctx, project.id);
      return blockers.length ? `Settle these first, or give a reason to proceed: ${blockers.join('; ')}.` : null;
    },
  },
  CLOSING_REVIEW_COMPLETE: {
    code: UserErrorCode.NOT_ENOUGH_SCORECARDS,
    overridableBy: 'ADMIN',
    async check(ctx, project) {
      const { submitted, required } = await reviewProgress(ctx.em, project, RoundKind.CLOSING);
      return submitted >= required ? null : `The closing evaluation needs ${required} submitted scorecards; ${submitted} are in.`;
    },
  },
};
