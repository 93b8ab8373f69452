import { Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../shared/mutation.js';
import { ParkActivity, ActivityKind } from '../park-activities/park-activity.entity.js';
import { StreetAttendance } from '../park-activities/park-activities.types.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { ServiceReport } from '../reports/service-report.entity.js';
import { ResourceMatch } from '../resources/resource-match.entity.js';
import { ReviewRound } from '../reviews/review-round.entity.js';
import { SupervisionVisit } from '../supervision/supervision-visit.entity.js';
import { IssuedOperationsReport, OperationsReport } from './operations-report.entity.js';

/*
 * The figures of a report as GraphQL objects. Every count comes with the rows behind it (a drill-down
 * field), read only when selected: the objects are built by report-view.ts with those fields as getters.
 */

@ObjectType({ description: 'Coaching in one programme’s call.' })
export class ProgramCoachingFigure {
  @Field(() => Program, { description: 'The programme.' }) program!: Program | Promise<Program>;
  @Field(() => Int, { description: 'Projects coached (coaching sessions, or a coaching workshop they were linked to).' }) coached!: number;
  @Field(() => Int, { description: 'Of those, projects submitted in the period (申报).' }) applied!: number;
}

@ObjectType({ description: 'Coaching (培育孵化): projects coached in sessions or at coaching workshops, and how many of them applied.' })
export class CoachingFigures {
  @Field(() => Int, { description: 'One-to-one coaching sessions held.' }) sessions!: number;
  @Field(() => Int, { description: 'Projects coached (累计辅导).' }) projectsCoached!: number;
  @Field(() => Int, { description: 'Of those, projects submitted in the period (成功申报).' }) projectsApplied!: number;
  @Field(() => [ProgramCoachingFigure], { description: 'The same per programme.' }) byProgram!: ProgramCoachingFigure[];
  @Field(() => [Project], { description: 'The projects coached.' }) coachedProjects!: Promise<Project[]>;
  @Field(() => [Project], { description: 'The projects coached that applied.' }) appliedProjects!: Promise<Project[]>;
}

@ObjectType({ description: 'Proposal revisions saved in the period.' })
export class RevisionFigures {
  @Field(() => Int, { description: 'Revisions saved.' }) revisions!: number;
  @Field(() => Int, { description: 'Projects with a revision after their first.' }) projectsRevised!: number;
  @Field(() => Int, { description: 'The highest revision number reached.' }) mostRevisions!: number;
  @Field(() => [Project], { description: 'The projects revised.' }) revisedProjects!: Promise<Project[]>;
}

@ObjectType({ description: 'A top-three place a project took in a proposal round closed in the period (路演评分第一名).' })
export class RankingWonFigure {
  @Field(() => Project, { description: 'The project.' }) project!: Promise<Project | null>;
  @Field(() => ReviewRound, { description: 'The round.' }) round!: Promise<ReviewRound | null>;
  @Field(() => String, { description: 'The round’s name, as when counted.' }) roundName!: string;
  @Field(() => Int, { description: 'Its place: 1 is first.' }) rank!: number;
  @Field(() => Float, { description: 'Its score.' }) score!: number;
  @Field(() => Int, { description: 'How many projects the round ranked.' }) fieldSize!: number;
}

@ObjectType({ description: 'A project recommended to a project library in the period.' })
export class RecommendationFigure {
  @Field(() => Project, { description: 'The project.' }) project!: Promise<Project | null>;
  @Field(() => String, { description: 'The library.' }) library!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was recommended.' }) recommendedAt!: Date;
}

@ObjectType({ description: 'Projects that reached each stage in the period.' })
export class FunnelFigures {
  @Field(() => Int, { description: 'Projects created.' }) created!: number;
  @Field(() => Int, { description: 'Projects submitted.' }) submitted!: number;
  @Field(() => Int, { description: 'Projects approved (conditionally or not).' }) approved!: number;
  @Field(() => Int, { description: 'Projects that started delivery.' }) started!: number;
  @Field(() => Int, { description: 'Projects closed.' }) closed!: number;
  @Field(() => [Project], { description: 'The projects created.' }) createdProjects!: Promise<Project[]>;
  @Field(() => [Project], { description: 'The projects submitted.' }) submittedProjects!: Promise<Project[]>;
  @Field(() => [Project], { description: 'The projects approved.' }) approvedProjects!: Promise<Project[]>;
  @Field(() => [Project], { description: 'The projects that started delivery.' }) startedProjects!: Promise<Project[]>;
  @Field(() => [Project], { description: 'The projects closed.' }) closedProjects!: Promise<Project[]>;
}

@ObjectType({ description: 'Supervision visits (走访督导) made in the period.' })
export class SupervisionFigures {
  @Field(() => Int, { description: 'Visits made.' }) visits!: number;
  @Field(() => Int, { description: 'Projects visited.' }) projectsVisited!: number;
  @Field(() => [SupervisionVisit], { description: 'The visits, oldest first.' }) visitList!: Promise<SupervisionVisit[]>;
}

@ObjectType({ description: 'One project’s monthly service reports in the period.' })
export class ProjectServiceReports {
  @Field(() => Project, { description: 'The project.' }) project!: Promise<Project | null>;
  @Field(() => Int, { description: 'Reports submitted in the period.' }) submitted!: number;
  @Field(() => Int, { description: 'Reports accepted in the period.' }) accepted!: number;
}

@ObjectType({ description: 'Monthly service materials (月度服务资料) submitted and accepted in the period.' })
export class ServiceReportFigures {
  @Field(() => Int, { description: 'Reports submitted.' }) submitted!: number;
  @Field(() => Int, { description: 'Reports accepted.' }) accepted!: number;
  @Field(() => Int, { description: 'Person-times the accepted reports served.' }) personTimes!: number;
  @Field(() => Float, { nullable: true, description: 'The accepted reports’ average satisfaction rate (%), to one decimal.' }) averageSatisfaction!: number | null;
  @Field(() => [ProjectServiceReports], { description: 'Per project, most submitted first.' }) byProject!: ProjectServiceReports[];
  @Field(() => [ServiceReport], { description: 'The accepted reports, by period.' }) acceptedReports!: Promise<ServiceReport[]>;
}

@ObjectType({ description: 'A project that passed its closing evaluation in the period.' })
export class ClosingFigure {
  @Field(() => Project, { description: 'The project.' }) project!: Promise<Project | null>;
  @Field(() => GraphQLISODateTime, { description: 'When it closed.' }) closedAt!: Date;
  @Field(() => Float, { nullable: true, description: 'Its closing score.' }) score!: number | null;
  @Field(() => String, { nullable: true, description: 'Its grade (EXCELLENT, GOOD, PASS, FAIL).' }) grade!: string | null;
}

@ObjectType({ description: 'One kind of activity in the period.' })
export class ActivityKindFigure {
  @Field(() => ActivityKind, { description: 'The kind.' }) kind!: ActivityKind;
  @Field(() => Int, { description: 'Activities.' }) activities!: number;
  @Field(() => Int, { description: 'Sessions.' }) sessions!: number;
  @Field(() => Int, { description: 'Person-times.' }) personTimes!: number;
}

@ObjectType({ description: 'The park’s activities (能力建设, 创新展示) with a session in the period.' })
export class ActivityReportFigures {
  @Field(() => Int, { description: 'Activities held.' }) activities!: number;
  @Field(() => Int, { description: 'Sessions held (场次, 批次).' }) sessions!: number;
  @Field(() => Int, { description: 'Of those, online.' }) onlineSessions!: number;
  @Field(() => Int, { description: 'Person-times (人次).' }) personTimes!: number;
  @Field(() => Int, { description: 'Person-times of training courses (培训人次).' }) trainingPersonTimes!: number;
  @Field(() => [ActivityKindFigure], { description: 'Per kind.' }) byKind!: ActivityKindFigure[];
  @Field(() => Int, { description: 'Streets people came from.' }) streetCount!: number;
  @Field(() => [StreetAttendance], { description: 'Person-times per street, most first.' }) streets!: Promise<StreetAttendance[]>;
  @Field(() => Int, { description: 'Satisfaction answers.' }) satisfactionResponses!: number;
  @Field(() => Float, { nullable: true, description: 'Average satisfaction, 1 to 5.' }) averageSatisfaction!: number | null;
  @Field(() => [ParkActivity], { description: 'The activities, by start.' }) activityList!: Promise<ParkActivity[]>;
}

@ObjectType({ description: 'Resource matching (资源对接) in the period.' })
export class ResourceReportFigures {
  @Field(() => Int, { description: 'Offers made.' }) offers!: number;
  @Field(() => Int, { description: 'Matches proposed.' }) matchesProposed!: number;
  @Field(() => Int, { description: 'Matches delivered.' }) matchesDelivered!: number;
  @Field(() => Float, { description: 'The value the delivered matches brokered, in yuan.' }) valueBrokered!: number;
  @Field(() => Int, { description: 'Projects served by a delivery.' }) projectsServed!: number;
  @Field(() => [ResourceMatch], { description: 'The delivered matches.' }) matches!: Promise<ResourceMatch[]>;
}

@ObjectType({ description: 'Projects active in the period (any lifecycle event in it) in one area or type.' })
export class TaxonomyFigure {
  @Field(() => String, { nullable: true, description: 'The area’s or type’s name; null for projects without one.' }) name!: string | null;
  @Field(() => Int, { description: 'Projects.' }) projects!: number;
  @Field(() => Int, { description: 'Person-times their accepted service reports served in the period.' }) personTimes!: number;
  @Field(() => [Project], { description: 'The projects.' }) projectList!: Promise<Project[]>;
}

@ObjectType({ description: 'One month’s work.' })
export class MonthFigure {
  @Field(() => String, { description: 'YYYY-MM, China Standard Time.' }) month!: string;
  @Field(() => Int, { description: 'Coaching sessions.' }) coachingSessions!: number;
  @Field(() => Int, { description: 'Supervision visits.' }) visits!: number;
  @Field(() => Int, { description: 'Activity sessions.' }) activitySessions!: number;
  @Field(() => Int, { description: 'Activity person-times.' }) personTimes!: number;
}

@ObjectType({ description: 'Everything a report states, each figure with the rows behind it.' })
export class ReportFiguresView {
  @Field(() => CoachingFigures, { description: '培育孵化.' }) coaching!: CoachingFigures;
  @Field(() => RevisionFigures, { description: 'Proposal revisions.' }) revisions!: RevisionFigures;
  @Field(() => [RankingWonFigure], { description: 'Top-three places won.' }) rankings!: RankingWonFigure[];
  @Field(() => [RecommendationFigure], { description: 'Projects recommended to a project library (推荐至项目库).' }) recommendations!: RecommendationFigure[];
  @Field(() => FunnelFigures, { description: 'The lifecycle funnel.' }) funnel!: FunnelFigures;
  @Field(() => SupervisionFigures, { description: '走访督导.' }) supervision!: SupervisionFigures;
  @Field(() => ServiceReportFigures, { description: '月度服务资料.' }) serviceReports!: ServiceReportFigures;
  @Field(() => [ClosingFigure], { description: 'Closings passed (结项).' }) closings!: ClosingFigure[];
  @Field(() => ActivityReportFigures, { description: '能力建设 and 创新展示: the park’s activities.' }) activities!: ActivityReportFigures;
  @Field(() => ResourceReportFigures, { description: '资源对接.' }) resources!: ResourceReportFigures;
  @Field(() => [TaxonomyFigure], { description: 'Per area of work.' }) areas!: TaxonomyFigure[];
  @Field(() => [TaxonomyFigure], { description: 'Per project type.' }) types!: TaxonomyFigure[];
  @Field(() => [MonthFigure], { description: 'Per month.' }) monthly!: MonthFigure[];
}

@ObjectType({ description: 'A narrative section.' })
export class NarrativeSectionView {
  @Field(() => String, { description: 'Its heading.' }) heading!: string;
  @Field(() => String, { description: 'Its text; a blank line separates paragraphs.' }) body!: string;
}

@ObjectType({ description: 'The result of saving a report’s sections.' })
export class OperationsReportPayload extends Payload {
  @Field(() => OperationsReport, { nullable: true, description: 'The report; null when there are user errors.' }) report?: OperationsReport | null;
}

@ObjectType({ description: 'The result of issuing a report.' })
export class IssuedOperationsReportPayload extends Payload {
  @Field(() => IssuedOperationsReport, { nullable: true, description: 'The version issued; null when there are user errors.' }) issued?: IssuedOperationsReport | null;
}
