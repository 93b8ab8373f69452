import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from './organization.entity.js';

@InputType()
export class OrganizationFieldsInput {
  @Field(() => String, { nullable: true, description: 'Registered name, unique (at most 200 characters).' }) name?: string;
  @Field(() => OrganizationKind, { nullable: true, description: 'What kind of body it is; may not be cleared.' }) kind?: OrganizationKind;
  @Field(() => String, { nullable: true, description: '18 characters; may be left out only for RESIDENT_GROUP.' }) creditCode?: string | null;
  @Field(() => ID, { nullable: true, description: 'Where it is: a district, street or community (a `Place` ID; see `places`).' }) placeId?: string;
  @Field(() => String, { nullable: true, description: 'Contact person’s name (at most 100 characters).' }) contactName?: string;
  @Field(() => String, { nullable: true, description: 'Contact phone number (at most 30 characters).' }) contactPhone?: string;
}

@InputType({ description: 'A new applicant organisation.' })
export class CreateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => String, { description: 'Registered name, unique (at most 200 characters).' }) declare name: string;
  @Field(() => OrganizationKind, { description: 'What kind of body it is.' }) declare kind: OrganizationKind;
  @Field(() => ID, { description: 'Where it is: a district, street or community (a `Place` ID; see `places`).' }) declare placeId: string;
  @Field(() => ID, { nullable: true, description: 'The park that coaches it. Left out: the viewer’s park when they work for exactly one, else none (only its district’s staff see it).' }) parkId?: string | null;
  @Field(() => String, { description: 'Contact person’s name (at most 100 characters).' }) declare contactName: string;
  @Field(() => String, { description: 'Contact phone number (at most 30 characters).' }) declare contactPhone: string;
}

@InputType({ description: 'Only the fields given change; pass null to clear an optional one.' })
export class UpdateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => ID, { description: 'The organisation’s global ID.' }) organizationId!: string;
}

@InputType({ description: 'An organisation moving to another park (or out of any park).' })
export class MoveOrganizationInput {
  @Field(() => ID, { description: 'The organisation’s global ID.' }) organizationId!: string;
  @Field(() => ID, { nullable: true, description: 'The park that coaches it from now on; null for none. Its projects keep the park that coached them.' }) parkId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it moves (at most 2,000 characters).' }) reason?: string | null;
}
