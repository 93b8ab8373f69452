import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';

export enum OrganizationKind {
  SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION',
  SOCIAL_WORK_AGENCY = 'SOCIAL_WORK_AGENCY',
  FOUNDATION = 'FOUNDATION',
  COMMUNITY_COMMITTEE = 'COMMUNITY_COMMITTEE',
  RESIDENT_GROUP = 'RESIDENT_GROUP',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an applicant organisation is; it decides whether a credit code is required.',
  valuesConfig: {
    SOCIAL_ORGANIZATION: { description: '社会组织: a registered social organisation.' },
    SOCIAL_WORK_AGENCY: { description: '社工机构: a social-work service agency.' },
    FOUNDATION: { description: '基金会: a foundation.' },
    COMMUNITY_COMMITTEE: { description: '社区居委会 / 工作站: a community committee or work station.' },
    RESIDENT_GROUP: { description: '社区社会组织 / 自组织: an unregistered resident group; needs no credit code.' },
  },
});

@ObjectType({ implements: Node, description: 'An applicant organisation (申报单位).' })
@Entity({ tableName: 'organization' })
// Projects are searched by their organisation's name (ProjectFilter.search).
@Index({ name: 'organization_name_trgm_index', expression: 'create index "organization_name_trgm_index" on "organization" using gin ("name" gin_trgm_ops)' })
@Check({ name: 'organization_credit_code_format', expression: `credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'` })
@Check({ name: 'organization_credit_code_required', expression: `kind = 'RESIDENT_GROUP' or credit_code is not null` })
export class Organization extends BaseEntity {
  @Field(() => String, { description: 'Registered name, unique across organisations (at most 200 characters).' })
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  @Enum({ items: () => OrganizationKind })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (GB 32100-2015); absent only for resident groups.' })
  @Property({ type: 'string', length: 18, nullable: true, unique: true })
  creditCode?: string | null;

  /** Where it is: a district, street or community (its address's place; `district`, `street`, `community` are read from it). */
  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict', index: true })
  place!: Ref<Place>;

  /** The district of `place` (the district key). */
  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict', index: true })
  district!: Ref<Place>;

  /** The park that coaches it now; its moves are kept in organization_move. */
  @ManyToOne(() => Park, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  park?: Ref<Park> | null;

  @Field(() => String, { description: 'The contact person’s name (at most 100 characters).' })
  @Property({ type: 'string', length: 100 })
  contactName!: string;

  @Field(() => String, { description: 'The contact person’s phone number (at most 30 characters).' })
  @Property({ type: 'string', length: 30 })
  contactPhone!: string;
}
