import { Entity, ManyToOne, PrimaryKeyProp, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { Place } from './place.entity.js';

/**
 * An incubation park (孵化园 / 创新园): it belongs to a place (usually a street, or a district),
 * serves a set of streets, and is run by an operator organisation for the government.
 */
@ObjectType({ implements: Node, description: 'An incubation park (孵化园, 创新园): a centre that coaches the organisations of the streets it serves.' })
@Entity({ tableName: 'park' })
export class Park extends BaseEntity {
  @Field(() => String, { description: 'The park’s name, unique, e.g. 横岗创新园 (at most 100 characters).' })
  @Property({ type: 'string', length: 100, unique: true })
  name!: string;

  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict', index: true })
  place!: Ref<Place>;

  /** The district of `place` (the district key). */
  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict', index: true })
  district!: Ref<Place>;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  operator?: Ref<Organization> | null;
}

/** A street a park serves. */
@Entity({ tableName: 'park_street' })
export class ParkStreet {
  [PrimaryKeyProp]?: ['park', 'street'];

  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Park, { ref: true, primary: true, deleteRule: 'cascade' })
  park!: Ref<Park>;

  @ManyToOne(() => Place, { ref: true, primary: true, deleteRule: 'restrict', index: true })
  street!: Ref<Place>;
}

/**
 * A person working for a park: staff run it (they see its organisations and projects), mentors
 * coach its projects. What they do there is their roles.
 */
@Entity({ tableName: 'park_member' })
export class ParkMember {
  [PrimaryKeyProp]?: ['park', 'person'];

  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Park, { ref: true, primary: true, deleteRule: 'cascade' })
  park!: Ref<Park>;

  @ManyToOne(() => Person, { ref: true, primary: true, deleteRule: 'cascade', index: true })
  person!: Ref<Person>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  since: Date & Opt = new Date();
}

/**
 * A person working for a district: staff oversee every park under it, evaluators are in its
 * expert pool (they may review for any of its parks and programmes).
 */
@Entity({ tableName: 'district_member' })
export class DistrictMember {
  [PrimaryKeyProp]?: ['district', 'person'];

  @ManyToOne(() => Place, { ref: true, primary: true, deleteRule: 'restrict' })
  district!: Ref<Place>;

  @ManyToOne(() => Person, { ref: true, primary: true, deleteRule: 'cascade', index: true })
  person!: Ref<Person>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  since: Date & Opt = new Date();
}
