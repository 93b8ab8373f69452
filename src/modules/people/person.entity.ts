import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/auth.js';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Organization } from '../organizations/organization.entity.js';

@ObjectType({ implements: Node, description: 'Someone who signs in: staff, mentor, evaluator, applicant or administrator.' })
@Entity({ tableName: 'person' })
// Lists of people are by name, then id.
@Index({ properties: ['name', 'id'] })
@Check({ name: 'person_roles_valid', expression: `cardinality(roles) >= 1 and roles <@ array['ADMIN','STAFF','MENTOR','EVALUATOR','APPLICANT']::text[]` })
@Check({ name: 'person_email_lower_case', expression: 'email = lower(email)' })
@Check({ name: 'person_applicant_has_organization', expression: `not ('APPLICANT' = any(roles)) or organization_id is not null` })
export class Person extends BaseEntity {
  /** Stored lower-cased; exposed through a resolver that hides it from those who may not see it. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String, { description: 'Full name as shown to others (at most 100 characters).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => [Role], { description: 'The person’s roles, each at most once; at least one.' })
  @Enum({ items: () => Role, array: true, nativeEnumName: undefined })
  roles: Role[] = [];

  /** The applicant organisation this person belongs to, if any. */
  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  organization?: Ref<Organization> | null;

  /** Set when an administrator deactivates the account: sign-in is refused and its sessions end; its history stays. */
  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null;
}
