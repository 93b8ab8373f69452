import { Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { CoachingMode } from './coaching-session.entity.js';

@InputType({ description: 'Something the applicant agrees to do, by a date.' })
export class ActionItemInput {
  @Field(() => String, { description: 'What to do (at most 2,000 characters); unique within the session.' }) description!: string;
  @Field(() => String, { description: 'Due date, YYYY-MM-DD.' }) dueDate!: string;
}

@InputType({ description: 'A coaching session that has taken place, with what the applicant agreed to do next.' })
export class LogCoachingSessionInput {
  @Field(() => ID, { description: 'The project’s global ID; its coaching is logged by staff or its mentors.' }) projectId!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was held; not in the future.' }) heldAt!: Date;
  @Field(() => CoachingMode, { description: 'How it was held.' }) mode!: CoachingMode;
  @Field(() => Int, { description: '1 to 1440.' }) durationMinutes!: number;
  @Field(() => [String], { description: 'One to 10 topics, each at most 100 characters and listed once.' }) topics!: string[];
  @Field(() => String, { description: 'At most 10,000 characters.' }) notes!: string;
  @Field(() => ID, { nullable: true, description: 'The revision of this project that was discussed.' })
  discussedRevisionId?: string | null;
  @Field(() => [ActionItemInput], { defaultValue: [], description: 'What the applicant agreed to do next: at most 20, descriptions unique.' }) actionItems!: ActionItemInput[];
}

@InputType({ description: 'Mark an action item done, or reopen it.' })
export class SetActionItemDoneInput {
  @Field(() => ID, { description: 'The action item’s global ID.' }) actionItemId!: string;
  @Field(() => Boolean, { description: 'True to mark it done, false to reopen it; ALREADY_DONE when it is already so.' }) done!: boolean;
}
