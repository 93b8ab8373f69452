import { Field, Float, ID, InputType } from 'type-graphql';
import { ResourceKind } from './resource-offer.entity.js';

@InputType({ description: 'A resource a park offers to its projects.' })
export class CreateResourceOfferInput {
  @Field(() => ID, { description: 'The park offering it; its staff (or its district’s) create offers.' }) parkId!: string;
  @Field(() => ResourceKind, { description: 'What kind of resource it is.' }) kind!: ResourceKind;
  @Field(() => String, { description: 'What is offered (at most 200 characters).' }) title!: string;
  @Field(() => String, { description: 'Who provides it: a funder, enterprise or foundation (at most 200 characters).' }) providerName!: string;
  @Field(() => ID, { nullable: true, description: 'The provider’s organisation, when it is on the platform.' }) organizationId?: string | null;
  @Field(() => String, { description: 'The terms (at most 2,000 characters).' }) terms!: string;
  @Field(() => Float, { description: 'What it is worth in yuan, two decimals at most; 0 for in-kind help of no stated value.' }) value!: number;
  @Field(() => String, { nullable: true, description: 'The last day it may be matched, YYYY-MM-DD, not in the past; omitted: until withdrawn.' }) availableUntil?: string | null;
}

@InputType({ description: 'Changes to an offer that is still offered; what is omitted stays as it is.' })
export class UpdateResourceOfferInput {
  @Field(() => ID, { description: 'The offer’s global ID.' }) offerId!: string;
  @Field(() => ResourceKind, { nullable: true, description: 'A new kind.' }) kind?: ResourceKind | null;
  @Field(() => String, { nullable: true, description: 'A new title (at most 200 characters).' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'A new provider name (at most 200 characters).' }) providerName?: string | null;
  @Field(() => String, { nullable: true, description: 'New terms (at most 2,000 characters).' }) terms?: string | null;
  @Field(() => Float, { nullable: true, description: 'A new value in yuan (0 or more).' }) value?: number | null;
  @Field(() => String, { nullable: true, description: 'A new last day, YYYY-MM-DD, not in the past.' }) availableUntil?: string | null;
}

@InputType({ description: 'The offer to withdraw: it takes no new matches; matches under way go on.' })
export class WithdrawResourceOfferInput {
  @Field(() => ID, { description: 'The offer’s global ID.' }) offerId!: string;
}

@InputType({ description: 'A resource a project needs.' })
export class RaiseResourceNeedInput {
  @Field(() => ID, { description: 'The project; its applicant, mentors and staff raise its needs.' }) projectId!: string;
  @Field(() => ResourceKind, { description: 'What kind of resource is needed.' }) kind!: ResourceKind;
  @Field(() => String, { description: 'What is needed, and for what (at most 2,000 characters).' }) description!: string;
  @Field(() => Float, { nullable: true, description: 'The value sought in yuan, above zero, when it can be put in money.' }) valueSought?: number | null;
}

@InputType({ description: 'The need to close: met, or no longer needed.' })
export class CloseResourceNeedInput {
  @Field(() => ID, { description: 'The need’s global ID.' }) needId!: string;
}

@InputType({ description: 'An offer proposed to a project.' })
export class ProposeResourceMatchInput {
  @Field(() => ID, { description: 'The offer, still available; staff covering its park propose it.' }) offerId!: string;
  @Field(() => ID, { description: 'The project, of the offer’s district, that the proposer is staff over.' }) projectId!: string;
  @Field(() => ID, { nullable: true, description: 'The project’s open need it answers, if any.' }) needId?: string | null;
  @Field(() => String, { nullable: true, description: 'A note to the project (at most 2,000 characters).' }) note?: string | null;
}

@InputType({ description: 'The proposed match to accept.' })
export class AcceptResourceMatchInput {
  @Field(() => ID, { description: 'The match’s global ID.' }) matchId!: string;
}

@InputType({ description: 'The proposed match to decline, and why.' })
export class DeclineResourceMatchInput {
  @Field(() => ID, { description: 'The match’s global ID.' }) matchId!: string;
  @Field(() => String, { nullable: true, description: 'Why (at most 2,000 characters).' }) reason?: string | null;
}

@InputType({ description: 'The match to call off before delivery, and why.' })
export class CancelResourceMatchInput {
  @Field(() => ID, { description: 'The match’s global ID.' }) matchId!: string;
  @Field(() => String, { nullable: true, description: 'Why (at most 2,000 characters).' }) reason?: string | null;
}

@InputType({ description: 'The accepted match that was delivered, and what it brought.' })
export class DeliverResourceMatchInput {
  @Field(() => ID, { description: 'The match’s global ID.' }) matchId!: string;
  @Field(() => Float, { nullable: true, description: 'The value actually brokered in yuan (0 or more); omitted: the offer’s value.' }) valueBrokered?: number | null;
  @Field(() => String, { nullable: true, description: 'What was delivered (at most 2,000 characters).' }) note?: string | null;
}
