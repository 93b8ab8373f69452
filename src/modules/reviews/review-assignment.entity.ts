import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Float, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { ReviewRound } from './review-round.entity.js';
import { Place } from '../places/place.entity.js';

export enum AssignmentStatus {
  ASSIGNED = 'ASSIGNED',
  RECUSED = 'RECUSED',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'Where an evaluator’s assignment stands.',
  valuesConfig: {
    ASSIGNED: { description: 'Waiting for the evaluator’s scorecard (a draft may be saved).' },
    RECUSED: { description: 'The evaluator declared a conflict of interest; the assignment does not count.' },
    SUBMITTED: { description: 'The scorecard is submitted and final.' },
  },
});

export enum Recommendation {
  APPROVE = 'APPROVE',
  REVISE = 'REVISE',
  REJECT = 'REJECT',
}
registerEnumType(Recommendation, {
  name: 'Recommendation',
  description: 'What an evaluator recommends on a proposal scorecard (required to submit one in a proposal round).',
  valuesConfig: {
    APPROVE: { description: 'Fund the project.' },
    REVISE: { description: 'Ask for a revised proposal.' },
    REJECT: { description: 'Do not fund it.' },
  },
});

@ObjectType({ description: 'One criterion’s score and comment on a scorecard.' })
export class CriterionScore {
  @Field(() => String, { description: 'The key of the rubric criterion scored.' }) criterionKey!: string;
  @Field(() => Float, { description: 'The score, from 0 to the criterion’s maximum.' }) score!: number;
  @Field(() => String, { description: 'The evaluator’s comment on this criterion; empty when none was given on a draft.' }) comment!: string;
}

/**
 * One evaluator assigned to one project in one round, and the scorecard they fill. For proposal
 * rounds the assignment names the exact revision under review; a scorecard on an older revision
 * than the project's current one is stale.
 */
@ObjectType({ implements: Node, description: 'An evaluator’s assignment to a project in a round, with its scorecard.' })
@Entity({ tableName: 'review_assignment' })
@Unique({ properties: ['round', 'project', 'evaluator', 'revision'] })
// An evaluator's assignments are listed by when they were made, then id.
@Index({ properties: ['evaluator', 'createdAt', 'id'] })
// The assignments still waiting for a scorecard, by project and due date: the few the overdue attention view counts.
@Index({ name: 'review_assignment_assigned_index', expression: `create index "review_assignment_assigned_index" on "review_assignment" ("project_id", "due_date") where status = 'ASSIGNED'` })
// The scorecards export, newest first in keyset batches (migrations/Migration20261201130000.ts).
@Index({ name: 'review_assignment_created_at_id_index', expression: 'create index "review_assignment_created_at_id_index" on "review_assignment" ("created_at", "id")' })
@Check({ name: 'review_assignment_submitted_complete', expression: `status <> 'SUBMITTED' or (submitted_at is not null and total is not null)` })
@Check({ name: 'review_assignment_total_range', expression: 'total is null or (total >= 0 and total <= 100)' })
export class ReviewAssignment extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => ReviewRound, { ref: true, deleteRule: 'restrict', index: true })
  round!: Ref<ReviewRound>;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict', index: true })
  evaluator!: Ref<Person>;

  /** The revision under review (proposal rounds); null in closing rounds. */
  @ManyToOne(() => ProposalRevision, { ref: true, nullable: true, deleteRule: 'restrict' })
  revision?: Ref<ProposalRevision> | null;

  @Field(() => AssignmentStatus, { description: 'Assigned, recused or submitted.' })
  @Enum({ items: () => AssignmentStatus })
  status: AssignmentStatus & Opt = AssignmentStatus.ASSIGNED;

  @Property({ type: 'text', nullable: true })
  conflictReason?: string | null;

  @Field(() => [CriterionScore], { description: 'Scores so far; complete once submitted.' })
  @Property({ type: 'json' })
  scores: CriterionScore[] & Opt = [];

  @Field(() => Recommendation, { nullable: true, description: 'The evaluator’s recommendation; null until given (closing scorecards may have none).' })
  @Enum({ items: () => Recommendation, nullable: true })
  recommendation?: Recommendation | null;

  @Field(() => String, { nullable: true, description: 'The overall comment; null when none.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  /** Weighted total out of 100, fixed when the scorecard is submitted. */
  @Field(() => Float, { nullable: true, description: 'Weighted total out of 100, once submitted.' })
  @Property({ type: new DecimalType('number'), precision: 6, scale: 3, nullable: true })
  total?: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the scorecard was submitted (ISO 8601 instant, UTC); null until then.' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => String, { description: 'When the scorecard is due, YYYY-MM-DD on the platform’s calendar (Asia/Shanghai); an assignment still unsubmitted after that day is overdue.' })
  @Property({ type: 'date' })
  dueDate!: string;
}
