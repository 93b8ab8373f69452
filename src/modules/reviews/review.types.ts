import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { AggregationRule } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { ReviewAssignment } from './review-assignment.entity.js';
import { ReviewRound } from './review-round.entity.js';

@ObjectType({ description: connectionDescription(ReviewRound) })
export class ReviewRoundConnection extends ConnectionType(ReviewRound) {}

@ObjectType({ description: connectionDescription(ReviewAssignment) })
export class ReviewAssignmentConnection extends ConnectionType(ReviewAssignment) {}

@ObjectType({ description: 'The result of opening or closing a review round.' })
export class ReviewRoundPayload extends Payload {
  @Field(() => ReviewRound, { nullable: true, description: 'The round; null when there are user errors.' }) round?: ReviewRound | null;
}

@ObjectType({ description: 'The result of assigning evaluators.' })
export class AssignEvaluatorsPayload extends Payload {
  @Field(() => [ReviewAssignment], { nullable: true, description: 'The new assignments; null when there are user errors.' }) assignments?: ReviewAssignment[] | null;
  @Field(() => Project, { nullable: true, description: 'The project, UNDER_REVIEW after its first proposal assignment; null when there are user errors.' }) project?: Project | null;
}

@ObjectType({ description: 'The result of a mutation on an assignment (scorecard or conflict).' })
export class ReviewAssignmentPayload extends Payload {
  @Field(() => ReviewAssignment, { nullable: true, description: 'The assignment as changed; null when there are user errors.' }) assignment?: ReviewAssignment | null;
}

@ObjectType({ description: 'How far a project’s review has got.' })
export class ReviewProgress {
  @Field(() => Int, { description: 'Assignments that count: not recused, on the revision under review.' }) active!: number;
  @Field(() => Int, { description: 'Of the active assignments, those whose scorecard is submitted.' }) submitted!: number;
  @Field(() => Int, { description: 'Assignments recused for a conflict of interest.' }) recused!: number;
  @Field(() => Int, { description: 'Submitted scorecards on an earlier revision: kept, no longer counted.' }) stale!: number;
  @Field(() => Int, { description: 'The programme’s minimum number of scorecards.' }) required!: number;
}

@ObjectType({ description: 'A project’s score in a round, with the scorecards it was computed from.' })
export class ReviewAggregate {
  @Field(() => AggregationRule, { description: 'The programme’s rule the score is computed by.' }) rule!: AggregationRule;
  @Field(() => Float, { nullable: true, description: 'To one decimal; null until enough scorecards are in.' }) score!: number | null;
  @Field(() => [ID], { description: 'Scorecards (assignment IDs) averaged.' }) counted!: string[];
  @Field(() => [ID], { description: 'Scorecards dropped as the highest and lowest (trimmed mean).' }) dropped!: string[];
  @Field(() => String, { nullable: true, description: 'Why there is no score yet.' }) pending!: string | null;
}

@ObjectType({ description: 'A project’s review in one kind of round: progress and the aggregate.' })
export class ReviewSummary {
  @Field(() => ReviewProgress, { description: 'How many scorecards are in, of how many.' }) progress!: ReviewProgress;
  @Field(() => ReviewAggregate, { description: 'The score so far, or why there is none yet.' }) aggregate!: ReviewAggregate;
}

@ObjectType({ description: 'One line of a round’s leaderboard.' })
export class RankingEntry {
  @Field(() => Int, { nullable: true, description: 'Equal scores share a rank; null until scored.' }) rank!: number | null;
  @Field(() => Project, { description: 'The project ranked.' }) project!: Project;
  @Field(() => Float, { nullable: true, description: 'Its aggregate score (0–100, one decimal); null until enough scorecards are in.' }) score!: number | null;
  @Field(() => Int, { description: 'Scorecards submitted and counting (before trimming).' }) scorecardCount!: number;
  @Field(() => Int, { description: 'How many projects the round ranks in all (district-wide for a district programme), of which this one has `rank`.' }) fieldSize!: number;
  @Field(() => ReviewAggregate, { description: 'How the score was computed.' }) aggregate!: ReviewAggregate;
}
