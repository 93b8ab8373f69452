import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Float, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { Project } from '../projects/project.entity.js';
import { ResourceNeed } from './resource-need.entity.js';
import { ResourceOffer } from './resource-offer.entity.js';

export enum MatchStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DELIVERED = 'DELIVERED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MatchStatus, {
  name: 'MatchStatus',
  description: 'Where a resource match stands: PROPOSED → ACCEPTED → DELIVERED, or DECLINED / CANCELLED on the way.',
  valuesConfig: {
    PROPOSED: { description: 'The park’s staff proposed it; the applicant accepts or declines.' },
    ACCEPTED: { description: 'The applicant (or staff for it) accepted; staff mark it delivered or cancel it.' },
    DELIVERED: { description: 'The resource reached the project, with the value brokered (final).' },
    DECLINED: { description: 'The applicant (or staff for it) declined the proposal (final).' },
    CANCELLED: { description: 'Staff called it off before delivery (final).' },
  },
});

/** The statuses of a match still under way: one such match per offer and project. */
export const OPEN_MATCH_STATUSES = [MatchStatus.PROPOSED, MatchStatus.ACCEPTED] as const;

@ObjectType({ implements: Node, description: 'A resource offer matched to a project (资源对接), from proposal to delivery.' })
@Entity({ tableName: 'resource_match' })
// A park's matches and a project's, newest first (Park.resourceMatches, Project.resourceMatches).
@Index({ name: 'resource_match_park_id_created_at_id_index', expression: 'create index "resource_match_park_id_created_at_id_index" on "resource_match" ("park_id", "created_at" desc, "id" desc)' })
@Index({ name: 'resource_match_project_id_created_at_id_index', expression: 'create index "resource_match_project_id_created_at_id_index" on "resource_match" ("project_id", "created_at" desc, "id" desc)' })
// The operations report's figures: deliveries of a district (and its parks) in a period.
@Index({ name: 'resource_match_delivered_index', expression: `create index "resource_match_delivered_index" on "resource_match" ("district_id", "delivered_at") where status = 'DELIVERED'` })
// Two open matches of one offer and project would broker it twice; closed ones may repeat.
@Unique({ name: 'resource_match_open_unique', expression: `create unique index "resource_match_open_unique" on "resource_match" ("offer_id", "project_id") where status in ('PROPOSED', 'ACCEPTED')` })
@Check({ name: 'resource_match_value_brokered_valid', expression: 'value_brokered is null or value_brokered >= 0' })
@Check({ name: 'resource_match_delivered', expression: `(status = 'DELIVERED') = (delivered_at is not null and delivered_by_id is not null and value_brokered is not null)` })
// An accepted or delivered match records its acceptance (on booleans, a <= b reads: a implies b).
@Check({ name: 'resource_match_accepted', expression: `(status = 'ACCEPTED' or status = 'DELIVERED') <= (accepted_at is not null and accepted_by_id is not null)` })
@Check({ name: 'resource_match_ended', expression: `(status = 'DECLINED' or status = 'CANCELLED') = (ended_at is not null and ended_by_id is not null)` })
export class ResourceMatch extends BaseEntity {
  /** The district key, copied from the park by the database on insert (see migrations/Migration20261201110000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  /** The offer's park, denormalised: its staff broker the match and list the park's matches. */
  @ManyToOne(() => Park, { ref: true, deleteRule: 'restrict' })
  park!: Ref<Park>;

  @ManyToOne(() => ResourceOffer, { ref: true, deleteRule: 'restrict', index: true })
  offer!: Ref<ResourceOffer>;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  /** The project's need it answers, if any. */
  @ManyToOne(() => ResourceNeed, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  need?: Ref<ResourceNeed> | null;

  @Field(() => MatchStatus, { description: 'Where the match stands; only the match mutations change it.' })
  @Enum({ items: () => MatchStatus })
  status: MatchStatus & Opt = MatchStatus.PROPOSED;

  @Field(() => String, { nullable: true, description: 'The proposer’s note to the project (at most 2,000 characters).' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  proposedBy!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was accepted; null before.' })
  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: (Date & Opt) | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  acceptedBy?: Ref<Person> | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was marked delivered; null before.' })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: (Date & Opt) | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  deliveredBy?: Ref<Person> | null;

  @Field(() => Float, { nullable: true, description: 'The value actually brokered in yuan, stated on delivery; null before.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  valueBrokered?: (number & Opt) | null;

  @Field(() => String, { nullable: true, description: 'What was delivered, as staff recorded it (at most 2,000 characters).' })
  @Property({ type: 'text', nullable: true })
  deliveryNote?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was declined or cancelled; null otherwise.' })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: (Date & Opt) | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  endedBy?: Ref<Person> | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined or cancelled, when a reason was given.' })
  @Property({ type: 'text', nullable: true })
  endReason?: string | null;
}
