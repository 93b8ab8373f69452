import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'The actual figure for one of the approved revision’s indicators.' })
export class IndicatorActualInput {
  @Field(() => String, { description: 'An indicator name of the approved revision, e.g. 服务人次.' }) name!: string;
  @Field(() => Float) actual!: number;
}

@InputType({ description: 'A month’s service report (月度服务资料); a returned period is resubmitted with the same input.' })
export class SubmitServiceReportInput {
  @Field(() => ID) projectId!: string;
  @Field(() => String, { description: 'The month, YYYY-MM; not later than the current month.' }) period!: string;
  @Field(() => Int, { description: '活动场次' }) sessionsHeld!: number;
  @Field(() => Int, { description: '服务人次' }) personTimes!: number;
  @Field(() => Int, { description: '志愿者人数' }) volunteers!: number;
  @Field(() => Float, { description: '志愿服务时长, hours to one decimal.' }) volunteerHours!: number;
  @Field(() => Float, { description: '满意度, percent 0–100.' }) satisfactionRate!: number;
  @Field(() => Float, { description: 'Spent in the month, yuan.' }) spending!: number;
  @Field(() => String) narrative!: string;
  @Field(() => [IndicatorActualInput]) indicatorActuals!: IndicatorActualInput[];
}

@InputType({ description: 'Accept a submitted report, or return it with a reason.' })
export class ReviewServiceReportInput {
  @Field(() => ID) reportId!: string;
  @Field(() => Boolean) accept!: boolean;
  @Field(() => String, { nullable: true, description: 'Required when returning the report.' }) reason?: string | null;
}
