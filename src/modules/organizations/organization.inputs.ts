import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from './organization.entity.js';

@InputType()
export class OrganizationFieldsInput {
  @Field(() => String, { nullable: true, description: 'Registered name, unique (at most 200 characters).' }) name?: string;
  @Field(() => OrganizationKind, { nullable: true, description: 'What kind of body it is; may not be cleared.' }) kind?: OrganizationKind;
  @Field(() => String, { nullable: true, description: '18 characters; may be left out only for RESIDENT_GROUP.' }) creditCode?: string | null;
  @Field(() => String, { nullable: true, description: '区, e.g. 南山区 (at most 50 characters).' }) district?: string;
  @Field(() => String, { nullable: true, description: '街道, e.g. 南头街道 (at most 50 characters); optional.' }) street?: string | null;
  @Field(() => String, { nullable: true, description: '社区, e.g. 田厦社区 (at most 50 characters); optional.' }) community?: string | null;
  @Field(() => String, { nullable: true, description: 'Contact person’s name (at most 100 characters).' }) contactName?: string;
  @Field(() => String, { nullable: true, description: 'Contact phone number (at most 30 characters).' }) contactPhone?: string;
}

@InputType({ description: 'A new applicant organisation.' })
export class CreateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => String, { description: 'Registered name, unique (at most 200 characters).' }) declare name: string;
  @Field(() => OrganizationKind, { description: 'What kind of body it is.' }) declare kind: OrganizationKind;
  @Field(() => String, { description: '区, e.g. 南山区 (at most 50 characters).' }) declare district: string;
  @Field(() => String, { description: 'Contact person’s name (at most 100 characters).' }) declare contactName: string;
  @Field(() => String, { description: 'Contact phone number (at most 30 characters).' }) declare contactPhone: string;
}

@InputType({ description: 'Only the fields given change; pass null to clear an optional one.' })
export class UpdateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => ID, { description: 'The organisation’s global ID.' }) organizationId!: string;
}
