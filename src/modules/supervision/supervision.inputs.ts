import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { RiskLevel, VisitKind } from './supervision-visit.entity.js';

@InputType({ description: 'Something the project is to put right, by a date.' })
export class FollowUpInput {
  @Field(() => String, { description: 'What to put right (at most 2,000 characters); unique within the visit.' }) description!: string;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) dueDate!: string;
}

@InputType({ description: 'A supervision visit (督导走访) to a project in delivery.' })
export class LogSupervisionVisitInput {
  @Field(() => ID, { description: 'The global ID of a project IN_PROGRESS; staff and its mentors log visits.' }) projectId!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the visit took place; not in the future.' }) visitedAt!: Date;
  @Field(() => VisitKind, { description: 'How the visit was made.' }) kind!: VisitKind;
  @Field(() => String, { description: 'What the visitor found (at most 10,000 characters).' }) findings!: string;
  @Field(() => RiskLevel, { description: 'The risk the visitor judged.' }) riskLevel!: RiskLevel;
  @Field(() => [FollowUpInput], { nullable: true, description: 'At most 20, descriptions unique; none when nothing needs putting right.' }) followUps?: FollowUpInput[] | null;
}

@InputType({ description: 'The follow-up to close, and how it was put right.' })
export class CloseFollowUpInput {
  @Field(() => ID, { description: 'The follow-up’s global ID.' }) followUpId!: string;
  @Field(() => String, { description: 'How it was put right (at most 2,000 characters).' }) resolution!: string;
}
