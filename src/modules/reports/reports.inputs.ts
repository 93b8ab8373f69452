import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'The actual figure for one of the approved revision’s indicators.' })
export class IndicatorActualInput {
  @Field(() => String, { description: 'An indicator name of the approved revision, e.g. 服务人次.' }) name!: string;
  @Field(() => Float, { description: 'What was delivered in the month, in the indicator’s unit: 0 to 1,000,000,000.' }) actual!: number;
}

@InputType({ description: 'A month’s service report (月度服务资料); a returned period is resubmitted with the same input.' })
export class SubmitServiceReportInput {
  @Field(() => ID, { description: 'The global ID of a project IN_PROGRESS of your organisation.' }) projectId!: string;
  @Field(() => String, { description: 'The month, YYYY-MM; not later than the current month.' }) period!: string;
  @Field(() => Int, { description: '活动场次' }) sessionsHeld!: number;
  @Field(() => Int, { description: '服务人次' }) personTimes!: number;
  @Field(() => Int, { description: '志愿者人数' }) volunteers!: number;
  @Field(() => Float, { description: '志愿服务时长, hours to one decimal.' }) volunteerHours!: number;
  @Field(() => Float, { description: '满意度, percent 0–100.' }) satisfactionRate!: number;
  @Field(() => Float, { description: 'Spent in the month, yuan.' }) spending!: number;
  @Field(() => String, { description: 'What was done in the month, in words (at most 10,000 characters).' }) narrative!: string;
  @Field(() => [IndicatorActualInput], { description: 'Actuals for the approved revision’s indicators: at most 20, names unique.' }) indicatorActuals!: IndicatorActualInput[];
}

@InputType({ description: 'Accept a submitted report, or return it with a reason.' })
export class ReviewServiceReportInput {
  @Field(() => ID, { description: 'The submitted report’s global ID.' }) reportId!: string;
  @Field(() => Boolean, { description: 'True to accept (it then counts in progress), false to return it.' }) accept!: boolean;
  @Field(() => String, { nullable: true, description: 'Required when returning the report.' }) reason?: string | null;
}
