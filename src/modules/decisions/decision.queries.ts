import type { Context } from '../../shared/context.js';
import { groupByKey } from '../../shared/loaders.js';
import { findVisible } from '../../shared/node.js';
import type { Project } from '../projects/project.entity.js';
import { canViewProject } from '../projects/project.permissions.js';
import { seesProject } from '../projects/project.queries.js';
import { DecisionCondition } from './decision-condition.entity.js';
import { Decision } from './decision.entity.js';

/** A project's decisions, newest first: everyone who may see the project sees them, and no one else. */
export async function decisionsOf(ctx: Context, project: Project): Promise<Decision[]> {
  if (!(await canViewProject(ctx, project))) return [];
  return ctx.loaders
    .keyed('decisionsByProject', async (projectIds, em) => {
      const rows = await em.find(Decision, { project: { $in: [...projectIds] } }, { populate: ['conditions'], orderBy: { createdAt: 'desc', id: 'asc' } });
      return groupByKey(projectIds, rows, (row) => row.project.id);
    })
    .load(project.id);
}

/** A decision, and its conditions, are seen by whoever sees its project. */
export function getDecision(ctx: Context, globalId: string): Promise<Decision> {
  return findVisible(ctx, Decision, globalId, (decision) => seesProject(ctx, decision.project.id));
}

export function getCondition(ctx: Context, globalId: string): Promise<DecisionCondition> {
  return findVisible(ctx, DecisionCondition, globalId, async (condition) => {
    const decision = await ctx.loaders.byId(Decision).load(condition.decision.id);
    return !!decision && seesProject(ctx, decision.project.id);
  });
}
