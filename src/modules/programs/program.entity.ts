import { Check, DecimalType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';

export enum AggregationRule {
  MEAN = 'MEAN',
  TRIMMED_MEAN = 'TRIMMED_MEAN',
}
registerEnumType(AggregationRule, {
  name: 'AggregationRule',
  description: 'How a review’s score is computed from the submitted, counted scorecards’ weighted totals; rounded to one decimal.',
  valuesConfig: {
    MEAN: { description: 'Mean of the evaluators’ weighted totals.' },
    TRIMMED_MEAN: { description: '去掉一个最高分和一个最低分: drop the highest and lowest total, then average (needs ≥ 3 scorecards).' },
  },
});

export enum Grade {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  PASS = 'PASS',
  FAIL = 'FAIL',
}
registerEnumType(Grade, {
  name: 'Grade',
  description: 'A closing evaluation’s result.',
  valuesConfig: { EXCELLENT: { description: '优秀' }, GOOD: { description: '良好' }, PASS: { description: '合格' }, FAIL: { description: '不合格' } },
});

@ObjectType({ description: 'One scored criterion of a rubric.' })
export class Criterion {
  @Field(() => String, { description: 'Stable key, unique within the rubric, e.g. "need".' })
  key!: string;

  @Field(() => String, { description: 'What evaluators score, e.g. 需求分析.' })
  title!: string;

  @Field(() => Float, { description: 'Share of the total in percent; a rubric’s weights sum to 100.' })
  weight!: number;

  @Field(() => Float, { description: 'Highest score an evaluator may give on this criterion.' })
  maxScore!: number;
}

@ObjectType({ description: 'Lowest final score (0–100) for each closing grade; below `pass` is FAIL.' })
export class GradeThresholds {
  @Field(() => Float, { description: '优秀' })
  excellent!: number;

  @Field(() => Float, { description: '良好' })
  good!: number;

  @Field(() => Float, { description: '合格' })
  pass!: number;
}

@ObjectType({ implements: Node, description: 'A call or competition (公益创投大赛, 实践项目) that projects apply to.' })
@Entity({ tableName: 'program' })
@Check({ name: 'program_amounts_valid', expression: 'max_grant > 0 and max_grant <= budget_pool' })
@Check({ name: 'program_dates_ordered', expression: 'applications_close_at > applications_open_at' })
@Check({ name: 'program_min_evaluators_positive', expression: 'min_evaluators >= 1' })
@Check({ name: 'program_year_plausible', expression: 'year >= 2000 and year <= 2100' })
export class Program extends BaseEntity {
  @Field(() => String, { description: 'The programme’s name, unique, e.g. 龙岗区2022年公益创投大赛 (at most 200 characters).' })
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => String, { description: 'Who funds the grants, e.g. a district civil-affairs bureau (at most 200 characters).' })
  @Property({ type: 'string', length: 200 })
  funder!: string;

  /** The district that runs it (null for a platform-wide programme, which only administrators manage). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  /** For a park's own programme: the park; only projects it coaches may apply. */
  @ManyToOne(() => Park, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  park?: Ref<Park> | null;

  @Field(() => Int, { description: 'The programme year (2000–2100).' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => [String], { description: 'The focus areas a project may choose from (e.g. 社区治理, 长者关爱).' })
  @Property({ type: 'text[]' })
  focusAreas: string[] = [];

  @Field(() => Float, { description: 'Total budget pool in yuan.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  budgetPool!: number;

  @Field(() => Float, { description: 'Largest grant one project may request, in yuan.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  maxGrant!: number;

  @Field(() => GraphQLISODateTime, { description: 'When applications open.' })
  @Property({ type: 'timestamptz' })
  applicationsOpenAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'Submission deadline.' })
  @Property({ type: 'timestamptz' })
  applicationsCloseAt!: Date;

  @Field(() => [Criterion], { description: 'The criteria evaluators score proposals on (PROPOSAL rounds); weights sum to 100.' })
  @Property({ type: 'json' })
  proposalRubric: Criterion[] = [];

  @Field(() => [Criterion], { description: 'The criteria of the closing evaluation (CLOSING rounds); weights sum to 100.' })
  @Property({ type: 'json' })
  closingRubric: Criterion[] = [];

  @Field(() => AggregationRule, { description: 'How each review’s score is computed from the scorecards.' })
  @Enum({ items: () => AggregationRule })
  aggregationRule: AggregationRule = AggregationRule.MEAN;

  @Field(() => Int, { description: 'Scorecards a project needs before a decision.' })
  @Property({ type: 'smallint' })
  minEvaluators: number = 3;

  @Field(() => Boolean, { description: 'When on, evaluators never see who applied.' })
  @Property({ type: 'boolean' })
  blindReview: boolean = false;

  @Field(() => GradeThresholds, { description: 'The closing scores that earn each grade.' })
  @Property({ type: 'json' })
  gradeThresholds: GradeThresholds = { excellent: 90, good: 80, pass: 60 };

  /** The grade a final score (0–100) earns under this programme's thresholds. */
  gradeFor(score: number): Grade {
    const { excellent, good, pass } = this.gradeThresholds;
    if (score >= excellent) return Grade.EXCELLENT;
    if (score >= good) return Grade.GOOD;
    return score >= pass ? Grade.PASS : Grade.FAIL;
  }

  isOpenAt(now: Date): boolean {
    return this.applicationsOpenAt <= now && now < this.applicationsCloseAt;
  }
}
