import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { ActionItem } from './action-item.entity.js';
import { CoachingSession } from './coaching-session.entity.js';

@ObjectType({ description: connectionDescription(CoachingSession) })
export class CoachingSessionConnection extends ConnectionType(CoachingSession) {}

@ObjectType({ description: connectionDescription(ActionItem) })
export class ActionItemConnection extends ConnectionType(ActionItem) {}

@ObjectType()
export class CoachingSessionPayload extends Payload {
  @Field(() => CoachingSession, { nullable: true }) coachingSession?: CoachingSession | null;
}

@ObjectType()
export class ActionItemPayload extends Payload {
  @Field(() => ActionItem, { nullable: true }) actionItem?: ActionItem | null;
}
