import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Organization } from './organization.entity.js';

@ObjectType({ description: connectionDescription(Organization) })
export class OrganizationConnection extends ConnectionType(Organization) {}

@ObjectType({ description: 'The result of registering or updating an organisation.' })
export class OrganizationPayload extends Payload {
  @Field(() => Organization, { nullable: true, description: 'The organisation as saved; null when there are user errors.' })
  organization?: Organization | null;
}
