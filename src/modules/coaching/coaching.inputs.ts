import { Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { CoachingMode } from './coaching-session.entity.js';

@InputType()
export class ActionItemInput {
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'Due date, YYYY-MM-DD.' }) dueDate!: string;
}

@InputType({ description: 'A coaching session that has taken place, with what the applicant agreed to do next.' })
export class LogCoachingSessionInput {
  @Field(() => ID) projectId!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was held; not in the future.' }) heldAt!: Date;
  @Field(() => CoachingMode) mode!: CoachingMode;
  @Field(() => Int, { description: '1 to 1440.' }) durationMinutes!: number;
  @Field(() => [String], { description: 'One to 10 topics, each at most 100 characters and listed once.' }) topics!: string[];
  @Field(() => String, { description: 'At most 10,000 characters.' }) notes!: string;
  @Field(() => ID, { nullable: true, description: 'The revision of this project that was discussed.' })
  discussedRevisionId?: string | null;
  @Field(() => [ActionItemInput], { defaultValue: [] }) actionItems!: ActionItemInput[];
}

@InputType({ description: 'Mark an action item done, or reopen it.' })
export class SetActionItemDoneInput {
  @Field(() => ID) actionItemId!: string;
  @Field(() => Boolean) done!: boolean;
}
