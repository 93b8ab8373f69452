import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Program } from './program.entity.js';

@ObjectType()
export class ProgramConnection extends ConnectionType(Program) {}

@ObjectType()
export class ProgramPayload extends Payload {
  @Field(() => Program, { nullable: true })
  program?: Program | null;
}
