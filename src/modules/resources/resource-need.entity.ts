import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Float, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Place } from '../places/place.entity.js';
import { Project } from '../projects/project.entity.js';
import { ResourceKind } from './resource-offer.entity.js';

@ObjectType({ implements: Node, description: 'A resource a project needs (资源需求), raised by its applicant, mentors or staff.' })
@Entity({ tableName: 'resource_need' })
// A project's needs, newest first (Project.resourceNeeds).
@Index({ name: 'resource_need_project_id_created_at_id_index', expression: 'create index "resource_need_project_id_created_at_id_index" on "resource_need" ("project_id", "created_at" desc, "id" desc)' })
@Check({ name: 'resource_need_value_sought_valid', expression: 'value_sought is null or value_sought > 0' })
@Check({ name: 'resource_need_closed_by', expression: '(closed_at is null) = (closed_by_id is null)' })
export class ResourceNeed extends BaseEntity {
  /** The district key, copied from the project by the database on insert (see migrations/Migration20261201110000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  @Field(() => ResourceKind, { description: 'What kind of resource is needed.' })
  @Enum({ items: () => ResourceKind })
  kind!: ResourceKind;

  @Field(() => String, { description: 'What is needed, and for what (at most 2,000 characters).' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => Float, { nullable: true, description: 'The value sought in yuan, when it can be put in money.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  valueSought?: number | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  raisedBy!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was closed (met, or no longer needed); null while open.' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: (Date & Opt) | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  closedBy?: Ref<Person> | null;
}
