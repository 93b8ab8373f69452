import { Entity, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Decision } from './decision.entity.js';
import { Place } from '../places/place.entity.js';

@ObjectType({ implements: Node, description: 'A condition of a conditional approval; the project is approved once all are met.' })
@Entity({ tableName: 'decision_condition' })
@Unique({ properties: ['decision', 'position'] })
export class DecisionCondition extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Decision, { ref: true, deleteRule: 'cascade' })
  decision!: Ref<Decision>;

  @Property({ type: 'smallint' })
  position!: number;

  @Field(() => String, { description: 'What must be done before the approval is final (at most 1,000 characters).' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When staff marked it met (ISO 8601 instant, UTC); null while open.' })
  @Property({ type: 'timestamptz', nullable: true })
  metAt?: (Date & Opt) | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  metBy?: Ref<Person> | null;
}
