import { Field, Float, ID, InputType } from 'type-graphql';

@InputType()
export class CreateProjectInput {
  @Field(() => ID) programId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'One of the programme’s focus areas.' }) focusArea!: string;
  @Field(() => String) communityServed!: string;
  @Field(() => ID, { nullable: true, description: 'Staff creating a project on an organisation’s behalf name it; applicants apply for their own.' })
  organizationId?: string | null;
}

@InputType()
export class ActivityInput {
  @Field(() => String) title!: string;
  @Field(() => String) period!: string;
  @Field(() => String) description!: string;
}

@InputType()
export class IndicatorTargetInput {
  @Field(() => String) name!: string;
  @Field(() => String) unit!: string;
  @Field(() => Float) target!: number;
}

@InputType()
export class BudgetLineInput {
  @Field(() => String) item!: string;
  @Field(() => Float) amount!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class TeamMemberInput {
  @Field(() => String) name!: string;
  @Field(() => String) role!: string;
}

@InputType({ description: 'A complete proposal: each save is a new immutable revision.' })
export class SaveRevisionInput {
  @Field(() => ID) projectId!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) needs!: string;
  @Field(() => [String]) objectives!: string[];
  @Field(() => [ActivityInput]) activityPlan!: ActivityInput[];
  @Field(() => String) beneficiaries!: string;
  @Field(() => [IndicatorTargetInput]) indicatorTargets!: IndicatorTargetInput[];
  @Field(() => [BudgetLineInput]) budgetLines!: BudgetLineInput[];
  @Field(() => Float, { description: 'Yuan; must equal the sum of the budget lines and not exceed the programme’s maximum grant.' })
  requestedAmount!: number;
  @Field(() => [TeamMemberInput]) team!: TeamMemberInput[];
  @Field(() => String, { nullable: true }) changeNote?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Coaching sessions of this project that this revision answers.' })
  answersSessionIds?: string[] | null;
}

@InputType()
export class SubmitProjectInput {
  @Field(() => ID) projectId!: string;
}

@InputType({ description: 'A lifecycle step on a project, with the reason where one is needed or wanted.' })
export class ProjectActionInput {
  @Field(() => ID) projectId!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class AssignProjectTeamInput {
  @Field(() => ID) projectId!: string;
  @Field(() => ID, { nullable: true, description: 'A STAFF member; null removes the lead.' }) leadStaffId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The complete list of MENTORs; replaces the current one.' }) mentorIds?: string[];
}
