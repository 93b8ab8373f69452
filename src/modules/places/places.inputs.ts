import { Field, ID, InputType } from 'type-graphql';
import { PlaceLevel } from './place.entity.js';

@InputType({ description: 'A new place in the administrative tree.' })
export class CreatePlaceInput {
  @Field(() => ID, { nullable: true, description: 'The place it is directly under; left out only for a province, a city or a district at the top of the tree.' }) parentId?: string | null;
  @Field(() => PlaceLevel, { description: 'Its level: below its parent’s.' }) level!: PlaceLevel;
  @Field(() => String, { description: 'Its name, exactly as the government writes it, unique under its parent (at most 50 characters).' }) name!: string;
}

@InputType({ description: 'A new incubation park.' })
export class CreateParkInput {
  @Field(() => String, { description: 'Its name, unique, e.g. 横岗创新园 (at most 100 characters).' }) name!: string;
  @Field(() => ID, { description: 'The place it belongs to: its district or one of the district’s streets.' }) placeId!: string;
  @Field(() => [ID], { description: 'The streets it serves (at most 30), all in its district.' }) streetIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The organisation that operates it for the government, if registered.' }) operatorId?: string | null;
}

@InputType({ description: 'Where a person works. Only the parks and districts within the viewer’s own districts change; the person’s other workplaces stay.' })
export class SetWorkplacesInput {
  @Field(() => ID, { description: 'The person’s global ID.' }) personId!: string;
  @Field(() => [ID], { description: 'The parks they work for (staff and mentors), at most 30.' }) parkIds!: string[];
  @Field(() => [ID], { description: 'The districts they work for: staff oversee them, evaluators join their expert pool (at most 30).' }) districtIds!: string[];
}
