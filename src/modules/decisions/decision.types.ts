import { Field, ObjectType } from 'type-graphql';
import { Payload } from '../../shared/mutation.js';
import { Project } from '../projects/project.entity.js';
import { DecisionCondition } from './decision-condition.entity.js';
import { Decision } from './decision.entity.js';

@ObjectType({ description: 'The result of recording a decision.' })
export class DecisionPayload extends Payload {
  @Field(() => Decision, { nullable: true, description: 'The decision recorded; null when there are user errors.' }) decision?: Decision | null;
  @Field(() => Project, { nullable: true, description: 'The project in its new status; null when there are user errors.' }) project?: Project | null;
}

@ObjectType({ description: 'The result of marking a condition met.' })
export class ConditionPayload extends Payload {
  @Field(() => DecisionCondition, { nullable: true, description: 'The condition, now met; null when there are user errors.' }) condition?: DecisionCondition | null;
  @Field(() => Project, { nullable: true, description: 'The project, APPROVED once its last condition is met; null when there are user errors.' }) project?: Project | null;
}
