import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Organization } from './organization.entity.js';
import { Place } from '../places/place.entity.js';

/**
 * An organisation changing parks (or being placed in its first one): the history of who coached
 * it. Its projects keep the park that coached them.
 */
@ObjectType({ description: 'An organisation moving from one park to another; the first placement has no `fromPark`.' })
@Entity({ tableName: 'organization_move' })
export class OrganizationMove extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Park, { ref: true, nullable: true, deleteRule: 'restrict' })
  fromPark?: Ref<Park> | null;

  @ManyToOne(() => Park, { ref: true, nullable: true, deleteRule: 'restrict' })
  toPark?: Ref<Park> | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  movedBy!: Ref<Person>;

  @Field(() => String, { nullable: true, description: 'Why it moved, as staff wrote it.' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
