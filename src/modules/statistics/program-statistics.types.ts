import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Grade } from '../programs/program.entity.js';
import { ProjectStatus } from '../projects/project.entity.js';

@ObjectType({ description: 'How many projects are in one status.' })
export class StatusCount {
  @Field(() => ProjectStatus, { description: 'The status.' }) status!: ProjectStatus;
  @Field(() => Int, { description: 'Projects in it now.' }) count!: number;
}

@ObjectType({ description: 'How many closed projects earned one grade.' })
export class GradeCount {
  @Field(() => Grade, { description: 'The closing grade.' }) grade!: Grade;
  @Field(() => Int, { description: 'Closed projects with it.' }) count!: number;
}

@ObjectType({ description: 'A programme’s funnel and figures, computed from the records (辅导8个项目,成功申报5个项目; 走访督导16轮).' })
export class ProgramStatistics {
  /** The programme counted, for the breakdowns resolved beside these figures. */
  programId!: string;
  @Field(() => Int, { description: 'Projects counted: all for administrators, those of their parks and districts for staff, those they mentor for a mentor.' }) projects!: number;
  @Field(() => Int, { description: 'Projects with at least one coaching session.' }) coached!: number;
  @Field(() => Int, { description: 'Projects submitted at least once.' }) submitted!: number;
  @Field(() => Int, { description: 'Coached projects that were submitted.' }) coachedAndSubmitted!: number;
  @Field(() => Int, { description: 'Projects ever approved, with or without conditions.' }) approved!: number;
  @Field(() => Int, { description: 'Projects REJECTED.' }) rejected!: number;
  @Field(() => Int, { description: 'Projects WITHDRAWN.' }) withdrawn!: number;
  @Field(() => Int, { description: 'Projects in delivery now.' }) inProgress!: number;
  @Field(() => Int, { description: 'Projects CLOSED.' }) closed!: number;
  @Field(() => Int, { description: 'Projects TERMINATED.' }) terminated!: number;
  @Field(() => [GradeCount], { description: 'Closed projects by grade, best first.' }) closedByGrade!: GradeCount[];
  @Field(() => [StatusCount], { description: 'Projects by current status.' }) byStatus!: StatusCount[];
  @Field(() => Float, { nullable: true, description: 'Mean number of revisions of submitted projects.' }) averageRevisionRounds!: number | null;
  @Field(() => Int, { description: 'Supervision visits logged (走访督导 rounds).' }) supervisionVisits!: number;
  @Field(() => Float, { nullable: true, description: 'Visits per project that reached delivery.' }) visitsPerProject!: number | null;
  @Field(() => Int, { description: 'Service reports accepted.' }) acceptedReports!: number;
  @Field(() => Int, { description: 'Person-times served, from accepted reports.' }) totalPersonTimes!: number;
  @Field(() => Float, { nullable: true, description: 'Mean satisfaction of accepted reports, percent.' }) averageSatisfaction!: number | null;
}
