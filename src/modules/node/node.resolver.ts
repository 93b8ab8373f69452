import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { requireViewer } from '../../shared/auth.js';
import { notFound } from '../../shared/errors.js';
import { Node } from '../../shared/node.js';
import { fromGlobalId } from '../../shared/node-id.js';
import { getActionItem, getCoachingSession } from '../coaching/coaching.queries.js';
import { getCondition, getDecision } from '../decisions/decision.queries.js';
import { getEvent } from '../events/event.queries.js';
import { getOrganization } from '../organizations/organization.queries.js';
import { getPerson } from '../people/person.queries.js';
import { getActivity, getRegistration as getActivityRegistration, getSession as getActivitySession } from '../park-activities/park-activities.service.js';
import { getIssuedReport } from '../operations-report/operations-report.service.js';
import { getRecommendation } from '../recommendations/recommendations.js';
import { getPark, getPlace } from '../places/places.queries.js';
import { getProgram } from '../programs/program.queries.js';
import { getProject, getRevision } from '../projects/project.queries.js';
import { getReport } from '../reports/reports.queries.js';
import { getResourceMatch, getResourceNeed, getResourceOffer } from '../resources/resources.service.js';
import { getFollowUp, getVisit } from '../supervision/supervision.queries.js';
import { getAssignment, getRound } from '../reviews/review.queries.js';
import { getArea, getType } from '../taxonomy/taxonomy.queries.js';

/** Each type's own lookup, which applies that type's visibility rule. */
const fetchers: Record<string, (ctx: Context, globalId: string) => Promise<object>> = {
  Person: getPerson,
  Organization: getOrganization,
  Place: getPlace,
  Park: getPark,
  ProjectArea: getArea,
  ProjectType: getType,
  Program: getProgram,
  Project: getProject,
  ProposalRevision: getRevision,
  SupervisionVisit: getVisit,
  FollowUp: getFollowUp,
  ServiceReport: getReport,
  ReviewRound: getRound,
  ReviewAssignment: getAssignment,
  CoachingSession: getCoachingSession,
  ActionItem: getActionItem,
  Decision: getDecision,
  DecisionCondition: getCondition,
  LifecycleEvent: getEvent,
  ResourceOffer: getResourceOffer,
  ResourceNeed: getResourceNeed,
  ResourceMatch: getResourceMatch,
  ParkActivity: getActivity,
  ActivitySession: getActivitySession,
  ActivityRegistration: getActivityRegistration,
  IssuedOperationsReport: getIssuedReport,
  ProjectRecommendation: getRecommendation,
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID, if the viewer may see it.' })
  node(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'A global ID of any `Node` type, as its `id` field gave it.' }) id: string) {
    requireViewer(ctx.viewer);
    const type = fromGlobalId(id)?.type;
    // Own keys only: a type named like an Object method ("constructor") is no type of ours.
    if (!type || !Object.hasOwn(fetchers, type)) throw notFound('object');
    return fetchers[type](ctx, id);
  }
}
