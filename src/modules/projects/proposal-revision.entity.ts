import { Check, DecimalType, Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from './project.entity.js';
import { Place } from '../places/place.entity.js';

@ObjectType({ description: 'One step of the activity plan.' })
export class Activity {
  @Field(() => String, { description: 'The activity’s title, unique within the plan.' }) title!: string;
  @Field(() => String, { description: 'When, e.g. 2022-07 or 第二季度.' }) period!: string;
  @Field(() => String, { description: 'What happens in it; may be empty.' }) description!: string;
}

@ObjectType({ description: 'A measurable target, e.g. 服务人次 2500 人次.' })
export class IndicatorTarget {
  @Field(() => String, { description: 'Unique within the revision, e.g. 服务人次.' }) name!: string;
  @Field(() => String, { description: 'e.g. 人次, 场, %.' }) unit!: string;
  @Field(() => Float, { description: 'The target value, in `unit` (e.g. 2500 for 2,500 person-times).' }) target!: number;
}

@ObjectType({ description: 'One line of the budget, in yuan.' })
export class BudgetLine {
  @Field(() => String, { description: 'Unique within the revision, e.g. 活动物资.' }) item!: string;
  @Field(() => Float, { description: 'Amount in yuan.' }) amount!: number;
  @Field(() => String, { nullable: true, description: 'A remark on the line; null when none.' }) note?: string | null;
}

@ObjectType({ description: 'A member of the project team.' })
export class TeamMember {
  @Field(() => String, { description: 'The member’s name; unique within the team.' }) name!: string;
  @Field(() => String, { description: 'e.g. 项目负责人, 社工.' }) role!: string;
}

/**
 * An immutable, numbered snapshot of the proposal. Never updated or deleted (a database trigger
 * refuses it); a change is a new revision.
 */
@ObjectType({ implements: Node, description: 'An immutable, numbered snapshot of a project’s proposal (方案).' })
@Entity({ tableName: 'proposal_revision' })
// Projects are searched by their current revision's summary (ProjectFilter.search).
@Index({ name: 'proposal_revision_summary_trgm_index', expression: 'create index "proposal_revision_summary_trgm_index" on "proposal_revision" using gin ("summary" gin_trgm_ops)' })
// The operations report: each project's revisions in a period, with their number (migrations/Migration20261201130000.ts).
@Index({ name: 'proposal_revision_project_id_created_at_index', expression: 'create index "proposal_revision_project_id_created_at_index" on "proposal_revision" ("project_id", "created_at") include ("number")' })
@Unique({ properties: ['project', 'number'] })
@Check({ name: 'proposal_revision_values_valid', expression: 'number >= 1 and requested_amount > 0' })
export class ProposalRevision extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  @Field(() => Int, { description: '1 for the first revision, then 2, 3, …' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { description: 'The project summary (项目简介).' }) @Property({ type: 'text' }) summary!: string;
  @Field(() => String, { description: 'The needs analysis (需求分析).' }) @Property({ type: 'text' }) needs!: string;
  @Field(() => [String], { description: 'The objectives, in order; at least one.' }) @Property({ type: 'json' }) objectives: string[] = [];
  @Field(() => [Activity], { description: 'The activity plan, in order.' }) @Property({ type: 'json' }) activityPlan: Activity[] = [];
  @Field(() => String, { description: 'Who benefits, and how many (服务对象).' }) @Property({ type: 'text' }) beneficiaries!: string;
  @Field(() => [IndicatorTarget], { description: 'The measurable targets; once approved, what delivery is measured against.' }) @Property({ type: 'json' }) indicatorTargets: IndicatorTarget[] = [];
  @Field(() => [BudgetLine], { description: 'The budget, line by line; the lines add up to `requestedAmount`.' }) @Property({ type: 'json' }) budgetLines: BudgetLine[] = [];

  @Field(() => Float, { description: 'Requested grant in yuan; equals the sum of the budget lines.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  requestedAmount!: number;

  /** Exposed through a resolver that withholds it under blind review. */
  @Property({ type: 'json' }) team: TeamMember[] = [];

  @Field(() => String, { nullable: true, description: 'What changed since the previous revision, and why.' })
  @Property({ type: 'text', nullable: true })
  changeNote?: string | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  author!: Ref<Person>;
}
