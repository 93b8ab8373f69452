import { Field, Float, ID, InputType } from 'type-graphql';
import { Recommendation } from './review-assignment.entity.js';
import { RoundKind } from './review-round.entity.js';

@InputType()
export class OpenReviewRoundInput {
  @Field(() => ID) programId!: string;
  @Field(() => RoundKind) kind!: RoundKind;
  @Field(() => String, { description: 'e.g. 2022年公益创投大赛路演.' }) name!: string;
}

@InputType()
export class CloseReviewRoundInput {
  @Field(() => ID) roundId!: string;
}

@InputType()
export class AssignEvaluatorsInput {
  @Field(() => ID) roundId!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => [ID], { description: 'Evaluators to add; with those already assigned they must reach the programme’s minimum.' })
  evaluatorIds!: string[];
}

@InputType()
export class DeclareConflictInput {
  @Field(() => ID) assignmentId!: string;
  @Field(() => String, { description: 'e.g. 曾担任该机构顾问.' }) reason!: string;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => String) criterionKey!: string;
  @Field(() => Float) score!: number;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType({ description: 'The scorecard as it stands; with `submit: true` it must be complete and becomes final.' })
export class SaveScorecardInput {
  @Field(() => ID) assignmentId!: string;
  @Field(() => [CriterionScoreInput]) scores!: CriterionScoreInput[];
  @Field(() => Recommendation, { nullable: true, description: 'Required to submit a proposal scorecard.' }) recommendation?: Recommendation | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => Boolean, { defaultValue: false }) submit!: boolean;
}
