import type { Context } from '../../shared/context.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { Program } from '../programs/program.entity.js';
import type { Project } from '../projects/project.entity.js';
import { reviewProgress } from '../reviews/review-progress.js';
import { RoundKind } from '../reviews/review-round.entity.js';
import { closingBlockers } from '../supervision/closing-blockers.js';
import type { Actor, GuardName } from './project-status.machine.js';

export interface Guard {
  code: UserErrorCode;
  /**
   * Why the transition cannot happen now, or null when it can. Reads go through the request's
   * loaders, so `viewerCan` over a list of projects checks every project's preconditions at once.
   */
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
      const program = (await ctx.loaders.byId(Program).load(project.program.id))!;
      return program.isOpenAt(ctx.now) ? null : `${program.name} accepts submissions until ${program.applicationsCloseAt.toISOString()}.`;
    },
  },
  HAS_EVALUATORS: {
    code: UserErrorCode.NOT_ENOUGH_EVALUATORS,
    async check(ctx, project) {
      const { active, required } = await reviewProgress(ctx, project, RoundKind.PROPOSAL);
      return active >= required ? null : `The programme needs ${required} evaluators without a conflict; ${active} are assigned.`;
    },
  },
  ENOUGH_SCORECARDS: {
    code: UserErrorCode.NOT_ENOUGH_SCORECARDS,
    overridableBy: 'ADMIN',
    async check(ctx, project) {
      const { submitted, required } = await reviewProgress(ctx, project, RoundKind.PROPOSAL);
      return submitted >= required ? null : `A decision needs ${required} submitted scorecards on the current revision; ${submitted} are in.`;
    },
  },
  CONDITIONS_MET: {
    code: UserErrorCode.CONDITIONS_NOT_MET,
    async check(ctx, project) {
      const open = await openConditions(ctx, project.id);
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
  // Even an administrator's override needs a score to grade.
  HAS_CLOSING_SCORECARD: {
    code: UserErrorCode.NOT_ENOUGH_SCORECARDS,
    async check(ctx, project) {
      const { submitted } = await reviewProgress(ctx, project, RoundKind.CLOSING);
      return submitted > 0 ? null : 'The closing evaluation has no submitted scorecard yet.';
    },
  },
  CLOSING_REVIEW_COMPLETE: {
    code: UserErrorCode.NOT_ENOUGH_SCORECARDS,
    overridableBy: 'ADMIN',
    async check(ctx, project) {
      const { submitted, required } = await reviewProgress(ctx, project, RoundKind.CLOSING);
      return submitted >= required ? null : `The closing evaluation needs ${required} submitted scorecards; ${submitted} are in.`;
    },
  },
};

/** How many conditions of each project's approvals are not met yet, for every project of a request in one statement. */
function openConditions(ctx: Context, projectId: string): Promise<number> {
  return ctx.loaders
    .keyed('openConditionsByProject', async (projectIds, em) => {
      const rows: { project_id: string; open: number }[] = await em.execute(
        `select d.project_id, count(*)::int as open
           from decision_condition c join decision d on d.id = c.decision_id
          where c.met_at is null and d.project_id in (?)
          group by d.project_id`,
        [[...projectIds]],
      );
      const counts = new Map(rows.map((row) => [row.project_id, row.open]));
      return projectIds.map((id) => counts.get(id) ?? 0);
    })
    .load(projectId);
}
