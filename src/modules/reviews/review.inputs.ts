import { Field, Float, ID, InputType } from 'type-graphql';
import { Recommendation } from './review-assignment.entity.js';
import { RoundKind } from './review-round.entity.js';
import { DAYS_TO_SCORE } from './review-due-dates.js';

@InputType({ description: 'A new review round of a programme.' })
export class OpenReviewRoundInput {
  @Field(() => ID, { description: 'The programme’s global ID.' }) programId!: string;
  @Field(() => RoundKind, { description: 'Proposal review or closing evaluation.' }) kind!: RoundKind;
  @Field(() => String, { description: 'e.g. 2022年公益创投大赛路演 (at most 200 characters).' }) name!: string;
}

@InputType({ description: 'The round to close.' })
export class CloseReviewRoundInput {
  @Field(() => ID, { description: 'The round’s global ID.' }) roundId!: string;
}

@InputType({ description: 'Evaluators to assign to one project in one round.' })
export class AssignEvaluatorsInput {
  @Field(() => ID, { description: 'The open round’s global ID; it must belong to the project’s programme.' }) roundId!: string;
  @Field(() => ID, { description: 'The project’s global ID: SUBMITTED or UNDER_REVIEW for a proposal round, CLOSING_REVIEW for a closing round.' }) projectId!: string;
  @Field(() => [ID], { description: 'Evaluators to add; with those already assigned they must reach the programme’s minimum.' })
  evaluatorIds!: string[];

  @Field(() => String, { nullable: true, description: `When their scorecards are due, YYYY-MM-DD (Asia/Shanghai), today or later; ${DAYS_TO_SCORE} days from today when left out.` })
  dueDate?: string | null;
}

@InputType({ description: 'The assignment to recuse from, and why.' })
export class DeclareConflictInput {
  @Field(() => ID, { description: 'Your assignment’s global ID.' }) assignmentId!: string;
  @Field(() => String, { description: 'e.g. 曾担任该机构顾问 (at most 2,000 characters).' }) reason!: string;
}

@InputType({ description: 'The score of one rubric criterion.' })
export class CriterionScoreInput {
  @Field(() => String, { description: 'The key of one of the round’s rubric criteria; each at most once.' }) criterionKey!: string;
  @Field(() => Float, { description: 'From 0 to the criterion’s maximum score.' }) score!: number;
  @Field(() => String, { nullable: true, description: 'Comment on the criterion (at most 2,000 characters); required to submit.' }) comment?: string | null;
}

@InputType({ description: 'The scorecard as it stands; with `submit: true` it must be complete and becomes final.' })
export class SaveScorecardInput {
  @Field(() => ID, { description: 'Your assignment’s global ID.' }) assignmentId!: string;
  @Field(() => [CriterionScoreInput], { description: 'The scores so far (replacing those saved): at most 20; every criterion to submit.' }) scores!: CriterionScoreInput[];
  @Field(() => Recommendation, { nullable: true, description: 'Required to submit a proposal scorecard.' }) recommendation?: Recommendation | null;
  @Field(() => String, { nullable: true, description: 'Overall comment (at most 5,000 characters).' }) comment?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: 'True to submit: the scorecard must be complete and becomes final. False saves a draft.' }) submit!: boolean;
}
