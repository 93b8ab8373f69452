import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { FollowUp } from './follow-up.entity.js';
import { SupervisionVisit } from './supervision-visit.entity.js';

@ObjectType({ description: connectionDescription(SupervisionVisit) })
export class SupervisionVisitConnection extends ConnectionType(SupervisionVisit) {}

@ObjectType({ description: 'The result of logging a supervision visit.' })
export class SupervisionVisitPayload extends Payload {
  @Field(() => SupervisionVisit, { nullable: true, description: 'The visit as logged, with its follow-ups; null when there are user errors.' }) visit?: SupervisionVisit | null;
}

@ObjectType({ description: 'The result of closing a follow-up.' })
export class FollowUpPayload extends Payload {
  @Field(() => FollowUp, { nullable: true, description: 'The follow-up, now closed; null when there are user errors.' }) followUp?: FollowUp | null;
}
