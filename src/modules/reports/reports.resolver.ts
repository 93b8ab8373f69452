import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { NewestFirstPageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ReviewServiceReportInput, SubmitServiceReportInput } from './reports.inputs.js';
import { listReports, progressOf } from './reports.queries.js';
import * as reports from './reports.service.js';
import { ServiceReportViewerCan } from './reports.viewer-can.js';
import { ProjectProgress, ServiceReportConnection, ServiceReportPayload } from './reports.types.js';
import { ServiceReport } from './service-report.entity.js';

@Resolver(() => ServiceReport)
export class ServiceReportResolver {
  @Mutation(() => ServiceReportPayload, { description: 'Submit a month’s service report, or resubmit a returned one (members of the applicant organisation).' })
  submitServiceReport(@Ctx() ctx: Context, @Arg('input', () => SubmitServiceReportInput, { description: 'The month’s figures.' }) input: SubmitServiceReportInput) {
    return runMutation(ctx, ServiceReportPayload, (tx) => reports.submitReport(tx, input));
  }

  @Mutation(() => ServiceReportPayload, { description: 'Accept a submitted service report, or return it with a reason (staff).' })
  reviewServiceReport(@Ctx() ctx: Context, @Arg('input', () => ReviewServiceReportInput, { description: 'The report, and accept or return.' }) input: ReviewServiceReportInput) {
    return runMutation(ctx, ServiceReportPayload, (tx) => reports.reviewReport(tx, input));
  }

  @FieldResolver(() => Project, { description: 'The project reported on.' })
  project(@Ctx() ctx: Context, @Root() report: ServiceReport) {
    return ctx.loaders.byId(Project).load(report.project.id);
  }

  @FieldResolver(() => Person, { description: 'Who submitted it last.' })
  submittedBy(@Ctx() ctx: Context, @Root() report: ServiceReport) {
    return ctx.loaders.byId(Person).load(report.submittedBy.id);
  }

  @FieldResolver(() => ServiceReportViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() report: ServiceReport) {
    return new ServiceReportViewerCan(ctx, report);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who accepted or returned it.' })
  reviewedBy(@Ctx() ctx: Context, @Root() report: ServiceReport) {
    return report.reviewedBy ? ctx.loaders.byId(Person).load(report.reviewedBy.id) : null;
  }
}

@Resolver(() => Project)
export class ProjectReportsResolver {
  @FieldResolver(() => ServiceReportConnection, { nullable: true, description: 'Service reports, latest period first unless `order` says otherwise (staff, the project’s mentors and the applicant).' })
  serviceReports(@Ctx() ctx: Context, @Root() project: Project, @Args(() => NewestFirstPageArgs) page: NewestFirstPageArgs, @Info() info: GraphQLResolveInfo) {
    return listReports(ctx, project, selectedPage(page, info));
  }

  @FieldResolver(() => ProjectProgress, { nullable: true, description: 'Delivery against the approved revision’s targets and grant, from accepted reports; null before approval.' })
  progress(@Ctx() ctx: Context, @Root() project: Project) {
    return progressOf(ctx, project);
  }
}
