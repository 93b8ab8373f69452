import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, GraphQLISODateTime, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { NewestFirstPageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Organization } from '../organizations/organization.entity.js';
import { canSeeOrganization } from '../organizations/organization.permissions.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Project } from '../projects/project.entity.js';
import { ResourceMatch } from './resource-match.entity.js';
import { ResourceNeed } from './resource-need.entity.js';
import { ResourceOffer } from './resource-offer.entity.js';
import {
  AcceptResourceMatchInput,
  CancelResourceMatchInput,
  CloseResourceNeedInput,
  CreateResourceOfferInput,
  DeclineResourceMatchInput,
  DeliverResourceMatchInput,
  ProposeResourceMatchInput,
  RaiseResourceNeedInput,
  UpdateResourceOfferInput,
  WithdrawResourceOfferInput,
} from './resources.inputs.js';
import * as resources from './resources.service.js';
import {
  ResourceFigures,
  ResourceMatchConnection,
  ResourceMatchPageArgs,
  ResourceMatchPayload,
  ResourceNeedConnection,
  ResourceNeedPayload,
  ResourceOfferConnection,
  ResourceOfferPageArgs,
  ResourceOfferPayload,
} from './resources.types.js';
import { ResourceMatchViewerCan, ResourceNeedViewerCan, ResourceOfferViewerCan } from './resources.viewer-can.js';

const person = (ctx: Context, who: { id: string } | null | undefined) => (who ? ctx.loaders.byId(Person).load(who.id) : null);

const FROM_ARG = { description: 'The start of the period (inclusive).' } as const;
const TO_ARG = { description: 'The end of the period (exclusive).' } as const;

@Resolver(() => ResourceOffer)
export class ResourceOfferResolver {
  @Mutation(() => ResourceOfferPayload, { description: 'Offer a resource through a park (staff covering the park).' })
  createResourceOffer(@Ctx() ctx: Context, @Arg('input', () => CreateResourceOfferInput, { description: 'The offer.' }) input: CreateResourceOfferInput) {
    return runMutation(ctx, ResourceOfferPayload, (tx) => resources.createOffer(tx, input));
  }

  @Mutation(() => ResourceOfferPayload, { description: 'Change an offer that is still offered (staff covering its park).' })
  updateResourceOffer(@Ctx() ctx: Context, @Arg('input', () => UpdateResourceOfferInput, { description: 'The offer and its changes.' }) input: UpdateResourceOfferInput) {
    return runMutation(ctx, ResourceOfferPayload, (tx) => resources.updateOffer(tx, input));
  }

  @Mutation(() => ResourceOfferPayload, { description: 'Withdraw an offer: no new matches; matches under way go on (staff covering its park).' })
  withdrawResourceOffer(@Ctx() ctx: Context, @Arg('input', () => WithdrawResourceOfferInput, { description: 'The offer.' }) input: WithdrawResourceOfferInput) {
    return runMutation(ctx, ResourceOfferPayload, (tx) => resources.withdrawOffer(tx, input));
  }

