import { Field, ObjectType } from 'type-graphql';
import { Payload } from '../../shared/mutation.js';
import { Project } from '../projects/project.entity.js';
import { DecisionCondition } from './decision-condition.entity.js';
import { Decision } from './decision.entity.js';

@ObjectType()
export class DecisionPayload extends Payload {
  @Field(() => Decision, { nullable: true }) decision?: Decision | null;
  @Field(() => Project, { nullable: true }) project?: Project | null;
}

@ObjectType()
export class ConditionPayload extends Payload {
  @Field(() => DecisionCondition, { nullable: true }) condition?: DecisionCondition | null;
  @Field(() => Project, { nullable: true }) project?: Project | null;
}
