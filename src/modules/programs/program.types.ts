import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Program } from './program.entity.js';

@ObjectType({ description: connectionDescription(Program) })
export class ProgramConnection extends ConnectionType(Program) {}

@ObjectType({ description: 'The result of creating or updating a programme.' })
export class ProgramPayload extends Payload {
  @Field(() => Program, { nullable: true, description: 'The programme as saved; null when there are user errors.' })
  program?: Program | null;
}
