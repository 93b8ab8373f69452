import { ArgsType, Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ConnectionType, NewestFirstPageArgs, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Place } from '../places/place.entity.js';
import { ActivityKind, ActivityRegistration, ActivitySession, ParkActivity } from './park-activity.entity.js';

@ObjectType({ description: connectionDescription(ParkActivity) })
export class ParkActivityConnection extends ConnectionType(ParkActivity) {}

@ObjectType({ description: connectionDescription(ActivityRegistration) })
export class ActivityRegistrationConnection extends ConnectionType(ActivityRegistration) {}

@ArgsType()
export class ParkActivitiesArgs extends NewestFirstPageArgs {
  @Field(() => ActivityKind, { nullable: true, description: 'Only activities of this kind.' }) kind?: ActivityKind | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only activities starting at or after this instant.' }) from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only activities starting before this instant.' }) to?: Date | null;
}

@ObjectType({ description: 'Person-times from one street.' })
export class StreetAttendance {
  @Field(() => Place, { description: 'The street (街道).' }) street!: Place;
  @Field(() => Int, { description: 'Person-times (人次) of people from it.' }) personTimes!: number;
}

@ObjectType({ description: 'Person-times from one community.' })
export class CommunityAttendance {
  @Field(() => Place, { description: 'The community (社区).' }) community!: Place;
  @Field(() => Int, { description: 'Person-times (人次) of people from it.' }) personTimes!: number;
}

@ObjectType({ description: 'Person-times from one unit.' })
export class UnitAttendance {
  @Field(() => String, { description: 'The unit (单位) as registered: an organisation, a community office, an enterprise.' }) unit!: string;
  @Field(() => Int, { description: 'Person-times (人次) of people from it.' }) personTimes!: number;
}

@ObjectType({ description: 'Who came to an activity, counted: person-times (人次) per session, by name or at the door, and where people came from.' })
export class ActivityAttendanceSummary {
  @Field(() => Int, { description: 'Person-times over all sessions: each session counts those checked in by name, or its headcount when larger.' }) personTimes!: number;
  @Field(() => Int, { description: 'Different people checked in to at least one session.' }) participants!: number;
  @Field(() => Int, { description: 'People counted at the door beyond those checked in by name.' }) countedAtDoor!: number;
  @Field(() => [StreetAttendance], { description: 'Person-times by the street people came from, most first.' }) streets!: StreetAttendance[];
  @Field(() => Int, { description: 'How many streets people came from.' }) streetCount!: number;
  @Field(() => Int, { description: 'Person-times whose street is not known (guests who gave none, and those counted at the door).' }) unknownOrigin!: number;
  @Field(() => [CommunityAttendance], { description: 'Person-times by the community people came from, most first (those who gave one).' }) communities!: CommunityAttendance[];
  @Field(() => [UnitAttendance], { description: 'Person-times by the unit people came from, most first (those who gave one).' }) units!: UnitAttendance[];
  @Field(() => Int, { description: 'How many who attended gave a satisfaction score.' }) satisfactionResponses!: number;
  @Field(() => Float, { nullable: true, description: 'Their average satisfaction, 1 to 5, to two decimals; null when none gave one.' }) averageSatisfaction?: number | null;
}

@ObjectType({ description: 'The result of creating an activity.' })
export class ParkActivityPayload extends Payload {
  @Field(() => ParkActivity, { nullable: true, description: 'The activity, with its sessions; null when there are user errors.' }) activity?: ParkActivity | null;
}

@ObjectType({ description: 'The result of a change to a registration.' })
export class ActivityRegistrationPayload extends Payload {
  @Field(() => ActivityRegistration, { nullable: true, description: 'The registration as it now stands; null when there are user errors.' }) registration?: ActivityRegistration | null;
}

@ObjectType({ description: 'The result of a check-in.' })
export class CheckInPayload extends Payload {
  @Field(() => ActivityRegistration, { nullable: true, description: 'The registration checked in (a walk-in’s is made at the door); null when there are user errors.' }) registration?: ActivityRegistration | null;
  @Field(() => ActivitySession, { nullable: true, description: 'The session, with its new count; null when there are user errors.' }) session?: ActivitySession | null;
}

@ObjectType({ description: 'The result of recording a headcount.' })
export class ActivitySessionPayload extends Payload {
  @Field(() => ActivitySession, { nullable: true, description: 'The session; null when there are user errors.' }) session?: ActivitySession | null;
}
