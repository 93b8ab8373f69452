import type { Context } from '../../shared/context.js';
import { requireViewer } from '../../shared/auth.js';
import { chronologicalOrders, projectPage, type NewestFirstPageArgs } from '../../shared/connection.js';
import { forbidden } from '../../shared/errors.js';
import { findVisible } from '../../shared/node.js';
import { Project } from '../projects/project.entity.js';
import { closingBlockers } from './closing-blockers.js';
import { FollowUp } from './follow-up.entity.js';
import { canFollowDelivery, canSeeClosingBlockers, mayFollowDelivery } from './supervision.permissions.js';
import { SupervisionVisit } from './supervision-visit.entity.js';

/** Evaluators are refused delivery outright, before anything is looked up, so the answer reveals nothing. */
export function requireDeliveryRole(ctx: Context) {
  if (!mayFollowDelivery(requireViewer(ctx.viewer))) throw forbidden('see supervision visits and service reports');
}

/** Whether the viewer follows the delivery of the project with this database ID. */
export async function followsProject(ctx: Context, projectId: string): Promise<boolean> {
  const project = await ctx.loaders.byId(Project).load(projectId);
  return !!project && (await canFollowDelivery(ctx, project));
}

export function getVisit(ctx: Context, globalId: string): Promise<SupervisionVisit> {
  requireDeliveryRole(ctx);
  return findVisible(ctx, SupervisionVisit, globalId, (visit) => followsProject(ctx, visit.project.id));
}

export function getFollowUp(ctx: Context, globalId: string): Promise<FollowUp> {
  requireDeliveryRole(ctx);
  return findVisible(ctx, FollowUp, globalId, (followUp) => followsProject(ctx, followUp.project.id));
}

const VISIT_ORDERS = chronologicalOrders('supervisionVisits', 'visited_at', 'timestamp');

/** A project's visits, newest first by default; one statement for every project of a list. */
export async function listVisits(ctx: Context, project: Project, args: NewestFirstPageArgs) {
  if (!(await canFollowDelivery(ctx, project))) throw forbidden('see this project’s supervision visits');
  return projectPage(ctx, SupervisionVisit, project.id, VISIT_ORDERS[args.order], args);
}

/** A visit's follow-ups by due date, batched across the visits a request resolves. */
export function followUpsOf(ctx: Context, visit: SupervisionVisit): Promise<FollowUp[]> {
  return ctx.loaders.childrenOf(FollowUp, 'visit', visit.id, { dueDate: 'asc', id: 'asc' });
}

export function projectClosingBlockers(ctx: Context, project: Project): Promise<string[]> {
  if (!canSeeClosingBlockers(ctx.viewer, project)) throw forbidden('see what blocks a project’s closing');
  return closingBlockers(ctx, project.id);
}
