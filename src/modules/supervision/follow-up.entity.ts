import { Entity, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { SupervisionVisit } from './supervision-visit.entity.js';
import { Place } from '../places/place.entity.js';

@ObjectType({ implements: Node, description: 'Something a supervision visit asked the project to put right, by a date.' })
@Entity({ tableName: 'follow_up' })
@Index({ properties: ['project', 'closedAt'] })
@Index({ name: 'follow_up_open_due_date_index', expression: `create index "follow_up_open_due_date_index" on "follow_up" ("due_date", "project_id") where closed_at is null` })
export class FollowUp extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => SupervisionVisit, { ref: true, deleteRule: 'cascade', index: true })
  visit!: Ref<SupervisionVisit>;

  /** Denormalised from the visit: closing blockers are read per project. */
  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  @Field(() => String, { description: 'What the project is to put right (at most 2,000 characters).' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { description: 'Due date, YYYY-MM-DD.' })
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was closed (ISO 8601 instant, UTC); null while open.' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: (Date & Opt) | null;

  @Field(() => String, { nullable: true, description: 'How it was resolved.' })
  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  closedBy?: Ref<Person> | null;
}
