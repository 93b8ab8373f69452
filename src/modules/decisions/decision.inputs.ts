import { Field, Float, ID, InputType } from 'type-graphql';
import { DecisionOutcome } from './decision.entity.js';

@InputType({ description: 'The decision on a project UNDER_REVIEW.' })
export class RecordDecisionInput {
  @Field(() => ID, { description: 'The project’s global ID.' }) projectId!: string;
  @Field(() => DecisionOutcome, { description: 'What is decided; it moves the project to the matching status.' }) outcome!: DecisionOutcome;
  @Field(() => Float, { nullable: true, description: 'Yuan; required for approvals, at most the request and the programme maximum.' })
  grantAmount?: number | null;
  @Field(() => [String], { nullable: true, description: 'Required for APPROVED_WITH_CONDITIONS.' }) conditions?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Why; required for revision requests (what must change) and rejections.' })
  rationale?: string | null;
  @Field(() => String, { nullable: true, description: 'Administrators only: decide without the minimum number of scorecards, for this recorded reason.' })
  overrideReason?: string | null;
}

@InputType({ description: 'The condition that has been met.' })
export class MarkConditionMetInput {
  @Field(() => ID, { description: 'The condition’s global ID.' }) conditionId!: string;
}
