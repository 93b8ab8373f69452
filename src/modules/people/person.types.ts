import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Person } from './person.entity.js';

@ObjectType()
export class PersonConnection extends ConnectionType(Person) {}

@ObjectType()
export class LoginPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'Send as "Authorization: Bearer <token>", or as connectionParams.authorization on WebSocket.' })
  token?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => Person, { nullable: true })
  viewer?: Person | null;

  @Field(() => Int, { nullable: true, description: 'With TOO_MANY_ATTEMPTS: how many seconds to wait before the next try.' })
  retryAfterSeconds?: number | null;
}

@ObjectType()
export class LogoutPayload extends Payload {
  @Field(() => Int, { description: 'How many sessions (tokens) this ended.' })
  endedSessions = 0;
}

@ObjectType()
export class PersonPayload extends Payload {
  @Field(() => Person, { nullable: true })
  person?: Person | null;
}
