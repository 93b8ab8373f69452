import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { AggregationRule } from './program.entity.js';

@InputType()
export class CriterionInput {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => Float, { description: 'Percent; the rubric’s weights must sum to 100.' }) weight!: number;
  @Field(() => Float) maxScore!: number;
}

@InputType()
export class GradeThresholdsInput {
  @Field(() => Float) excellent!: number;
  @Field(() => Float) good!: number;
  @Field(() => Float) pass!: number;
}

@InputType()
export class ProgramFieldsInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) funder?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => [String], { nullable: true }) focusAreas?: string[];
  @Field(() => Float, { nullable: true, description: 'Yuan.' }) budgetPool?: number;
  @Field(() => Float, { nullable: true, description: 'Yuan; at most the budget pool.' }) maxGrant?: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) applicationsOpenAt?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) applicationsCloseAt?: Date;
  @Field(() => [CriterionInput], { nullable: true }) proposalRubric?: CriterionInput[];
  @Field(() => [CriterionInput], { nullable: true }) closingRubric?: CriterionInput[];
  @Field(() => AggregationRule, { nullable: true }) aggregationRule?: AggregationRule;
  @Field(() => Int, { nullable: true }) minEvaluators?: number;
  @Field(() => Boolean, { nullable: true }) blindReview?: boolean;
  @Field(() => GradeThresholdsInput, { nullable: true }) gradeThresholds?: GradeThresholdsInput;
}

@InputType()
export class CreateProgramInput extends ProgramFieldsInput {
  @Field(() => String) declare name: string;
  @Field(() => String) declare funder: string;
  @Field(() => Int) declare year: number;
  @Field(() => [String]) declare focusAreas: string[];
  @Field(() => Float) declare budgetPool: number;
  @Field(() => Float) declare maxGrant: number;
  @Field(() => GraphQLISODateTime) declare applicationsOpenAt: Date;
  @Field(() => GraphQLISODateTime) declare applicationsCloseAt: Date;
  @Field(() => [CriterionInput]) declare proposalRubric: CriterionInput[];
  @Field(() => [CriterionInput]) declare closingRubric: CriterionInput[];
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateProgramInput extends ProgramFieldsInput {
  @Field(() => ID) programId!: string;
}
