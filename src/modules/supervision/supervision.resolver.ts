import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { NewestFirstPageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { FollowUp } from './follow-up.entity.js';
import { CloseFollowUpInput, LogSupervisionVisitInput } from './supervision.inputs.js';
import { followUpsOf, listVisits, projectClosingBlockers } from './supervision.queries.js';
import * as supervision from './supervision.service.js';
import { FollowUpViewerCan } from './supervision.viewer-can.js';
import { FollowUpPayload, SupervisionVisitConnection, SupervisionVisitPayload } from './supervision.types.js';
import { SupervisionVisit } from './supervision-visit.entity.js';

@Resolver(() => SupervisionVisit)
export class SupervisionVisitResolver {
  @Mutation(() => SupervisionVisitPayload, { description: 'Log a supervision visit, with any follow-ups, to a project in delivery (staff, or a mentor of the project).' })
  logSupervisionVisit(@Ctx() ctx: Context, @Arg('input', () => LogSupervisionVisitInput, { description: 'The visit and its follow-ups.' }) input: LogSupervisionVisitInput) {
    return runMutation(ctx, SupervisionVisitPayload, (tx) => supervision.logVisit(tx, input));
  }

  @Mutation(() => FollowUpPayload, { description: 'Close a follow-up, saying how it was put right (staff, or a mentor of the project).' })
  closeFollowUp(@Ctx() ctx: Context, @Arg('input', () => CloseFollowUpInput, { description: 'The follow-up and its resolution.' }) input: CloseFollowUpInput) {
    return runMutation(ctx, FollowUpPayload, (tx) => supervision.closeFollowUp(tx, input));
  }

  @FieldResolver(() => Person, { description: 'Who visited.' })
  visitor(@Ctx() ctx: Context, @Root() visit: SupervisionVisit) {
    return ctx.loaders.byId(Person).load(visit.visitor.id);
  }

  @FieldResolver(() => Project, { description: 'The project visited.' })
  project(@Ctx() ctx: Context, @Root() visit: SupervisionVisit) {
    return ctx.loaders.byId(Project).load(visit.project.id);
  }

  @FieldResolver(() => [FollowUp], { description: 'By due date.' })
  followUps(@Ctx() ctx: Context, @Root() visit: SupervisionVisit) {
    return followUpsOf(ctx, visit);
  }
}

@Resolver(() => FollowUp)
export class FollowUpResolver {
  @FieldResolver(() => SupervisionVisit, { description: 'The visit that asked for it.' })
  visit(@Ctx() ctx: Context, @Root() followUp: FollowUp) {
    return ctx.loaders.byId(SupervisionVisit).load(followUp.visit.id);
  }

  @FieldResolver(() => Project, { description: 'The project it concerns.' })
  project(@Ctx() ctx: Context, @Root() followUp: FollowUp) {
    return ctx.loaders.byId(Project).load(followUp.project.id);
  }

  @FieldResolver(() => Boolean, { description: 'Not closed yet: open follow-ups block the closing evaluation.' })
  open(@Root() followUp: FollowUp) {
    return !followUp.closedAt;
  }

  @FieldResolver(() => FollowUpViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() followUp: FollowUp) {
    return new FollowUpViewerCan(ctx, followUp);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who closed it.' })
  closedBy(@Ctx() ctx: Context, @Root() followUp: FollowUp) {
    return followUp.closedBy ? ctx.loaders.byId(Person).load(followUp.closedBy.id) : null;
  }
}

@Resolver(() => Project)
export class ProjectSupervisionResolver {
  @FieldResolver(() => SupervisionVisitConnection, { nullable: true, description: 'Supervision visits, newest first unless `order` says otherwise (staff, the project’s mentors and the applicant).' })
  supervisionVisits(@Ctx() ctx: Context, @Root() project: Project, @Args(() => NewestFirstPageArgs) page: NewestFirstPageArgs, @Info() info: GraphQLResolveInfo) {
    return listVisits(ctx, project, selectedPage(page, info));
  }

  @FieldResolver(() => [String], { nullable: true, description: 'What must be settled before the closing evaluation: open follow-ups and unaccepted service reports (staff).' })
  closingBlockers(@Ctx() ctx: Context, @Root() project: Project) {
    return projectClosingBlockers(ctx, project);
  }
}
