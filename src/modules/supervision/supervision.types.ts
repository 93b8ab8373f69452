import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { FollowUp } from './follow-up.entity.js';
import { SupervisionVisit } from './supervision-visit.entity.js';

@ObjectType({ description: connectionDescription(SupervisionVisit) })
export class SupervisionVisitConnection extends ConnectionType(SupervisionVisit) {}

@ObjectType()
export class SupervisionVisitPayload extends Payload {
  @Field(() => SupervisionVisit, { nullable: true }) visit?: SupervisionVisit | null;
}

@ObjectType()
export class FollowUpPayload extends Payload {
  @Field(() => FollowUp, { nullable: true }) followUp?: FollowUp | null;
}
