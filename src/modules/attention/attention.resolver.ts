import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { requireViewer } from '../../shared/auth.js';
import { PageArgs, selectedPage } from '../../shared/connection.js';
import { ActionItemConnection } from '../coaching/coaching.types.js';
import { Project } from '../projects/project.entity.js';
import { ProjectConnection } from '../projects/project.types.js';
import { ServiceReportConnection } from '../reports/reports.types.js';
import { ReviewAssignmentConnection } from '../reviews/review.types.js';
import { SupervisionVisitConnection } from '../supervision/supervision.types.js';
import { VIEWS, viewCounts, viewPage } from './attention.queries.js';
import { Attention, AttentionCounts, FollowUpConnection, ReportDueConnection, ReportDueEdge, reportDueConnection } from './attention.types.js';

@Resolver(() => Attention)
export class AttentionResolver {
  @Query(() => Attention, { nullable: true, description: 'What needs the signed-in viewer today: see `Attention`.' })
  attention(@Ctx() ctx: Context) {
    requireViewer(ctx.viewer);
    return new Attention();
  }

  @FieldResolver(() => AttentionCounts, { description: 'The size of every view, in one statement.' })
  async counts(@Ctx() ctx: Context): Promise<AttentionCounts> {
    const counts = await viewCounts(ctx);
    return { ...counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
  }

  @FieldResolver(() => ProjectConnection, { description: 'Staff, mentors: proposals submitted and waiting for evaluators, and reviews (proposal or closing) with fewer counting assignments than the programme’s minimum; longest waiting first.' })
  waitingForEvaluators(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.waitingForEvaluators, selectedPage(page, info));
  }

  @FieldResolver(() => ReviewAssignmentConnection, { description: 'Staff: assignments in open rounds, on the revision under review, still unscored after their due date; earliest due first.' })
  overdueAssignments(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.overdueAssignments, selectedPage(page, info));
  }

  @FieldResolver(() => ProjectConnection, { description: 'Staff, mentors: reviews with every counting scorecard in (at least the minimum) that wait for a decision or for closing; longest waiting first.' })
  undecidedReviews(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.undecidedReviews, selectedPage(page, info));
  }

  @FieldResolver(() => ServiceReportConnection, { description: 'Staff, mentors: service reports submitted and not yet accepted or returned; longest waiting first.' })
  reportsAwaitingAcceptance(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.reportsAwaitingAcceptance, selectedPage(page, info));
  }

  @FieldResolver(() => ReportDueConnection, { description: 'Staff, mentors: past months (from the month delivery started) for which a project in delivery has no report; earliest first.' })
  async missingReports(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return reportDueConnection(await viewPage(ctx, VIEWS.missingReports, selectedPage(page, info)));
  }

  @FieldResolver(() => FollowUpConnection, { description: 'Staff, mentors: open follow-ups past their due date; earliest due first.' })
  overdueFollowUps(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.overdueFollowUps, selectedPage(page, info));
  }

  @FieldResolver(() => SupervisionVisitConnection, { description: 'Staff, mentors: projects in delivery whose latest supervision visit found WARNING risk, by that visit, latest first.' })
  warningVisits(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.warningVisits, selectedPage(page, info));
  }

  @FieldResolver(() => ActionItemConnection, { description: 'Mentors, applicants: open coaching action items of their projects; earliest due first.' })
  openActionItems(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.openActionItems, selectedPage(page, info));
  }

  @FieldResolver(() => ReviewAssignmentConnection, { description: 'Evaluators: their assignments in open rounds not yet submitted, with due dates; earliest due first.' })
  assignmentsDue(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.assignmentsDue, selectedPage(page, info));
  }

  @FieldResolver(() => ReportDueConnection, { description: 'Applicants: for each of their projects in delivery, the next monthly report due (the earliest unreported month up to this one); earliest first.' })
  async reportsDue(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return reportDueConnection(await viewPage(ctx, VIEWS.reportsDue, selectedPage(page, info)));
  }

  @FieldResolver(() => ServiceReportConnection, { description: 'Applicants: their reports staff returned, to correct and resubmit; earliest month first.' })
  returnedReports(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return viewPage(ctx, VIEWS.returnedReports, selectedPage(page, info));
  }
}

@Resolver(() => ReportDueEdge)
export class ReportDueEdgeResolver {
  @FieldResolver(() => Project, { description: 'The project that owes the report.' })
  async node(@Ctx() ctx: Context, @Root() due: ReportDueEdge) {
    return (await ctx.loaders.byId(Project).load(due.projectId))!;
  }
}
