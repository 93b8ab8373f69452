import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { NewestFirstPageArgs, PageArgs, selectedFields, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Person } from '../people/person.entity.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { AssignmentStatus, ReviewAssignment } from './review-assignment.entity.js';
import { AssignEvaluatorsInput, CloseReviewRoundInput, DeclareConflictInput, OpenReviewRoundInput, SaveScorecardInput } from './review.inputs.js';
import { canSeeEvaluator } from './review.permissions.js';
import { isCurrent } from './review-progress.js';
import { ReviewRound, RoundKind } from './review-round.entity.js';
import { getRound, listRounds, myAssignments, projectScorecards, ranking, reviewSummary } from './review.queries.js';
import * as reviews from './review.service.js';
import { ReviewAssignmentViewerCan, ReviewRoundViewerCan } from './review.viewer-can.js';
import {
  AssignEvaluatorsPayload,
  RankingEntry,
  ReviewAssignmentConnection,
  ReviewAssignmentPayload,
  ReviewRoundConnection,
  ReviewRoundPayload,
  ReviewSummary,
} from './review.types.js';

@Resolver(() => ReviewRound)
export class ReviewRoundResolver {
  @Query(() => ReviewRound, { nullable: true, description: 'A review round: the staff who run its programme see it, other staff as far as their projects take part in it, evaluators those they are assigned in.' })
  reviewRound(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The round’s global ID.' }) id: string) {
    return getRound(ctx, id);
  }

  @Query(() => ReviewAssignmentConnection, { nullable: true, description: 'The signed-in evaluator’s assignments, newest first unless `order` says otherwise.' })
  myAssignments(@Ctx() ctx: Context, @Args(() => NewestFirstPageArgs) page: NewestFirstPageArgs, @Info() info: GraphQLResolveInfo, @Arg('status', () => AssignmentStatus, { nullable: true, description: 'Only assignments in this status; all when omitted.' }) status?: AssignmentStatus) {
    return myAssignments(ctx, selectedPage(page, info), status);
  }

  @Mutation(() => ReviewRoundPayload, { description: 'Open a proposal or closing review round for a programme (the staff who run the programme).' })
  openReviewRound(@Ctx() ctx: Context, @Arg('input', () => OpenReviewRoundInput, { description: 'The programme, kind and name of the round.' }) input: OpenReviewRoundInput) {
    return runMutation(ctx, ReviewRoundPayload, (tx) => reviews.openRound(tx, input));
  }

  @Mutation(() => ReviewRoundPayload, { description: 'Close a round: no more assignments or scoring (the staff who run its programme).' })
  closeReviewRound(@Ctx() ctx: Context, @Arg('input', () => CloseReviewRoundInput, { description: 'The round to close.' }) input: CloseReviewRoundInput) {
    return runMutation(ctx, ReviewRoundPayload, (tx) => reviews.closeRound(tx, input));
  }

  @Mutation(() => AssignEvaluatorsPayload, { description: 'Assign evaluators to a project in a round; the first assignment starts its review (staff).' })
  assignEvaluators(@Ctx() ctx: Context, @Arg('input', () => AssignEvaluatorsInput, { description: 'The round, the project and the evaluators.' }) input: AssignEvaluatorsInput) {
    return runMutation(ctx, AssignEvaluatorsPayload, (tx) => reviews.assignEvaluators(tx, input));
  }

  @Mutation(() => ReviewAssignmentPayload, { description: 'Declare a conflict of interest: the assignment is recused and no longer counts (the evaluator).' })
  declareConflict(@Ctx() ctx: Context, @Arg('input', () => DeclareConflictInput, { description: 'Your assignment and the reason.' }) input: DeclareConflictInput) {
    return runMutation(ctx, ReviewAssignmentPayload, (tx) => reviews.declareConflict(tx, input));
  }

  @Mutation(() => ReviewAssignmentPayload, { description: 'Save a scorecard draft, or submit it as final (the evaluator).' })
  saveScorecard(@Ctx() ctx: Context, @Arg('input', () => SaveScorecardInput, { description: 'Your scorecard as it stands.' }) input: SaveScorecardInput) {
    return runMutation(ctx, ReviewAssignmentPayload, (tx) => reviews.saveScorecard(tx, input));
  }

