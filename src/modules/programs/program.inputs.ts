import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { AggregationRule } from './program.entity.js';

@InputType({ description: 'One criterion of a rubric.' })
export class CriterionInput {
  @Field(() => String, { description: 'Stable key, unique within the rubric: 1–40 lower-case letters, digits or underscores, starting with a letter (e.g. "need").' }) key!: string;
  @Field(() => String, { description: 'What evaluators score, e.g. 需求分析 (at most 100 characters).' }) title!: string;
  @Field(() => Float, { description: 'Percent, above 0 and at most 100; the rubric’s weights must sum to 100.' }) weight!: number;
  @Field(() => Float, { description: 'The highest score an evaluator may give on it: above 0, at most 1,000.' }) maxScore!: number;
}

@InputType({ description: 'The lowest closing score (0–100) for each grade: 0 < pass < good < excellent ≤ 100.' })
export class GradeThresholdsInput {
  @Field(() => Float, { description: 'Lowest score for EXCELLENT (优秀).' }) excellent!: number;
  @Field(() => Float, { description: 'Lowest score for GOOD (良好).' }) good!: number;
  @Field(() => Float, { description: 'Lowest score for PASS (合格); below it is FAIL.' }) pass!: number;
}

/** The descriptions of a programme's settings, shared by the create and update inputs. */
const FIELD = {
  name: 'Name, unique among programmes (at most 200 characters).',
  funder: 'Who funds the grants (at most 200 characters).',
  year: 'Programme year, 2000–2100.',
  focusAreas: 'The focus areas projects choose from: 1 to 20, each at most 100 characters, no repeats.',
  budgetPool: 'Total budget pool in yuan: above 0, at most ¥100,000,000, two decimals at most.',
  maxGrant: 'Largest grant one project may request, in yuan; at most the budget pool.',
  applicationsOpenAt: 'When applications open (ISO 8601 instant); within the programme year ± 1.',
  applicationsCloseAt: 'Submission deadline (ISO 8601 instant), after the opening; within the programme year ± 1.',
  proposalRubric: 'The proposal rubric: 1 to 20 criteria, keys unique, weights summing to 100.',
  closingRubric: 'The closing rubric: 1 to 20 criteria, keys unique, weights summing to 100.',
  aggregationRule: 'How a review’s score is computed (MEAN by default); TRIMMED_MEAN needs minEvaluators ≥ 3.',
  minEvaluators: 'Evaluators (and submitted scorecards) each project needs, 1–20 (3 by default).',
  blindReview: 'When true, evaluators never see who applied (false by default).',
  gradeThresholds: 'Lowest closing score for each grade (90 / 80 / 60 by default).',
};

@InputType()
export class ProgramFieldsInput {
  @Field(() => String, { nullable: true, description: FIELD.name }) name?: string;
  @Field(() => String, { nullable: true, description: FIELD.funder }) funder?: string;
  @Field(() => Int, { nullable: true, description: FIELD.year }) year?: number;
  @Field(() => [String], { nullable: true, description: FIELD.focusAreas }) focusAreas?: string[];
  @Field(() => Float, { nullable: true, description: FIELD.budgetPool }) budgetPool?: number;
  @Field(() => Float, { nullable: true, description: FIELD.maxGrant }) maxGrant?: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: FIELD.applicationsOpenAt }) applicationsOpenAt?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: FIELD.applicationsCloseAt }) applicationsCloseAt?: Date;
  @Field(() => [CriterionInput], { nullable: true, description: FIELD.proposalRubric }) proposalRubric?: CriterionInput[];
  @Field(() => [CriterionInput], { nullable: true, description: FIELD.closingRubric }) closingRubric?: CriterionInput[];
  @Field(() => AggregationRule, { nullable: true, description: FIELD.aggregationRule }) aggregationRule?: AggregationRule;
  @Field(() => Int, { nullable: true, description: FIELD.minEvaluators }) minEvaluators?: number;
  @Field(() => Boolean, { nullable: true, description: FIELD.blindReview }) blindReview?: boolean;
  @Field(() => GradeThresholdsInput, { nullable: true, description: FIELD.gradeThresholds }) gradeThresholds?: GradeThresholdsInput;
}

@InputType({ description: 'A new programme (call or competition).' })
export class CreateProgramInput extends ProgramFieldsInput {
  @Field(() => ID, { nullable: true, description: 'The district that runs it (its staff manage it). With neither this nor `parkId`, a platform-wide programme only administrators manage.' }) districtId?: string | null;
  @Field(() => ID, { nullable: true, description: 'For a park’s own programme: the park (its district is the park’s). Only organisations it coaches may apply.' }) parkId?: string | null;
  @Field(() => String, { description: FIELD.name }) declare name: string;
  @Field(() => String, { description: FIELD.funder }) declare funder: string;
  @Field(() => Int, { description: FIELD.year }) declare year: number;
  @Field(() => [String], { description: FIELD.focusAreas }) declare focusAreas: string[];
  @Field(() => Float, { description: FIELD.budgetPool }) declare budgetPool: number;
  @Field(() => Float, { description: FIELD.maxGrant }) declare maxGrant: number;
  @Field(() => GraphQLISODateTime, { description: FIELD.applicationsOpenAt }) declare applicationsOpenAt: Date;
  @Field(() => GraphQLISODateTime, { description: FIELD.applicationsCloseAt }) declare applicationsCloseAt: Date;
  @Field(() => [CriterionInput], { description: FIELD.proposalRubric }) declare proposalRubric: CriterionInput[];
  @Field(() => [CriterionInput], { description: FIELD.closingRubric }) declare closingRubric: CriterionInput[];
}

@InputType({ description: 'Only the fields given change; none may be cleared with null.' })
export class UpdateProgramInput extends ProgramFieldsInput {
  @Field(() => ID, { description: 'The programme’s global ID.' }) programId!: string;
}
