import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Person } from '../people/person.entity.js';
import { Park } from './park.entity.js';
import { Place } from './place.entity.js';

@ObjectType({ description: connectionDescription(Park) })
export class ParkConnection extends ConnectionType(Park) {}

@ObjectType({ description: 'The result of creating a place.' })
export class PlacePayload extends Payload {
  @Field(() => Place, { nullable: true, description: 'The place as saved; null when there are user errors.' })
  place?: Place | null;
}

@ObjectType({ description: 'The result of creating a park.' })
export class ParkPayload extends Payload {
  @Field(() => Park, { nullable: true, description: 'The park as saved; null when there are user errors.' })
  park?: Park | null;
}

@ObjectType({ description: 'The result of setting where a person works.' })
export class WorkplacesPayload extends Payload {
  @Field(() => Person, { nullable: true, description: 'The person, with their parks and districts as saved; null when there are user errors.' })
  person?: Person | null;
}
