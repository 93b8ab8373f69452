import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new project in a programme that accepts applications.' })
export class CreateProjectInput {
  @Field(() => ID, { description: 'The programme’s global ID; it must be open for applications.' }) programId!: string;
  @Field(() => String, { description: 'Title, unique for the organisation within the programme (at most 200 characters).' }) title!: string;
  @Field(() => String, { description: 'One of the programme’s focus areas.' }) focusArea!: string;
  @Field(() => String, { description: 'The community served, e.g. 南山区南头街道田厦社区 (at most 200 characters).' }) communityServed!: string;
  @Field(() => ID, { nullable: true, description: 'Staff creating a project on an organisation’s behalf name it; applicants apply for their own.' })
  organizationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Its type: one of the district’s project types the programme accepts; may be set later with `setProjectType`.' })
  typeId?: string | null;
}

@InputType({ description: 'One step of the activity plan.' })
export class ActivityInput {
  @Field(() => String, { description: 'Title, unique within the plan (at most 200 characters).' }) title!: string;
  @Field(() => String, { description: 'When, e.g. 2022-07 or 第二季度 (at most 50 characters).' }) period!: string;
  @Field(() => String, { description: 'What happens in it; may be empty (at most 2,000 characters).' }) description!: string;
}

@InputType({ description: 'A measurable target, e.g. 服务人次 2500 人次.' })
export class IndicatorTargetInput {
  @Field(() => String, { description: 'Indicator name, unique within the revision, e.g. 服务人次 (at most 100 characters).' }) name!: string;
  @Field(() => String, { description: 'Unit, e.g. 人次, 场, % (at most 20 characters); rates in % are averaged in progress, counts added up.' }) unit!: string;
  @Field(() => Float, { description: 'Target value: above 0, at most 1,000,000,000.' }) target!: number;
}

@InputType({ description: 'One line of the budget.' })
export class BudgetLineInput {
  @Field(() => String, { description: 'What the money is for, unique within the budget, e.g. 活动物资 (at most 200 characters).' }) item!: string;
  @Field(() => Float, { description: 'Amount in yuan: above 0, at most ¥100,000,000, two decimals at most.' }) amount!: number;
  @Field(() => String, { nullable: true, description: 'An optional remark (at most 500 characters).' }) note?: string | null;
}

@InputType({ description: 'A member of the project team.' })
export class TeamMemberInput {
  @Field(() => String, { description: 'Name, unique within the team: revisions are compared by it (at most 100 characters).' }) name!: string;
  @Field(() => String, { description: 'Role, e.g. 项目负责人, 社工 (at most 100 characters).' }) role!: string;
}

@InputType({ description: 'A complete proposal: each save is a new immutable revision.' })
export class SaveRevisionInput {
  @Field(() => ID, { description: 'The project’s global ID; only members of the applicant organisation write its proposal.' }) projectId!: string;
  @Field(() => String, { description: 'Summary (at most 5,000 characters).' }) summary!: string;
  @Field(() => String, { description: 'Needs analysis (at most 10,000 characters).' }) needs!: string;
  @Field(() => [String], { description: 'Objectives: 1 to 20, each at most 500 characters, no repeats.' }) objectives!: string[];
  @Field(() => [ActivityInput], { description: 'Activity plan: at most 50 activities, titles unique.' }) activityPlan!: ActivityInput[];
  @Field(() => String, { description: 'Who benefits (at most 2,000 characters).' }) beneficiaries!: string;
  @Field(() => [IndicatorTargetInput], { description: 'Indicator targets: at most 20, names unique.' }) indicatorTargets!: IndicatorTargetInput[];
  @Field(() => [BudgetLineInput], { description: 'Budget lines: 1 to 50, items unique, adding up to `requestedAmount`.' }) budgetLines!: BudgetLineInput[];
  @Field(() => Float, { description: 'Yuan; must equal the sum of the budget lines and not exceed the programme’s maximum grant.' })
  requestedAmount!: number;
  @Field(() => [TeamMemberInput], { description: 'The team: at most 30 members, names unique.' }) team!: TeamMemberInput[];
  @Field(() => String, { nullable: true, description: 'What changed since the previous revision, and why (at most 2,000 characters).' }) changeNote?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Coaching sessions of this project that this revision answers.' })
  answersSessionIds?: string[] | null;
}

@InputType({ description: 'The project whose current revision to submit.' })
export class SubmitProjectInput {
  @Field(() => ID, { description: 'The project’s global ID.' }) projectId!: string;
}

@InputType({ description: 'A lifecycle step on a project, with the reason where one is needed or wanted.' })
export class ProjectActionInput {
  @Field(() => ID, { description: 'The project’s global ID.' }) projectId!: string;
  @Field(() => String, { nullable: true, description: 'Why (at most 2,000 characters), kept on the event: required to terminate and to open closing over blockers, optional to withdraw, not used to start delivery.' }) reason?: string | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class AssignProjectTeamInput {
  @Field(() => ID, { description: 'The project’s global ID.' }) projectId!: string;
  @Field(() => ID, { nullable: true, description: 'A STAFF member; null removes the lead.' }) leadStaffId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The complete list of MENTORs; replaces the current one.' }) mentorIds?: string[];
}