  @FieldResolver(() => Program, { description: 'The programme the round belongs to.' })
  program(@Ctx() ctx: Context, @Root() round: ReviewRound) {
    return ctx.loaders.byId(Program).load(round.program.id);
  }

  @FieldResolver(() => ReviewRoundViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() round: ReviewRound) {
    return new ReviewRoundViewerCan(ctx, round);
  }

  @FieldResolver(() => [RankingEntry], { nullable: true, description: 'The leaderboard: by score, then counted scorecards, then earlier submission (staff). Ranks are over every project of the round; the staff who run the programme see every line, other staff the lines of their own projects.' })
  ranking(@Ctx() ctx: Context, @Root() round: ReviewRound, @Info() info: GraphQLResolveInfo) {
    return ranking(ctx, round, selectedFields(info, 'project'));
  }
}

@Resolver(() => ReviewAssignment)
export class ReviewAssignmentResolver {
  @FieldResolver(() => ReviewRound, { description: 'The round of the assignment.' })
  round(@Ctx() ctx: Context, @Root() assignment: ReviewAssignment) {
    return ctx.loaders.byId(ReviewRound).load(assignment.round.id);
  }

  @FieldResolver(() => Project, { description: 'The project to score.' })
  project(@Ctx() ctx: Context, @Root() assignment: ReviewAssignment) {
    return ctx.loaders.byId(Project).load(assignment.project.id);
  }

  @FieldResolver(() => ProposalRevision, { nullable: true, description: 'The revision scored (proposal rounds).' })
  revision(@Ctx() ctx: Context, @Root() assignment: ReviewAssignment) {
    return assignment.revision ? ctx.loaders.byId(ProposalRevision).load(assignment.revision.id) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who scored: the staff of the project’s park or district, and the evaluator themselves, only.' })
  async evaluator(@Ctx() ctx: Context, @Root() assignment: ReviewAssignment) {
    return (await canSeeEvaluator(ctx, assignment)) ? ctx.loaders.byId(Person).load(assignment.evaluator.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The declared conflict (staff and the evaluator).' })
  async conflictReason(@Ctx() ctx: Context, @Root() assignment: ReviewAssignment) {
    return (await canSeeEvaluator(ctx, assignment)) ? assignment.conflictReason : null;
  }

  @FieldResolver(() => ReviewAssignmentViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() assignment: ReviewAssignment) {
    return new ReviewAssignmentViewerCan(ctx, assignment);
  }

  @FieldResolver(() => Boolean, { description: 'Scored an earlier revision than the project’s current one: kept, not counted.' })
  async stale(@Ctx() ctx: Context, @Root() assignment: ReviewAssignment) {
    const project = await ctx.loaders.byId(Project).load(assignment.project.id);
    return !isCurrent(assignment, project!);
  }
}

@Resolver(() => Project)
export class ProjectReviewResolver {
  @FieldResolver(() => ReviewSummary, { nullable: true, description: 'The proposal review: progress (e.g. 3 of 5 in) and the aggregate score (staff, the project’s mentors and its applicants).' })
  proposalReview(@Ctx() ctx: Context, @Root() project: Project) {
    return reviewSummary(ctx, project, RoundKind.PROPOSAL);
  }

  @FieldResolver(() => ReviewSummary, { nullable: true, description: 'The closing evaluation: progress and the aggregate score (staff, the project’s mentors and its applicants).' })
  closingReview(@Ctx() ctx: Context, @Root() project: Project) {
    return reviewSummary(ctx, project, RoundKind.CLOSING);
  }

  @FieldResolver(() => [ReviewAssignment], { description: 'Scorecards: staff see all; evaluators their own; mentors and applicants the submitted ones, anonymously.' })
  scorecards(@Ctx() ctx: Context, @Root() project: Project, @Arg('kind', () => RoundKind, { defaultValue: RoundKind.PROPOSAL, description: 'The scorecards of proposal rounds (the default) or of closing rounds.' }) kind: RoundKind) {
    return projectScorecards(ctx, project, kind);
  }
}

@Resolver(() => Program)
export class ProgramReviewResolver {
  @FieldResolver(() => ReviewRoundConnection, { nullable: true, description: 'The programme’s review rounds (staff: those who run the programme all of them, other staff those their projects take part in).' })
  reviewRounds(@Ctx() ctx: Context, @Root() program: Program, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return listRounds(ctx, program, selectedPage(page, info));
  }
}

