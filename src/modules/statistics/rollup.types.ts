import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { GradeCount } from './program-statistics.types.js';

/** The figures of a funnel that stand for a set of projects, each one drillable to the projects behind it. */
export enum FunnelFigure {
  ALL = 'ALL',
  COACHED = 'COACHED',
  APPLIED = 'APPLIED',
  APPROVED = 'APPROVED',
  IN_DELIVERY = 'IN_DELIVERY',
  CLOSED = 'CLOSED',
  CLOSED_EXCELLENT = 'CLOSED_EXCELLENT',
  CLOSED_GOOD = 'CLOSED_GOOD',
  CLOSED_PASS = 'CLOSED_PASS',
  CLOSED_FAIL = 'CLOSED_FAIL',
  VISITED = 'VISITED',
  REPORTED = 'REPORTED',
}
registerEnumType(FunnelFigure, {
  name: 'FunnelFigure',
  description: 'A figure of a funnel, named to list the projects it counts (`Funnel.projects`).',
  valuesConfig: {
    ALL: { description: 'Every project the funnel counts (`projectCount`).' },
    COACHED: { description: 'Projects with at least one coaching session (`coached`).' },
    APPLIED: { description: 'Projects submitted at least once (`applied`).' },
    APPROVED: { description: 'Projects ever approved, with or without conditions (`approved`).' },
    IN_DELIVERY: { description: 'Projects in delivery now, IN_PROGRESS (`inDelivery`).' },
    CLOSED: { description: 'Projects CLOSED (`closed`).' },
    CLOSED_EXCELLENT: { description: 'Projects closed with the grade EXCELLENT (优秀).' },
    CLOSED_GOOD: { description: 'Projects closed with the grade GOOD (良好).' },
    CLOSED_PASS: { description: 'Projects closed with the grade PASS (合格).' },
    CLOSED_FAIL: { description: 'Projects closed with the grade FAIL (不合格).' },
    VISITED: { description: 'Projects with at least one supervision visit: those `supervisionVisits` counts the visits of (`visitedProjects`).' },
    REPORTED: { description: 'Projects with at least one accepted service report: those `personTimes` and `averageSatisfaction` come from (`reportingProjects`).' },
  },
});

/** Which projects a funnel counts: all of its conditions hold. */
export interface FunnelScope {
  /** Projects of this district (the project's own district key). */
  districtId?: string;
  /** Projects this park coached. */
  parkId?: string;
  /** Projects no park coached. */
  withoutPark?: boolean;
  programId?: string;
  /** Projects of programmes of this year. */
  year?: number;
}

@ObjectType({
  description:
    'The incubation funnel over a set of projects, computed from the records (辅导8个项目,成功申报5个项目; 走访督导16轮). A figure counting projects can be listed with `projects(figure:)`, which returns exactly the projects counted.',
})
export class Funnel {
  /** Which projects it counts, for the drill-down. */
  scope!: FunnelScope;

  @Field(() => Int, { description: 'Projects counted.' }) projectCount!: number;
  @Field(() => Int, { description: 'Projects coached: those with at least one coaching session (a project, not an organisation, is coached).' }) coached!: number;
  @Field(() => Int, { description: 'Projects applied: submitted at least once, from the audit trail.' }) applied!: number;
  @Field(() => Int, { description: 'Projects ever approved (立项), with or without conditions, whatever happened since.' }) approved!: number;
  @Field(() => Int, { description: 'Projects in delivery now (IN_PROGRESS).' }) inDelivery!: number;
  @Field(() => Int, { description: 'Projects CLOSED.' }) closed!: number;
  @Field(() => [GradeCount], { description: 'Closed projects by grade: all four grades, best first, zero counts included so funnels line up side by side.' }) closedByGrade!: GradeCount[];
  @Field(() => Int, { description: 'Supervision visits logged on the projects (走访督导 rounds).' }) supervisionVisits!: number;
  @Field(() => Int, { description: 'Projects with at least one supervision visit.' }) visitedProjects!: number;
  @Field(() => Int, { description: 'Person-times served (服务人次), summed over the accepted service reports.' }) personTimes!: number;
  @Field(() => Int, { description: 'Service reports accepted.' }) acceptedReports!: number;
  @Field(() => Int, { description: 'Projects with at least one accepted service report.' }) reportingProjects!: number;
  @Field(() => Float, { nullable: true, description: 'Mean satisfaction (满意度) of the accepted reports, percent, to one decimal; null before any.' }) averageSatisfaction!: number | null;
}

@ObjectType({ description: 'One park’s row of a district roll-up: the district’s projects it coached.' })
export class ParkFunnel {
  @Field(() => Park, { description: 'The park: one of the district’s, or (after them) a park of another district that coached some of its projects.' }) park!: Park;
  @Field(() => Funnel, { description: 'The funnel over the district’s projects the park coached.' }) funnel!: Funnel;
}

@ObjectType({ description: 'A district’s funnel rolled up from its parks, side by side: the rows partition the district’s projects, so the totals are the sum of the rows.' })
export class DistrictRollup {
  @Field(() => Place, { description: 'The district.' }) district!: Place;
  @Field(() => [ParkFunnel], { description: 'Every park of the district, by name (with zeros where nothing happened), then any other park that coached projects of the district.' }) parks!: ParkFunnel[];
  @Field(() => Funnel, { description: 'The district’s projects no park coached.' }) withoutPark!: Funnel;
  @Field(() => Funnel, { description: 'Every project of the district (its programmes’, and those of its organisations under platform-wide programmes).' }) totals!: Funnel;
}
