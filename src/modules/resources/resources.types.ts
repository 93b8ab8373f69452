import { ArgsType, Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { MatchStatus, ResourceMatch } from './resource-match.entity.js';
import { ResourceNeed } from './resource-need.entity.js';
import { ResourceKind, ResourceOffer } from './resource-offer.entity.js';

@ObjectType({ description: connectionDescription(ResourceOffer) })
export class ResourceOfferConnection extends ConnectionType(ResourceOffer) {}

@ObjectType({ description: connectionDescription(ResourceNeed) })
export class ResourceNeedConnection extends ConnectionType(ResourceNeed) {}

@ObjectType({ description: connectionDescription(ResourceMatch) })
export class ResourceMatchConnection extends ConnectionType(ResourceMatch) {}

@ArgsType()
export class ResourceOfferPageArgs extends PageArgs {
  @Field(() => ResourceKind, { nullable: true, description: 'Only offers of this kind.' })
  kind?: ResourceKind | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also the withdrawn offers.' })
  includeWithdrawn!: boolean;
}

@ArgsType()
export class ResourceMatchPageArgs extends PageArgs {
  @Field(() => MatchStatus, { nullable: true, description: 'Only matches in this status.' })
  status?: MatchStatus | null;
}

@ObjectType({ description: 'The result of creating, changing or withdrawing a resource offer.' })
export class ResourceOfferPayload extends Payload {
  @Field(() => ResourceOffer, { nullable: true, description: 'The offer as it now stands; null when there are user errors.' }) offer?: ResourceOffer | null;
}

@ObjectType({ description: 'The result of raising or closing a resource need.' })
export class ResourceNeedPayload extends Payload {
  @Field(() => ResourceNeed, { nullable: true, description: 'The need as it now stands; null when there are user errors.' }) need?: ResourceNeed | null;
}

@ObjectType({ description: 'The result of proposing a match or taking one of its steps.' })
export class ResourceMatchPayload extends Payload {
  @Field(() => ResourceMatch, { nullable: true, description: 'The match as it now stands; null when there are user errors.' }) match?: ResourceMatch | null;
}

@ObjectType({ description: 'Deliveries of one kind of resource in a period.' })
export class ResourceKindFigure {
  @Field(() => ResourceKind, { description: 'The kind of resource.' }) kind!: ResourceKind;
  @Field(() => Int, { description: 'Matches of offers of this kind delivered in the period.' }) delivered!: number;
  @Field(() => Float, { description: 'The value they brokered, in yuan.' }) value!: number;
}

@ObjectType({ description: 'Resource matching (资源对接) in a period, for the operations report: counted from `from` (inclusive) to `to` (exclusive).' })
export class ResourceFigures {
  @Field(() => GraphQLISODateTime, { description: 'The start of the period (inclusive).' }) from!: Date;
  @Field(() => GraphQLISODateTime, { description: 'The end of the period (exclusive).' }) to!: Date;
  @Field(() => Int, { description: 'Offers created in the period.' }) offers!: number;
  @Field(() => Int, { description: 'Matches proposed in the period.' }) matchesProposed!: number;
  @Field(() => Int, { description: 'Matches delivered in the period.' }) matchesDelivered!: number;
  @Field(() => Float, { description: 'The value those deliveries brokered, in yuan.' }) valueBrokered!: number;
  @Field(() => [ResourceKindFigure], { description: 'Deliveries by the kind of their offer, every kind listed (zero where none).' }) byKind!: ResourceKindFigure[];
  @Field(() => Int, { description: 'Distinct projects that had a delivery in the period.' }) projectsServed!: number;
}
