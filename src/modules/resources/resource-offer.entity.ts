import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Float, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';

export enum ResourceKind {
  FUNDING = 'FUNDING',
  ENTERPRISE = 'ENTERPRISE',
  VENUE = 'VENUE',
  VOLUNTEERS = 'VOLUNTEERS',
  MEDIA = 'MEDIA',
  EXPERTISE = 'EXPERTISE',
}
registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description: 'What kind of resource a park brokers (资源对接), or a project needs.',
  valuesConfig: {
    FUNDING: { description: '资金: money from a funder, foundation or enterprise.' },
    ENTERPRISE: { description: '企业资源: goods, services or channels of an enterprise.' },
    VENUE: { description: '场地: a place to hold activities.' },
    VOLUNTEERS: { description: '志愿者: volunteers or a volunteer team.' },
    MEDIA: { description: '媒体: coverage and publicity.' },
    EXPERTISE: { description: '专业支持: professional advice (legal, finance, social work, design…).' },
  },
});

@ObjectType({ implements: Node, description: 'A resource offered through a park (资源供给): who provides it, on what terms, and what it is worth.' })
@Entity({ tableName: 'resource_offer' })
// A park's offers, newest first (Park.resourceOffers): a range of one index.
@Index({ name: 'resource_offer_park_id_created_at_id_index', expression: 'create index "resource_offer_park_id_created_at_id_index" on "resource_offer" ("park_id", "created_at" desc, "id" desc)' })
@Check({ name: 'resource_offer_value_valid', expression: 'value >= 0' })
@Check({ name: 'resource_offer_withdrawn_by', expression: '(withdrawn_at is null) = (withdrawn_by_id is null)' })
export class ResourceOffer extends BaseEntity {
  /** The district key, copied from the park by the database on insert (see migrations/Migration20261201110000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  /** The park that brokers it: its staff manage the offer and match it to projects. */
  @ManyToOne(() => Park, { ref: true, deleteRule: 'restrict' })
  park!: Ref<Park>;

  @Field(() => ResourceKind, { description: 'What kind of resource it is.' })
  @Enum({ items: () => ResourceKind })
  kind!: ResourceKind;

  @Field(() => String, { description: 'What is offered, e.g. 企业志愿者团队 每月一次 (at most 200 characters).' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { description: 'Who provides it: a funder, enterprise or foundation (at most 200 characters).' })
  @Property({ type: 'string', length: 200 })
  providerName!: string;

  /** The provider, when it is an organisation on the platform. */
  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  organization?: Ref<Organization> | null;

  @Field(() => String, { description: 'The terms: what the provider asks in return, how to use it (at most 2,000 characters).' })
  @Property({ type: 'text' })
  terms!: string;

  @Field(() => Float, { description: 'What it is worth in yuan; 0 for in-kind help of no stated value.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  value!: number;

  @Field(() => String, { nullable: true, description: 'The last day it may be matched, YYYY-MM-DD; null: until withdrawn.' })
  @Property({ type: 'date', nullable: true })
  availableUntil?: string | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was withdrawn (ISO 8601 instant, UTC): no new matches after; null while offered.' })
  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: (Date & Opt) | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  withdrawnBy?: Ref<Person> | null;
}
