import { Field, Float, ID, InputType } from 'type-graphql';
import { DecisionOutcome } from './decision.entity.js';

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) projectId!: string;
  @Field(() => DecisionOutcome) outcome!: DecisionOutcome;
  @Field(() => Float, { nullable: true, description: 'Yuan; required for approvals, at most the request and the programme maximum.' })
  grantAmount?: number | null;
  @Field(() => [String], { nullable: true, description: 'Required for APPROVED_WITH_CONDITIONS.' }) conditions?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Why; required for revision requests (what must change) and rejections.' })
  rationale?: string | null;
  @Field(() => String, { nullable: true, description: 'Administrators only: decide without the minimum number of scorecards, for this recorded reason.' })
  overrideReason?: string | null;
}

@InputType()
export class MarkConditionMetInput {
  @Field(() => ID) conditionId!: string;
}
