import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { ActionItem } from './action-item.entity.js';
import { CoachingSession } from './coaching-session.entity.js';

@ObjectType({ description: connectionDescription(CoachingSession) })
export class CoachingSessionConnection extends ConnectionType(CoachingSession) {}

@ObjectType({ description: connectionDescription(ActionItem) })
export class ActionItemConnection extends ConnectionType(ActionItem) {}

@ObjectType({ description: 'The result of logging a coaching session.' })
export class CoachingSessionPayload extends Payload {
  @Field(() => CoachingSession, { nullable: true, description: 'The session as logged, with its action items; null when there are user errors.' }) coachingSession?: CoachingSession | null;
}

@ObjectType({ description: 'The result of marking an action item done or open.' })
export class ActionItemPayload extends Payload {
  @Field(() => ActionItem, { nullable: true, description: 'The action item as changed; null when there are user errors.' }) actionItem?: ActionItem | null;
}
