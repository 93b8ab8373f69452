import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConnectionType, connectionDescription } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { ServiceReport } from './service-report.entity.js';

@ObjectType({ description: connectionDescription(ServiceReport) })
export class ServiceReportConnection extends ConnectionType(ServiceReport) {}

@ObjectType()
export class ServiceReportPayload extends Payload {
  @Field(() => ServiceReport, { nullable: true }) report?: ServiceReport | null;
}

@ObjectType({ description: 'One indicator of the approved revision against what accepted reports say was delivered.' })
export class IndicatorProgress {
  @Field(() => String) name!: string;
  @Field(() => String) unit!: string;
  @Field(() => Float) target!: number;
  @Field(() => Float, { description: 'The sum of the accepted reports’ actuals.' }) actual!: number;
  @Field(() => Float, { nullable: true, description: 'Actual as a percentage of the target, to one decimal; null for a target of zero.' }) percent!: number | null;
}

@ObjectType({ description: 'Accepted spending against the approved grant, in yuan.' })
export class SpendingProgress {
  @Field(() => Float) grant!: number;
  @Field(() => Float) spent!: number;
  @Field(() => Float, { nullable: true, description: 'Spent as a percentage of the grant, to one decimal; null for a grant of zero.' }) percent!: number | null;
}

@ObjectType({ description: 'Delivery so far, derived from accepted service reports against the approved revision; never stored.' })
export class ProjectProgress {
  @Field(() => [IndicatorProgress]) indicators!: IndicatorProgress[];
  @Field(() => SpendingProgress) spending!: SpendingProgress;
  @Field(() => Int) reportsAccepted!: number;
  @Field(() => Int, { description: '活动场次, summed.' }) sessionsHeld!: number;
  @Field(() => Int, { description: '服务人次, summed.' }) personTimes!: number;
  @Field(() => Int, { description: 'The most volunteers in any one period: the same people volunteer month after month.' }) volunteers!: number;
  @Field(() => Float, { description: 'Volunteer hours, summed.' }) volunteerHours!: number;
  @Field(() => Float, { nullable: true, description: 'Mean satisfaction of the accepted reports, to one decimal; null before any.' }) averageSatisfaction!: number | null;
}
