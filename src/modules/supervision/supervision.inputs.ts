import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { RiskLevel, VisitKind } from './supervision-visit.entity.js';

@InputType({ description: 'Something the project is to put right, by a date.' })
export class FollowUpInput {
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) dueDate!: string;
}

@InputType({ description: 'A supervision visit (督导走访) to a project in delivery.' })
export class LogSupervisionVisitInput {
  @Field(() => ID) projectId!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the visit took place; not in the future.' }) visitedAt!: Date;
  @Field(() => VisitKind) kind!: VisitKind;
  @Field(() => String, { description: 'What the visitor found.' }) findings!: string;
  @Field(() => RiskLevel) riskLevel!: RiskLevel;
  @Field(() => [FollowUpInput], { nullable: true, description: 'None when nothing needs putting right.' }) followUps?: FollowUpInput[] | null;
}

@InputType()
export class CloseFollowUpInput {
  @Field(() => ID) followUpId!: string;
  @Field(() => String, { description: 'How it was put right.' }) resolution!: string;
}
