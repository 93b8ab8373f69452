import { BigIntType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project, ProjectStatus } from '../projects/project.entity.js';

export enum EventType {
  PROJECT_CREATED = 'PROJECT_CREATED',
  REVISION_SAVED = 'REVISION_SAVED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  TEAM_ASSIGNED = 'TEAM_ASSIGNED',
  COACHING_LOGGED = 'COACHING_LOGGED',
  ACTION_ITEM_UPDATED = 'ACTION_ITEM_UPDATED',
  EVALUATOR_ASSIGNED = 'EVALUATOR_ASSIGNED',
  ASSIGNMENT_RECUSED = 'ASSIGNMENT_RECUSED',
  SCORECARD_SUBMITTED = 'SCORECARD_SUBMITTED',
  REVIEW_COMPLETED = 'REVIEW_COMPLETED',
  DECISION_RECORDED = 'DECISION_RECORDED',
  CONDITION_MET = 'CONDITION_MET',
  VISIT_LOGGED = 'VISIT_LOGGED',
  FOLLOW_UP_CLOSED = 'FOLLOW_UP_CLOSED',
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
  REPORT_ACCEPTED = 'REPORT_ACCEPTED',
  REPORT_RETURNED = 'REPORT_RETURNED',
}
registerEnumType(EventType, { name: 'EventType', description: 'What happened to a project.' });

/**
 * The append-only audit trail: every status change and notable act, written in the same
 * transaction as the change it records. `position` orders events globally and never repeats.
 */
@ObjectType({ implements: Node, description: 'Something that happened to a project: who, when, and what changed.' })
@Entity({ tableName: 'lifecycle_event' })
@Index({ properties: ['project', 'position'] })
export class LifecycleEvent extends BaseEntity {
  @Property({ type: new BigIntType('number'), autoincrement: true, unique: true })
  position!: number & Opt;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  @Field(() => EventType)
  @Enum({ items: () => EventType })
  type!: EventType;

  /** Who did it; null for acts of the system. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  actor?: Ref<Person> | null;

  /** The evaluator an assignment or scorecard event concerns: decides who may see the event. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  evaluator?: Ref<Person> | null;

  @Field(() => ProjectStatus, { nullable: true })
  @Enum({ items: () => ProjectStatus, nullable: true })
  fromStatus?: ProjectStatus | null;

  @Field(() => ProjectStatus, { nullable: true })
  @Enum({ items: () => ProjectStatus, nullable: true })
  toStatus?: ProjectStatus | null;

  /** Facts about the event (ids, amounts, reasons); what a viewer sees of them is filtered. */
  @Property({ type: 'json' })
  details: Record<string, unknown> & Opt = {};
}
