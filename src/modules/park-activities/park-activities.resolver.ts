import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { PageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Organization } from '../organizations/organization.entity.js';
import { canSeeOrganization } from '../organizations/organization.permissions.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { Project } from '../projects/project.entity.js';
import { canViewProject } from '../projects/project.permissions.js';
import { CancelRegistrationInput, CheckInInput, CreateParkActivityInput, RecordHeadcountInput, RecordSatisfactionInput, RegisterForActivityInput } from './park-activities.inputs.js';
import { attendanceOf, attendedSessionsOf, checkedInOf } from './park-activities.queries.js';
import * as activities from './park-activities.service.js';
import {
  ActivityAttendanceSummary, ActivityRegistrationConnection, ActivityRegistrationPayload, ActivitySessionPayload, CheckInPayload,
  ParkActivitiesArgs, ParkActivityConnection, ParkActivityPayload,
} from './park-activities.types.js';
import { ParkActivityViewerCan } from './park-activities.viewer-can.js';
import { ActivityRegistration, ActivitySession, ParkActivity } from './park-activity.entity.js';

@Resolver(() => ParkActivity)
export class ParkActivityResolver {
  @Mutation(() => ParkActivityPayload, { description: 'Create an activity of a park, with its sessions (the park’s staff, or its district’s).' })
  createParkActivity(@Ctx() ctx: Context, @Arg('input', () => CreateParkActivityInput, { description: 'The activity.' }) input: CreateParkActivityInput) {
    return runMutation(ctx, ParkActivityPayload, (tx) => activities.createActivity(tx, input));
  }

  @Mutation(() => ActivityRegistrationPayload, { description: 'Register for an activity: yourself, or (the park’s staff) a person or a guest. A cancelled registration is renewed.' })
  registerForActivity(@Ctx() ctx: Context, @Arg('input', () => RegisterForActivityInput, { description: 'The activity, and who.' }) input: RegisterForActivityInput) {
    return runMutation(ctx, ActivityRegistrationPayload, (tx) => activities.register(tx, input));
  }

  @Mutation(() => ActivityRegistrationPayload, { description: 'Cancel a registration before any check-in (the park’s staff, or the person registered).' })
  cancelActivityRegistration(@Ctx() ctx: Context, @Arg('input', () => CancelRegistrationInput, { description: 'The registration.' }) input: CancelRegistrationInput) {
    return runMutation(ctx, ActivityRegistrationPayload, (tx) => activities.cancelRegistration(tx, input.registrationId));
  }

  @Mutation(() => CheckInPayload, { description: 'Check someone in to a session (the park’s staff): each person counts once per session; a walk-in is registered at the door.' })
  checkInToActivity(@Ctx() ctx: Context, @Arg('input', () => CheckInInput, { description: 'The session, and who.' }) input: CheckInInput) {
    return runMutation(ctx, CheckInPayload, (tx) => activities.checkIn(tx, input));
  }

  @Mutation(() => ActivitySessionPayload, { description: 'Record everyone present at a session of an open activity (the park’s staff).' })
  recordActivityHeadcount(@Ctx() ctx: Context, @Arg('input', () => RecordHeadcountInput, { description: 'The session and its headcount.' }) input: RecordHeadcountInput) {
    return runMutation(ctx, ActivitySessionPayload, (tx) => activities.recordHeadcount(tx, input));
  }

  @Mutation(() => ActivityRegistrationPayload, { description: 'Record how satisfied someone who attended was (the person, or the park’s staff from a form); a later answer replaces an earlier one.' })
  recordActivitySatisfaction(@Ctx() ctx: Context, @Arg('input', () => RecordSatisfactionInput, { description: 'The registration and the score.' }) input: RecordSatisfactionInput) {
    return runMutation(ctx, ActivityRegistrationPayload, (tx) => activities.recordSatisfaction(tx, input));
  }

  @FieldResolver(() => Park, { description: 'The park holding it.' })
  park(@Ctx() ctx: Context, @Root() activity: ParkActivity) {
    return ctx.loaders.byId(Park).load(activity.park.id);
  }

  @FieldResolver(() => [ActivitySession], { description: 'Its sessions, in order.' })
  sessions(@Ctx() ctx: Context, @Root() activity: ParkActivity) {
    return activities.sessionsOf(ctx, activity);
  }

  @FieldResolver(() => [Project], { description: 'The projects it concerned that you may see, by title; for a coaching workshop, the projects coached there.' })
  projects(@Ctx() ctx: Context, @Root() activity: ParkActivity) {
    return activities.projectsOf(ctx, activity, (project) => canViewProject(ctx, project));
  }

  @FieldResolver(() => [Organization], { description: 'The organisations it concerned that you may see, by name.' })
  organizations(@Ctx() ctx: Context, @Root() activity: ParkActivity) {
    return activities.organizationsOf(ctx, activity);
  }