  @FieldResolver(() => Park, { description: 'The park offering it.' })
  park(@Ctx() ctx: Context, @Root() offer: ResourceOffer) {
    return ctx.loaders.byId(Park).load(offer.park.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The provider’s organisation, when it is on the platform and the viewer may see it.' })
  async organization(@Ctx() ctx: Context, @Root() offer: ResourceOffer) {
    const organization = offer.organization ? await ctx.loaders.byId(Organization).load(offer.organization.id) : null;
    return organization && (await canSeeOrganization(ctx, organization)) ? organization : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether it may be matched today: not withdrawn, and not past its last day.' })
  available(@Ctx() ctx: Context, @Root() offer: ResourceOffer) {
    return !offer.withdrawnAt && (!offer.availableUntil || offer.availableUntil >= ctx.now.toISOString().slice(0, 10));
  }

  @FieldResolver(() => Person, { description: 'Who created it.' })
  createdBy(@Ctx() ctx: Context, @Root() offer: ResourceOffer) {
    return person(ctx, offer.createdBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who withdrew it.' })
  withdrawnBy(@Ctx() ctx: Context, @Root() offer: ResourceOffer) {
    return person(ctx, offer.withdrawnBy);
  }

  @FieldResolver(() => [ResourceMatch], { description: 'Its matches that the viewer sees, newest first: all of them for the park’s staff, the viewer’s own projects’ for others.' })
  matches(@Ctx() ctx: Context, @Root() offer: ResourceOffer) {
    return resources.matchesOfOffer(ctx, offer);
  }

  @FieldResolver(() => ResourceOfferViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() offer: ResourceOffer) {
    return new ResourceOfferViewerCan(ctx, offer);
  }
}

@Resolver(() => ResourceNeed)
export class ResourceNeedResolver {
  @Mutation(() => ResourceNeedPayload, { description: 'Raise a resource a project needs (its applicant, its mentors, or staff over it).' })
  raiseResourceNeed(@Ctx() ctx: Context, @Arg('input', () => RaiseResourceNeedInput, { description: 'The need.' }) input: RaiseResourceNeedInput) {
    return runMutation(ctx, ResourceNeedPayload, (tx) => resources.raiseNeed(tx, input));
  }

  @Mutation(() => ResourceNeedPayload, { description: 'Close a need: met, or no longer needed (its applicant, its mentors, or staff over it).' })
  closeResourceNeed(@Ctx() ctx: Context, @Arg('input', () => CloseResourceNeedInput, { description: 'The need.' }) input: CloseResourceNeedInput) {
    return runMutation(ctx, ResourceNeedPayload, (tx) => resources.closeNeed(tx, input));
  }

  @FieldResolver(() => Project, { description: 'The project that needs it.' })
  project(@Ctx() ctx: Context, @Root() need: ResourceNeed) {
    return ctx.loaders.byId(Project).load(need.project.id);
  }

  @FieldResolver(() => Boolean, { description: 'Not closed yet.' })
  open(@Root() need: ResourceNeed) {
    return !need.closedAt;
  }

  @FieldResolver(() => Person, { description: 'Who raised it.' })
  raisedBy(@Ctx() ctx: Context, @Root() need: ResourceNeed) {
    return person(ctx, need.raisedBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who closed it.' })
  closedBy(@Ctx() ctx: Context, @Root() need: ResourceNeed) {
    return person(ctx, need.closedBy);
  }

  @FieldResolver(() => ResourceNeedViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() need: ResourceNeed) {
    return new ResourceNeedViewerCan(ctx, need);
  }
}

@Resolver(() => ResourceMatch)
export class ResourceMatchResolver {
  @Mutation(() => ResourceMatchPayload, { description: 'Propose an offer to a project, optionally answering one of its needs (staff covering the offer’s park and over the project); DUPLICATE while one is open.' })
  proposeResourceMatch(@Ctx() ctx: Context, @Arg('input', () => ProposeResourceMatchInput, { description: 'The offer, the project and the need.' }) input: ProposeResourceMatchInput) {
    return runMutation(ctx, ResourceMatchPayload, (tx) => resources.proposeMatch(tx, input));
  }

  @Mutation(() => ResourceMatchPayload, { description: 'PROPOSED → ACCEPTED (the applicant organisation’s members, or staff covering the offer’s park).' })
  acceptResourceMatch(@Ctx() ctx: Context, @Arg('input', () => AcceptResourceMatchInput, { description: 'The match.' }) input: AcceptResourceMatchInput) {
    return runMutation(ctx, ResourceMatchPayload, (tx) => resources.acceptMatch(tx, input));
  }

  @Mutation(() => ResourceMatchPayload, { description: 'PROPOSED → DECLINED (the applicant organisation’s members, or staff covering the offer’s park).' })
  declineResourceMatch(@Ctx() ctx: Context, @Arg('input', () => DeclineResourceMatchInput, { description: 'The match and why.' }) input: DeclineResourceMatchInput) {
    return runMutation(ctx, ResourceMatchPayload, (tx) => resources.declineMatch(tx, input));
  }

  @Mutation(() => ResourceMatchPayload, { description: 'PROPOSED or ACCEPTED → CANCELLED (staff covering the offer’s park).' })
  cancelResourceMatch(@Ctx() ctx: Context, @Arg('input', () => CancelResourceMatchInput, { description: 'The match and why.' }) input: CancelResourceMatchInput) {
    return runMutation(ctx, ResourceMatchPayload, (tx) => resources.cancelMatch(tx, input));
  }

  @Mutation(() => ResourceMatchPayload, { description: 'ACCEPTED → DELIVERED, with the value brokered (staff covering the offer’s park).' })
  deliverResourceMatch(@Ctx() ctx: Context, @Arg('input', () => DeliverResourceMatchInput, { description: 'The match, the value brokered and a note.' }) input: DeliverResourceMatchInput) {
    return runMutation(ctx, ResourceMatchPayload, (tx) => resources.deliverMatch(tx, input));
  }

  @FieldResolver(() => ResourceOffer, { description: 'The offer matched.' })
  offer(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return ctx.loaders.byId(ResourceOffer).load(match.offer.id);
  }

  @FieldResolver(() => Project, { description: 'The project it serves.' })
  project(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return ctx.loaders.byId(Project).load(match.project.id);
  }

  @FieldResolver(() => ResourceNeed, { nullable: true, description: 'The project’s need it answers, if any.' })
  need(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return match.need ? ctx.loaders.byId(ResourceNeed).load(match.need.id) : null;
  }

  @FieldResolver(() => Park, { description: 'The park brokering it: the offer’s.' })
  park(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return ctx.loaders.byId(Park).load(match.park.id);
  }

  @FieldResolver(() => GraphQLISODateTime, { description: 'When it was proposed (its creation).' })
  proposedAt(@Root() match: ResourceMatch) {
    return match.createdAt;
  }

  @FieldResolver(() => Person, { description: 'Who proposed it.' })
  proposedBy(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return person(ctx, match.proposedBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who accepted it.' })
  acceptedBy(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return person(ctx, match.acceptedBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who marked it delivered.' })
  deliveredBy(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return person(ctx, match.deliveredBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who declined or cancelled it.' })
  endedBy(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return person(ctx, match.endedBy);
  }

  @FieldResolver(() => ResourceMatchViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() match: ResourceMatch) {
    return new ResourceMatchViewerCan(ctx, match);
  }
}

@Resolver(() => Park)
export class ParkResourcesResolver {
  @FieldResolver(() => ResourceOfferConnection, { nullable: true, description: 'Its resource offers, newest first (its staff, the mentors working there and the organisations it coaches; evaluators are FORBIDDEN).' })
  resourceOffers(@Ctx() ctx: Context, @Root() park: Park, @Args(() => ResourceOfferPageArgs) page: ResourceOfferPageArgs, @Info() info: GraphQLResolveInfo) {
    return resources.listParkOffers(ctx, park, selectedPage(page, info));
  }

  @FieldResolver(() => ResourceMatchConnection, { nullable: true, description: 'Its resource matches, newest first: all of them for its staff; their own projects’ for the mentors working there and the organisations it coaches.' })
  resourceMatches(@Ctx() ctx: Context, @Root() park: Park, @Args(() => ResourceMatchPageArgs) page: ResourceMatchPageArgs, @Info() info: GraphQLResolveInfo) {
    return resources.listParkMatches(ctx, park, selectedPage(page, info));
  }

  @FieldResolver(() => ResourceFigures, { nullable: true, description: 'Its resource matching in a period (staff covering the park).' })
  resourceFigures(
    @Ctx() ctx: Context,
    @Root() park: Park,
    @Arg('from', () => GraphQLISODateTime, FROM_ARG) from: Date,
    @Arg('to', () => GraphQLISODateTime, TO_ARG) to: Date,
  ) {
    return resources.parkFigures(ctx, park, from, to);
  }
}

@Resolver(() => Project)
export class ProjectResourcesResolver {
  @FieldResolver(() => ResourceNeedConnection, { nullable: true, description: 'The resources it needs, newest first unless `order` says otherwise (its staff, mentors and applicant).' })
  resourceNeeds(@Ctx() ctx: Context, @Root() project: Project, @Args(() => NewestFirstPageArgs) page: NewestFirstPageArgs, @Info() info: GraphQLResolveInfo) {
    return resources.listProjectNeeds(ctx, project, selectedPage(page, info));
  }

  @FieldResolver(() => ResourceMatchConnection, { nullable: true, description: 'The resources matched to it, newest first unless `order` says otherwise (its staff, mentors and applicant).' })
  resourceMatches(@Ctx() ctx: Context, @Root() project: Project, @Args(() => NewestFirstPageArgs) page: NewestFirstPageArgs, @Info() info: GraphQLResolveInfo) {
    return resources.listProjectMatches(ctx, project, selectedPage(page, info));
  }
}

@Resolver()
export class DistrictResourcesResolver {
  @Query(() => ResourceFigures, { nullable: true, description: 'A district’s resource matching in a period, every park of it together (its staff and administrators; anyone else is FORBIDDEN).' })
  districtResourceFigures(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID, { description: 'The district (a place of level DISTRICT).' }) districtId: string,
    @Arg('from', () => GraphQLISODateTime, FROM_ARG) from: Date,
    @Arg('to', () => GraphQLISODateTime, TO_ARG) to: Date,
  ) {
    return resources.districtFigures(ctx, districtId, from, to);
  }
}
