import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { ActionItem } from './action-item.entity.js';

export enum CoachingMode {
  ON_SITE = 'ON_SITE',
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
}
registerEnumType(CoachingMode, { name: 'CoachingMode', description: '现场 / 线上 / 电话' });

/** A coaching session (辅导): who coached, how, what was discussed, and what the applicant should do next. */
@ObjectType({ implements: Node, description: 'A coaching session (辅导) with its action items.' })
@Entity({ tableName: 'coaching_session' })
// A project's sessions are listed by when they were held, then id.
@Index({ properties: ['project', 'heldAt', 'id'] })
@Check({ name: 'coaching_session_duration_valid', expression: 'duration_minutes > 0 and duration_minutes <= 1440' })
export class CoachingSession extends BaseEntity {
  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  coach!: Ref<Person>;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  heldAt!: Date;

  @Field(() => CoachingMode)
  @Enum({ items: () => CoachingMode })
  mode!: CoachingMode;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  topics: string[] & Opt = [];

  @Field(() => String)
  @Property({ type: 'text' })
  notes!: string;

  /** The revision the session discussed. */
  @ManyToOne(() => ProposalRevision, { ref: true, nullable: true, deleteRule: 'restrict' })
  discussedRevision?: Ref<ProposalRevision> | null;

  /** The later revision that answered this session, set when the applicant cites it. */
  @ManyToOne(() => ProposalRevision, { ref: true, nullable: true, deleteRule: 'restrict' })
  answeredByRevision?: Ref<ProposalRevision> | null;

  @OneToMany(() => ActionItem, (item) => item.session, { orderBy: { dueDate: 'asc', id: 'asc' } })
  actionItems = new Collection<ActionItem>(this);
}
