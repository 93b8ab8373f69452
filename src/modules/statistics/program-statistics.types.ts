import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Grade } from '../programs/program.entity.js';
import { ProjectStatus } from '../projects/project.entity.js';

@ObjectType()
export class StatusCount {
  @Field(() => ProjectStatus) status!: ProjectStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class GradeCount {
  @Field(() => Grade) grade!: Grade;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A programme’s funnel and figures, computed from the records (辅导8个项目,成功申报5个项目; 走访督导16轮).' })
export class ProgramStatistics {
  @Field(() => Int) projects!: number;
  @Field(() => Int, { description: 'Projects with at least one coaching session.' }) coached!: number;
  @Field(() => Int, { description: 'Projects submitted at least once.' }) submitted!: number;
  @Field(() => Int, { description: 'Coached projects that were submitted.' }) coachedAndSubmitted!: number;
  @Field(() => Int, { description: 'Projects ever approved, with or without conditions.' }) approved!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int, { description: 'Projects in delivery now.' }) inProgress!: number;
  @Field(() => Int) closed!: number;
  @Field(() => Int) terminated!: number;
  @Field(() => [GradeCount], { description: 'Closed projects by grade, best first.' }) closedByGrade!: GradeCount[];
  @Field(() => [StatusCount], { description: 'Projects by current status.' }) byStatus!: StatusCount[];
  @Field(() => Float, { nullable: true, description: 'Mean number of revisions of submitted projects.' }) averageRevisionRounds!: number | null;
  @Field(() => Int) supervisionVisits!: number;
  @Field(() => Float, { nullable: true, description: 'Visits per project that reached delivery.' }) visitsPerProject!: number | null;
  @Field(() => Int) acceptedReports!: number;
  @Field(() => Int, { description: 'Person-times served, from accepted reports.' }) totalPersonTimes!: number;
  @Field(() => Float, { nullable: true, description: 'Mean satisfaction of accepted reports, percent.' }) averageSatisfaction!: number | null;
}
