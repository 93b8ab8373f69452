import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { NewestFirstPageArgs, PageArgs, selectedPage } from '../../shared/connection.js';
import { badInput } from '../../shared/errors.js';
import { runMutation } from '../../shared/mutation.js';
import { decodeId } from '../../shared/node-id.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { ActionItem } from './action-item.entity.js';
import { CoachingSession } from './coaching-session.entity.js';
import { LogCoachingSessionInput, SetActionItemDoneInput } from './coaching.inputs.js';
import { listCoachingSessions, listOverdueActionItems, openActionItems, sessionActionItems } from './coaching.queries.js';
import * as coaching from './coaching.service.js';
import { ActionItemViewerCan } from './coaching.viewer-can.js';
import { isOverdue } from './due-dates.js';
import { ActionItemConnection, ActionItemPayload, CoachingSessionConnection, CoachingSessionPayload } from './coaching.types.js';

@Resolver(() => CoachingSession)
export class CoachingSessionResolver {
  @Mutation(() => CoachingSessionPayload, { description: 'Log a coaching session held with a project, and its action items (staff, or a mentor of the project).' })
  logCoachingSession(@Ctx() ctx: Context, @Arg('input', () => LogCoachingSessionInput, { description: 'The session and its action items.' }) input: LogCoachingSessionInput) {
    return runMutation(ctx, CoachingSessionPayload, (tx) => coaching.logCoachingSession(tx, input));
  }

  @FieldResolver(() => Person, { description: 'Who coached.' })
  coach(@Ctx() ctx: Context, @Root() session: CoachingSession) {
    return ctx.loaders.byId(Person).load(session.coach.id);
  }

  @FieldResolver(() => Project, { description: 'The project coached.' })
  project(@Ctx() ctx: Context, @Root() session: CoachingSession) {
    return ctx.loaders.byId(Project).load(session.project.id);
  }

  @FieldResolver(() => ProposalRevision, { nullable: true, description: 'The revision the session discussed.' })
  discussedRevision(@Ctx() ctx: Context, @Root() session: CoachingSession) {
    return session.discussedRevision ? ctx.loaders.byId(ProposalRevision).load(session.discussedRevision.id) : null;
  }

  @FieldResolver(() => ProposalRevision, { nullable: true, description: 'The later revision that answered this session, once the applicant cites it.' })
  answeredByRevision(@Ctx() ctx: Context, @Root() session: CoachingSession) {
    return session.answeredByRevision ? ctx.loaders.byId(ProposalRevision).load(session.answeredByRevision.id) : null;
  }

  @FieldResolver(() => [ActionItem], { description: 'By due date.' })
  actionItems(@Ctx() ctx: Context, @Root() session: CoachingSession) {
    return sessionActionItems(ctx, session);
  }
}

@Resolver(() => ActionItem)
export class ActionItemResolver {
  @Query(() => ActionItemConnection, { nullable: true, description: 'Open action items due before today (Asia/Shanghai) on projects whose coaching the viewer follows, earliest due first.' })
  overdueActionItems(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo, @Arg('programId', () => ID, { nullable: true, description: 'Only the items of this programme’s projects (its global ID).' }) programId?: string) {
    const program = programId ? decodeId(programId, 'Program') : undefined;
    if (program === null) throw badInput('programId is not a programme ID.');
    return listOverdueActionItems(ctx, selectedPage(page, info), program);
  }

  @Mutation(() => ActionItemPayload, { description: 'Mark an action item done or reopen it (staff, the project’s mentors, the applicant organisation).' })
  setActionItemDone(@Ctx() ctx: Context, @Arg('input', () => SetActionItemDoneInput, { description: 'The item, and done or not.' }) input: SetActionItemDoneInput) {
    return runMutation(ctx, ActionItemPayload, (tx) => coaching.setActionItemDone(tx, input));
  }

  @FieldResolver(() => Boolean, { description: 'Whether it has been marked done.' })
  done(@Root() item: ActionItem) {
    return !!item.doneAt;
  }

  @FieldResolver(() => Boolean, { description: 'Open and due before today, by the calendar in Asia/Shanghai.' })
  overdue(@Ctx() ctx: Context, @Root() item: ActionItem) {
    return isOverdue(item, ctx.now);
  }

  @FieldResolver(() => ActionItemViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() item: ActionItem) {
    return new ActionItemViewerCan(ctx, item);
  }

  @FieldResolver(() => CoachingSession, { description: 'The coaching session that set it.' })
  session(@Ctx() ctx: Context, @Root() item: ActionItem) {
    return ctx.loaders.byId(CoachingSession).load(item.session.id);
  }

  @FieldResolver(() => Project, { description: 'The project it belongs to.' })
  project(@Ctx() ctx: Context, @Root() item: ActionItem) {
    return ctx.loaders.byId(Project).load(item.project.id);
  }
}

@Resolver(() => Project)
export class ProjectCoachingResolver {
  @FieldResolver(() => CoachingSessionConnection, { nullable: true, description: 'Coaching sessions, newest first unless `order` says otherwise (not for evaluators).' })
  coachingSessions(@Ctx() ctx: Context, @Root() project: Project, @Args(() => NewestFirstPageArgs) page: NewestFirstPageArgs, @Info() info: GraphQLResolveInfo) {
    return listCoachingSessions(ctx, project, selectedPage(page, info));
  }

  @FieldResolver(() => [ActionItem], { nullable: true, description: 'Action items not yet done, by due date (not for evaluators).' })
  openActionItems(@Ctx() ctx: Context, @Root() project: Project) {
    return openActionItems(ctx, project);
  }
}
