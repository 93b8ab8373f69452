import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Organization } from './organization.entity.js';

@ObjectType()
export class OrganizationConnection extends ConnectionType(Organization) {}

@ObjectType()
export class OrganizationPayload extends Payload {
  @Field(() => Organization, { nullable: true })
  organization?: Organization | null;
}
