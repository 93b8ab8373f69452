import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, GraphQLISODateTime, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { andThen } from '../../shared/loaders.js';
import { PageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { OrganizationMove } from '../organizations/organization-move.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { canSeeOrganization } from '../organizations/organization.permissions.js';
import { Person } from '../people/person.entity.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { Park } from './park.entity.js';
import { Place, PlaceLevel } from './place.entity.js';
import { CreateParkInput, CreatePlaceInput, SetWorkplacesInput } from './places.inputs.js';
import { childrenOf, listParks, listPlaces, movesOf, placeAtLevel, placeChain, streetsOf, workplacesOfPerson } from './places.queries.js';
import * as places from './places.service.js';
import { ParkConnection, ParkPayload, PlacePayload, WorkplacesPayload } from './places.types.js';

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => [Place], { nullable: true, description: 'The places directly under `parentId`; without it, every place of `level` (e.g. all districts), or the top of the tree. By name, at most 500.' })
  places(
    @Ctx() ctx: Context,
    @Arg('parentId', () => ID, { nullable: true, description: 'The place whose children to list; omitted: the top of the tree.' }) parentId?: string | null,
    @Arg('level', () => PlaceLevel, { nullable: true, description: 'Only places of this level; without `parentId`, all of them wherever they are.' }) level?: PlaceLevel | null,
  ) {
    return listPlaces(ctx, parentId, level);
  }

  @Mutation(() => PlacePayload, { description: 'Add a place to the administrative tree (administrators).' })
  createPlace(@Ctx() ctx: Context, @Arg('input', () => CreatePlaceInput, { description: 'The place and where it sits.' }) input: CreatePlaceInput) {
    return runMutation(ctx, PlacePayload, (tx) => places.createPlace(tx, input));
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The place it is directly under; null at the top of the tree.' })
  parent(@Ctx() ctx: Context, @Root() place: Place) {
    return place.parent ? ctx.loaders.byId(Place).load(place.parent.id) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The district it is in (itself for a district); null above district level.' })
  district(@Ctx() ctx: Context, @Root() place: Place) {
    return place.district ? ctx.loaders.byId(Place).load(place.district.id) : null;
  }

  @FieldResolver(() => [Place], { description: 'The places directly under it, by name.' })
  children(@Ctx() ctx: Context, @Root() place: Place) {
    return childrenOf(ctx, place);
  }

  @FieldResolver(() => String, { description: 'The names from the top of the tree down to this place, joined, e.g. 广东省深圳市龙岗区横岗街道.' })
  async fullName(@Ctx() ctx: Context, @Root() place: Place) {
    return (await placeChain(ctx, place.id)).map((p) => p.name).reverse().join('');
  }
}

@Resolver(() => Park)
export class ParkResolver {
  @Query(() => ParkConnection, { nullable: true, description: 'Incubation parks, by name: every signed-in person may read them.' })
  parks(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('districtId', () => ID, { nullable: true, description: 'Only the parks of this district.' }) districtId?: string | null,
  ) {
    return listParks(ctx, selectedPage(page, info), districtId);
  }

  @Mutation(() => ParkPayload, { description: 'Open a park in a district (its staff, or administrators).' })
  createPark(@Ctx() ctx: Context, @Arg('input', () => CreateParkInput, { description: 'The park.' }) input: CreateParkInput) {
    return runMutation(ctx, ParkPayload, (tx) => places.createPark(tx, input));
  }

  @Mutation(() => WorkplacesPayload, { description: 'Say which parks and districts a person works for (a district’s staff within their districts, administrators anywhere).' })
  setWorkplaces(@Ctx() ctx: Context, @Arg('input', () => SetWorkplacesInput, { description: 'The person and their workplaces.' }) input: SetWorkplacesInput) {
    return runMutation(ctx, WorkplacesPayload, (tx) => places.setWorkplaces(tx, input));
  }

  @FieldResolver(() => Place, { description: 'The place it belongs to: its district or a street of it.' })
  place(@Ctx() ctx: Context, @Root() park: Park) {
    return ctx.loaders.byId(Place).load(park.place.id);
  }

  @FieldResolver(() => Place, { description: 'Its district.' })
  district(@Ctx() ctx: Context, @Root() park: Park) {
    return ctx.loaders.byId(Place).load(park.district.id);
  }

  @FieldResolver(() => [Place], { description: 'The streets it serves, by name.' })
  streets(@Ctx() ctx: Context, @Root() park: Park) {
    return streetsOf(ctx, park);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation operating it, when the viewer may see that organisation.' })
  async operator(@Ctx() ctx: Context, @Root() park: Park) {
    const operator = park.operator ? await ctx.loaders.byId(Organization).load(park.operator.id) : null;
    return operator && (await canSeeOrganization(ctx, operator)) ? operator : null;
  }
}

@Resolver(() => Person)
export class PersonWorkplacesResolver {
  @FieldResolver(() => [Park], { nullable: true, description: 'The parks the person works for (staff and mentors); visible to the person and to staff.' })
  async parks(@Ctx() ctx: Context, @Root() person: Person) {
    return (await workplacesOfPerson(ctx, person))?.parks ?? null;
  }

  @FieldResolver(() => [Place], { nullable: true, description: 'The districts the person works for (staff oversee them, evaluators are in their pool); visible to the person and to staff.' })
  async districts(@Ctx() ctx: Context, @Root() person: Person) {
    return (await workplacesOfPerson(ctx, person))?.districts ?? null;
  }
}

/** Where an organisation is and which park coaches it. */
@Resolver(() => Organization)
export class OrganizationPlaceResolver {
  @FieldResolver(() => Place, { description: 'Where it is: a district, street or community.' })
  place(@Ctx() ctx: Context, @Root() organization: Organization) {
    return ctx.loaders.byId(Place).load(organization.place.id);
  }

  @FieldResolver(() => String, { description: '区, e.g. 南山区: the name of its place’s district.' })
  district(@Ctx() ctx: Context, @Root() organization: Organization) {
    // Its district key is its place's district (kept by the database): one row, which lists of projects read with their page.
    return andThen(ctx.loaders.byId(Place).now(organization.district.id), (place) => place!.name);
  }

  @FieldResolver(() => String, { nullable: true, description: '街道, e.g. 南头街道, when its place is a street or in one.' })
  async street(@Ctx() ctx: Context, @Root() organization: Organization) {
    return (await placeAtLevel(ctx, organization.place.id, PlaceLevel.STREET))?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '社区, e.g. 田厦社区, when its place is a community.' })
  async community(@Ctx() ctx: Context, @Root() organization: Organization) {
    return (await placeAtLevel(ctx, organization.place.id, PlaceLevel.COMMUNITY))?.name ?? null;
  }

  @FieldResolver(() => Park, { nullable: true, description: 'The park that coaches it now; null when none does (its district’s staff look after it).' })
  park(@Ctx() ctx: Context, @Root() organization: Organization) {
    return organization.park ? ctx.loaders.byId(Park).load(organization.park.id) : null;
  }

  @FieldResolver(() => [OrganizationMove], { nullable: true, description: 'Its moves between parks, oldest first; visible to the staff over it.' })
  parkHistory(@Ctx() ctx: Context, @Root() organization: Organization) {
    return movesOf(ctx, organization);
  }
}

@Resolver(() => OrganizationMove)
export class OrganizationMoveResolver {
  @FieldResolver(() => Park, { nullable: true, description: 'The park that coached it before; null for its first park.' })
  fromPark(@Ctx() ctx: Context, @Root() move: OrganizationMove) {
    return move.fromPark ? ctx.loaders.byId(Park).load(move.fromPark.id) : null;
  }

  @FieldResolver(() => Park, { nullable: true, description: 'The park that coaches it from then on; null when it left every park.' })
  toPark(@Ctx() ctx: Context, @Root() move: OrganizationMove) {
    return move.toPark ? ctx.loaders.byId(Park).load(move.toPark.id) : null;
  }

  @FieldResolver(() => GraphQLISODateTime, { description: 'When it moved.' })
  movedAt(@Root() move: OrganizationMove) {
    return move.createdAt;
  }
}

/** The district and park of programmes and projects. */
@Resolver(() => Program)
export class ProgramPlaceResolver {
  @FieldResolver(() => Place, { nullable: true, description: 'The district that runs it; null for a platform-wide programme.' })
  district(@Ctx() ctx: Context, @Root() program: Program) {
    return program.district ? ctx.loaders.byId(Place).load(program.district.id) : null;
  }

  @FieldResolver(() => Park, { nullable: true, description: 'For a park’s own programme, the park: only organisations it coaches may apply.' })
  park(@Ctx() ctx: Context, @Root() program: Program) {
    return program.park ? ctx.loaders.byId(Park).load(program.park.id) : null;
  }
}

@Resolver(() => Project)
export class ProjectPlaceResolver {
  @FieldResolver(() => Park, { nullable: true, description: 'The park that coached it (kept when its organisation moves on); null when no park did.' })
  park(@Ctx() ctx: Context, @Root() project: Project) {
    return project.park ? ctx.loaders.byId(Park).load(project.park.id) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The district it belongs to: its programme’s, else its organisation’s.' })
  district(@Ctx() ctx: Context, @Root() project: Project) {
    return project.district ? ctx.loaders.byId(Place).load(project.district.id) : null;
  }
}
