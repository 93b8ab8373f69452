import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/auth.js';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Organization } from '../organizations/organization.entity.js';

@ObjectType({ implements: Node, description: 'Someone who signs in: staff, mentor, evaluator, applicant or administrator.' })
@Entity({ tableName: 'person' })
export class Person extends BaseEntity {
  /** Stored lower-cased; exposed through a resolver that hides it from those who may not see it. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true, nativeEnumName: undefined })
  roles: Role[] = [];

  /** The applicant organisation this person belongs to, if any. */
  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  organization?: Ref<Organization> | null;
}
