import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from './organization.entity.js';

@InputType()
export class OrganizationFieldsInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind;
  @Field(() => String, { nullable: true, description: '18 characters; may be left out only for RESIDENT_GROUP.' }) creditCode?: string | null;
  @Field(() => String, { nullable: true }) district?: string;
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) community?: string | null;
  @Field(() => String, { nullable: true }) contactName?: string;
  @Field(() => String, { nullable: true }) contactPhone?: string;
}

@InputType()
export class CreateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => String) declare name: string;
  @Field(() => OrganizationKind) declare kind: OrganizationKind;
  @Field(() => String) declare district: string;
  @Field(() => String) declare contactName: string;
  @Field(() => String) declare contactPhone: string;
}

@InputType({ description: 'Only the fields given change; pass null to clear an optional one.' })
export class UpdateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => ID) organizationId!: string;
}
