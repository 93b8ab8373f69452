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

@ObjectType()
export class ReviewRoundPayload extends Payload {
  @Field(() => ReviewRound, { nullable: true }) round?: ReviewRound | null;
}

@ObjectType()
export class AssignEvaluatorsPayload extends Payload {
  @Field(() => [ReviewAssignment], { nullable: true }) assignments?: ReviewAssignment[] | null;
  @Field(() => Project, { nullable: true }) project?: Project | null;
}

@ObjectType()
export class ReviewAssignmentPayload extends Payload {
  @Field(() => ReviewAssignment, { nullable: true }) assignment?: ReviewAssignment | null;
}

@ObjectType({ description: 'How far a project’s review has got.' })
export class ReviewProgress {
  @Field(() => Int, { description: 'Assignments that count: not recused, on the revision under review.' }) active!: number;
  @Field(() => Int) submitted!: number;
  @Field(() => Int) recused!: number;
  @Field(() => Int, { description: 'Submitted scorecards on an earlier revision: kept, no longer counted.' }) stale!: number;
  @Field(() => Int, { description: 'The programme’s minimum number of scorecards.' }) required!: number;
}

@ObjectType({ description: 'A project’s score in a round, with the scorecards it was computed from.' })
export class ReviewAggregate {
  @Field(() => AggregationRule) rule!: AggregationRule;
  @Field(() => Float, { nullable: true, description: 'To one decimal; null until enough scorecards are in.' }) score!: number | null;
  @Field(() => [ID], { description: 'Scorecards (assignment IDs) averaged.' }) counted!: string[];
  @Field(() => [ID], { description: 'Scorecards dropped as the highest and lowest (trimmed mean).' }) dropped!: string[];
  @Field(() => String, { nullable: true, description: 'Why there is no score yet.' }) pending!: string | null;
}

@ObjectType({ description: 'A project’s review in one kind of round: progress and the aggregate.' })
export class ReviewSummary {
  @Field(() => ReviewProgress) progress!: ReviewProgress;
  @Field(() => ReviewAggregate) aggregate!: ReviewAggregate;
}

@ObjectType({ description: 'One line of a round’s leaderboard.' })
export class RankingEntry {
  @Field(() => Int, { nullable: true, description: 'Equal scores share a rank; null until scored.' }) rank!: number | null;
  @Field(() => Project) project!: Project;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Int, { description: 'Scorecards submitted and counting (before trimming).' }) scorecardCount!: number;
  @Field(() => ReviewAggregate) aggregate!: ReviewAggregate;
}
