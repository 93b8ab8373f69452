import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { readAsPlainRows } from '../../shared/loaders.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { ActionItem } from './action-item.entity.js';
import { Place } from '../places/place.entity.js';

export enum CoachingMode {
  ON_SITE = 'ON_SITE',
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
}
registerEnumType(CoachingMode, {
  name: 'CoachingMode',
  description: 'How a coaching session was held: 现场 / 线上 / 电话.',
  valuesConfig: {
    ON_SITE: { description: '现场: in person.' },
    ONLINE: { description: '线上: by video call or online meeting.' },
    PHONE: { description: '电话: by phone.' },
  },
});

/** A coaching session (辅导): who coached, how, what was discussed, and what the applicant should do next. */
@ObjectType({ implements: Node, description: 'A coaching session (辅导) with its action items.' })
@Entity({ tableName: 'coaching_session' })
// A project's sessions are listed by when they were held, then id.
@Index({ properties: ['project', 'heldAt', 'id'] })
@Check({ name: 'coaching_session_duration_valid', expression: 'duration_minutes > 0 and duration_minutes <= 1440' })
export class CoachingSession extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  coach!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { description: 'When the session was held: an ISO 8601 instant, UTC.' })
  @Property({ type: 'timestamptz' })
  heldAt!: Date;

  @Field(() => CoachingMode, { description: 'How it was held.' })
  @Enum({ items: () => CoachingMode })
  mode!: CoachingMode;

  @Field(() => Int, { description: 'How long it lasted, in minutes (1–1,440).' })
  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Field(() => [String], { description: 'What was discussed: 1 to 10 topics.' })
  @Property({ type: 'text[]' })
  topics: string[] & Opt = [];

  @Field(() => String, { description: 'The coach’s notes.' })
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

// Its action items are read through a loader (sessionActionItems), never from the collection.
readAsPlainRows(CoachingSession);
