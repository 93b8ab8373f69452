import { Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { ActivityKind, SessionMode } from './park-activity.entity.js';

@InputType({ description: 'One session of a new activity.' })
export class ActivitySessionInput {
  @Field(() => GraphQLISODateTime, { description: 'When it starts.' }) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it ends; after it starts, within a day.' }) endsAt!: Date;
  @Field(() => SessionMode, { description: 'Online or on site.' }) mode!: SessionMode;
  @Field(() => String, { nullable: true, description: 'Where, when not the activity’s venue (at most 200 characters).' }) venue?: string | null;
}

@InputType({ description: 'An activity a park holds, with its sessions.' })
export class CreateParkActivityInput {
  @Field(() => ID, { description: 'The park holding it; its staff (or its district’s) create activities.' }) parkId!: string;
  @Field(() => ActivityKind, { description: 'What kind of activity.' }) kind!: ActivityKind;
  @Field(() => String, { description: 'Its title (at most 200 characters).' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Its theme (at most 200 characters).' }) topic?: string | null;
  @Field(() => String, { nullable: true, description: 'What it is for (at most 10,000 characters).' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'Who organises it (at most 200 characters); the park when not given.' }) organizer?: string | null;
  @Field(() => String, { nullable: true, description: 'Where it is held (at most 200 characters).' }) venue?: string | null;
  @Field(() => Int, { nullable: true, description: 'How many may register, 1 to 100,000; no limit when not given.' }) capacity?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Open to the public, so sessions may record a headcount; false when not given.' }) openToPublic?: boolean | null;
  @Field(() => [ActivitySessionInput], { description: 'Its sessions, 1 to 50, in any order: they are numbered by start.' }) sessions!: ActivitySessionInput[];
  @Field(() => [ID], { nullable: true, description: 'Projects it concerns, at most 100, each one the park’s staff are over; for a coaching workshop, the projects coached there.' }) projectIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Organisations it concerns (co-organisers, the community observed), at most 100.' }) organizationIds?: string[] | null;
}

@InputType({ description: 'A guest: someone without an account, by name and unit, with where they come from.' })
export class GuestInput {
  @Field(() => String, { description: 'Their name (at most 100 characters).' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Their unit: organisation, community or enterprise (at most 200 characters).' }) unit?: string | null;
  @Field(() => ID, { nullable: true, description: 'The street (街道) they come from.' }) streetId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The community (社区) they come from; its street is taken from it.' }) communityId?: string | null;
}

@InputType({ description: 'Register for an activity: yourself (give neither), a person of the platform, or a guest (staff only).' })
export class RegisterForActivityInput {
  @Field(() => ID, { description: 'The activity.' }) activityId!: string;
  @Field(() => ID, { nullable: true, description: 'A person to register (staff of the park).' }) personId?: string | null;
  @Field(() => GuestInput, { nullable: true, description: 'A guest to register (staff of the park).' }) guest?: GuestInput | null;
}

@InputType({ description: 'Check someone in to a session: a registration, or a walk-in (a person or a guest who did not register).' })
export class CheckInInput {
  @Field(() => ID, { description: 'The session.' }) sessionId!: string;
  @Field(() => ID, { nullable: true, description: 'Their registration for the session’s activity.' }) registrationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A person of the platform who came without registering.' }) personId?: string | null;
  @Field(() => GuestInput, { nullable: true, description: 'A guest who came without registering.' }) guest?: GuestInput | null;
}

@InputType({ description: 'The headcount of a session of an open activity.' })
export class RecordHeadcountInput {
  @Field(() => ID, { description: 'The session.' }) sessionId!: string;
  @Field(() => Int, { description: 'Everyone present, at least those checked in by name, at most 100,000.' }) headcount!: number;
}

@InputType({ description: 'The registration to cancel.' })
export class CancelRegistrationInput {
  @Field(() => ID, { description: 'The registration.' }) registrationId!: string;
}

@InputType({ description: 'How satisfied someone who attended was.' })
export class RecordSatisfactionInput {
  @Field(() => ID, { description: 'Their registration; it must have a check-in.' }) registrationId!: string;
  @Field(() => Int, { description: '1 (very dissatisfied) to 5 (very satisfied).' }) satisfaction!: number;
  @Field(() => String, { nullable: true, description: 'What they said (at most 2,000 characters).' }) feedback?: string | null;
}
