import { Entity, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { CoachingSession } from './coaching-session.entity.js';
import { Place } from '../places/place.entity.js';

@ObjectType({ implements: Node, description: 'Something the applicant agreed to do after a coaching session.' })
@Entity({ tableName: 'action_item' })
@Index({ properties: ['project', 'doneAt'] })
export class ActionItem extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => CoachingSession, { ref: true, deleteRule: 'cascade', index: true })
  session!: Ref<CoachingSession>;

  /** Denormalised from the session so overdue items can be filtered by project visibility in one query. */
  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  @Field(() => String, { description: 'What the applicant is to do (at most 2,000 characters).' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { description: 'Due date, YYYY-MM-DD.' })
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was marked done; null while open.' })
  @Property({ type: 'timestamptz', nullable: true })
  doneAt?: (Date & Opt) | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  doneBy?: Ref<Person> | null;
}
