import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { ServiceReport } from './service-report.entity.js';

@ObjectType({ description: connectionDescription(ServiceReport) })
export class ServiceReportConnection extends ConnectionType(ServiceReport) {}

@ObjectType({ description: 'The result of submitting or reviewing a service report.' })
export class ServiceReportPayload extends Payload {
  @Field(() => ServiceReport, { nullable: true, description: 'The report as saved; null when there are user errors.' }) report?: ServiceReport | null;
}

@ObjectType({ description: 'One indicator of the approved revision against what accepted reports say was delivered.' })
export class IndicatorProgress {
  @Field(() => String, { description: 'The indicator’s name, e.g. 服务人次.' }) name!: string;
  @Field(() => String, { description: 'Its unit, e.g. 人次, 场, %.' }) unit!: string;
  @Field(() => Float, { description: 'The approved revision’s target, in the unit.' }) target!: number;
  @Field(() => Float, { description: 'The accepted reports’ actuals, summed (averaged, for a rate in %).' }) actual!: number;
  @Field(() => Float, { nullable: true, description: 'Actual as a percentage of the target, to one decimal; null for a target of zero.' }) percent!: number | null;
}

@ObjectType({ description: 'Accepted spending against the approved grant, in yuan.' })
export class SpendingProgress {
  @Field(() => Float, { description: 'The approved grant, yuan.' }) grant!: number;
  @Field(() => Float, { description: 'The spending of the accepted reports, summed, yuan.' }) spent!: number;
  @Field(() => Float, { nullable: true, description: 'Spent as a percentage of the grant, to one decimal; null for a grant of zero.' }) percent!: number | null;
}

@ObjectType({ description: 'Delivery so far, derived from accepted service reports against the approved revision; never stored.' })
export class ProjectProgress {
  @Field(() => [IndicatorProgress], { description: 'Each indicator target of the approved revision, with what was delivered.' }) indicators!: IndicatorProgress[];
  @Field(() => SpendingProgress, { description: 'Spending against the grant.' }) spending!: SpendingProgress;
  @Field(() => Int, { description: 'How many reports were accepted.' }) reportsAccepted!: number;
  @Field(() => Int, { description: '活动场次, summed.' }) sessionsHeld!: number;
  @Field(() => Int, { description: '服务人次, summed.' }) personTimes!: number;
  @Field(() => Int, { description: 'The most volunteers in any one period: the same people volunteer month after month.' }) volunteers!: number;
  @Field(() => Float, { description: 'Volunteer hours, summed.' }) volunteerHours!: number;
  @Field(() => Float, { nullable: true, description: 'Mean satisfaction of the accepted reports, to one decimal; null before any.' }) averageSatisfaction!: number | null;
}
