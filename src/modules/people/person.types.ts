import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Person } from './person.entity.js';

@ObjectType({ description: connectionDescription(Person) })
export class PersonConnection extends ConnectionType(Person) {}

@ObjectType({ description: 'The result of signing in or changing a password: a new bearer token, or why not.' })
export class LoginPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'Send as "Authorization: Bearer <token>", or as connectionParams.authorization on WebSocket.' })
  token?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the token stops working (an ISO 8601 instant, UTC); null when no token was issued.' })
  expiresAt?: Date | null;

  @Field(() => Person, { nullable: true, description: 'The signed-in person; null when no token was issued.' })
  viewer?: Person | null;

  @Field(() => Int, { nullable: true, description: 'With TOO_MANY_ATTEMPTS: how many seconds to wait before the next try.' })
  retryAfterSeconds?: number | null;
}

@ObjectType({ description: 'The result of ending sessions.' })
export class LogoutPayload extends Payload {
  @Field(() => Int, { description: 'How many sessions (tokens) this ended.' })
  endedSessions = 0;
}

@ObjectType({ description: 'The result of a mutation on a person’s account.' })
export class PersonPayload extends Payload {
  @Field(() => Person, { nullable: true, description: 'The person as changed; null when there are user errors.' })
  person?: Person | null;
}