  @FieldResolver(() => ActivityAttendanceSummary, { description: 'Who came, counted: person-times, people, origins (street, community, unit) and satisfaction.' })
  async attendance(@Ctx() ctx: Context, @Root() activity: ParkActivity): Promise<ActivityAttendanceSummary> {
    const figures = await attendanceOf(ctx, activity.id);
    const [streets, communities] = await Promise.all([
      ctx.loaders.byId(Place).loadMany(figures.streets.map((street) => street.streetId)),
      ctx.loaders.byId(Place).loadMany(figures.communities.map((community) => community.communityId)),
    ]);
    return {
      ...figures,
      streets: figures.streets.map((street, i) => ({ street: streets[i] as Place, personTimes: street.personTimes })),
      streetCount: figures.streets.length,
      communities: figures.communities.map((community, i) => ({ community: communities[i] as Place, personTimes: community.personTimes })),
    };
  }

  @FieldResolver(() => ActivityRegistrationConnection, { nullable: true, description: 'Who registered, in the order they did, cancelled ones included (the park’s staff).' })
  registrations(@Ctx() ctx: Context, @Root() activity: ParkActivity, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return activities.listRegistrations(ctx, activity, selectedPage(page, info));
  }

  @FieldResolver(() => ActivityRegistration, { nullable: true, description: 'Your own registration, if you registered.' })
  viewerRegistration(@Ctx() ctx: Context, @Root() activity: ParkActivity) {
    return activities.viewerRegistration(ctx, activity);
  }

  @FieldResolver(() => ParkActivityViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() activity: ParkActivity) {
    return new ParkActivityViewerCan(ctx, activity);
  }
}

@Resolver(() => ActivitySession)
export class ActivitySessionResolver {
  @FieldResolver(() => ParkActivity, { description: 'The activity it belongs to.' })
  activity(@Ctx() ctx: Context, @Root() session: ActivitySession) {
    return ctx.loaders.byId(ParkActivity).load(session.activity.id);
  }

  @FieldResolver(() => Int, { description: 'How many are checked in to it by name.' })
  checkedIn(@Ctx() ctx: Context, @Root() session: ActivitySession) {
    return checkedInOf(ctx, session.id);
  }

  @FieldResolver(() => Int, { description: 'Its person-times (人次): those checked in by name, or the headcount when larger.' })
  async personTimes(@Ctx() ctx: Context, @Root() session: ActivitySession) {
    return Math.max(session.headcount ?? 0, await checkedInOf(ctx, session.id));
  }
}

@Resolver(() => ActivityRegistration)
export class ActivityRegistrationResolver {
  @FieldResolver(() => ParkActivity, { description: 'The activity.' })
  activity(@Ctx() ctx: Context, @Root() registration: ActivityRegistration) {
    return ctx.loaders.byId(ParkActivity).load(registration.activity.id);
  }

  @FieldResolver(() => String, { description: 'Who registered: the person’s or the guest’s name.' })
  async name(@Ctx() ctx: Context, @Root() registration: ActivityRegistration) {
    if (registration.guestName) return registration.guestName;
    return (await ctx.loaders.byId(Person).load(registration.person!.id))!.name;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person of the platform registered; null for a guest.' })
  person(@Ctx() ctx: Context, @Root() registration: ActivityRegistration) {
    return registration.person ? ctx.loaders.byId(Person).load(registration.person.id) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Their organisation on the platform, if any and if you may see it (`unit` names it either way).' })
  async organization(@Ctx() ctx: Context, @Root() registration: ActivityRegistration) {
    const organization = registration.organization ? await ctx.loaders.byId(Organization).load(registration.organization.id) : null;
    return organization && (await canSeeOrganization(ctx, organization)) ? organization : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The street they come from, if known.' })
  street(@Ctx() ctx: Context, @Root() registration: ActivityRegistration) {
    return registration.street ? ctx.loaders.byId(Place).load(registration.street.id) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The community they come from, if known.' })
  community(@Ctx() ctx: Context, @Root() registration: ActivityRegistration) {
    return registration.community ? ctx.loaders.byId(Place).load(registration.community.id) : null;
  }

  @FieldResolver(() => [Int], { description: 'The numbers of the sessions they were checked in to.' })
  attendedSessions(@Ctx() ctx: Context, @Root() registration: ActivityRegistration) {
    return attendedSessionsOf(ctx, registration.id);
  }
}

@Resolver(() => Park)
export class ParkActivitiesResolver {
  @FieldResolver(() => ParkActivityConnection, { nullable: true, description: 'The park’s activities, latest start first unless `order` says otherwise (its staff and mentors, and the organisations it coaches).' })
  activities(@Ctx() ctx: Context, @Root() park: Park, @Args(() => ParkActivitiesArgs) args: ParkActivitiesArgs, @Info() info: GraphQLResolveInfo) {
    const { kind, from, to, order, ...page } = selectedPage(args, info);
    return activities.listActivities(ctx, park, { kind, from, to }, order, page as PageArgs);
  }
}
