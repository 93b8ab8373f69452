import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { andThen } from '../../shared/loaders.js';
import { NewestFirstPageArgs, selectedFields, selectedPage } from '../../shared/connection.js';
import { foldedPages } from '../../shared/folded-pages.js';
import { decodeId } from '../../shared/node-id.js';
import { runMutation } from '../../shared/mutation.js';
import { badInput } from '../../shared/errors.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { Program } from '../programs/program.entity.js';
import { Project, ProjectStatus } from './project.entity.js';
import { AssignProjectTeamInput, CreateProjectInput, ProjectActionInput, SaveRevisionInput, SubmitProjectInput } from './project.inputs.js';
import { nextStatuses } from '../lifecycle/lifecycle.service.js';
import { teamShowing } from './project-team.loader.js';
import { compareRevisions, getProject, listProjects, listRevisions, ORGANIZATION_SUMMARY, REVISION_SUMMARY } from './project.queries.js';
import { canSeeApplicant } from './project.permissions.js';
import * as projects from './project.service.js';
import {
  ProjectConnection,
  ProjectPageArgs,
  ProjectPayload,
  ProposalRevisionConnection,
  RevisionComparison,
  SaveRevisionPayload,
} from './project.types.js';
import { ProjectViewerCan } from './project.viewer-can.js';
import { ProposalRevision, TeamMember } from './proposal-revision.entity.js';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { nullable: true, description: 'A project the viewer may see (NOT_FOUND otherwise).' })
  project(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The project’s global ID.' }) id: string, @Info() info: GraphQLResolveInfo) {
    return getProject(ctx, id, selectedFields(info), foldedPages(ctx, info, 'parent'));
  }

  @Query(() => ProjectConnection, { nullable: true, description: 'The projects the viewer may see, newest first unless `order` says otherwise.' })
  projects(
    @Ctx() ctx: Context,
    @Args(() => ProjectPageArgs) page: ProjectPageArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('programId', () => ID, { nullable: true, description: 'Only the projects of this programme (its global ID).' }) programId?: string,
    @Arg('status', () => ProjectStatus, { nullable: true, description: 'Only the projects in this status.' }) status?: ProjectStatus,
  ) {
    const program = programId ? decodeId(programId, 'Program') : undefined;
    if (program === null) throw badInput('programId is not a programme ID.');
    return listProjects(ctx, selectedPage(page, info), { ...(program && { program }), ...(status && { status }) });
  }

  @Query(() => RevisionComparison, { nullable: true, description: 'What changed, field by field, from one revision of a project to another.' })
  compareRevisions(
    @Ctx() ctx: Context,
    @Arg('from', () => ID, { description: 'The earlier revision’s global ID (any revision of the project, in fact).' }) from: string,
    @Arg('to', () => ID, { description: 'The later revision’s global ID; both must belong to the same project (INVALID_ID otherwise).' }) to: string,
  ) {
    return compareRevisions(ctx, from, to);
  }

  @Mutation(() => ProjectPayload, { description: 'Start a project for an open programme (applicants, or staff on an organisation’s behalf).' })
  createProject(@Ctx() ctx: Context, @Arg('input', () => CreateProjectInput, { description: 'The programme, title, focus area and community.' }) input: CreateProjectInput) {
    return runMutation(ctx, ProjectPayload, (tx) => projects.createProject(tx, input));
  }

  @Mutation(() => SaveRevisionPayload, { description: 'Save the proposal as a new immutable revision, which becomes current.' })
  saveRevision(@Ctx() ctx: Context, @Arg('input', () => SaveRevisionInput, { description: 'The complete proposal.' }) input: SaveRevisionInput) {
    return runMutation(ctx, SaveRevisionPayload, (tx) => projects.saveRevision(tx, input));
  }

  @Mutation(() => ProjectPayload, { description: 'Submit the current revision for review.' })
  submitProject(@Ctx() ctx: Context, @Arg('input', () => SubmitProjectInput, { description: 'The project to submit.' }) input: SubmitProjectInput) {
    return runMutation(ctx, ProjectPayload, (tx) => projects.submitProject(tx, input));
  }

  @Mutation(() => ProjectPayload, { description: 'Withdraw an undecided application (the applicant, or staff on its behalf).' })
  withdrawProject(@Ctx() ctx: Context, @Arg('input', () => ProjectActionInput, { description: 'The project, and optionally why.' }) input: ProjectActionInput) {
    return runMutation(ctx, ProjectPayload, (tx) => projects.withdrawProject(tx, input));
  }

  @Mutation(() => ProjectPayload, { description: 'Assign the lead staff member and the mentors (staff).' })
  assignProjectTeam(@Ctx() ctx: Context, @Arg('input', () => AssignProjectTeamInput, { description: 'The project and its team.' }) input: AssignProjectTeamInput) {
    return runMutation(ctx, ProjectPayload, (tx) => projects.assignProjectTeam(tx, input));
  }

  @FieldResolver(() => Program, { description: 'The programme the project applies to.' })
  program(@Ctx() ctx: Context, @Root() project: Project) {
    return ctx.loaders.byId(Program).now(project.program.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The applicant organisation; withheld from evaluators under blind review.' })
  organization(@Ctx() ctx: Context, @Root() project: Project, @Info() info: GraphQLResolveInfo) {
    // A board's name and district come from the organisation's summary, without its contacts.
    const loader = ORGANIZATION_SUMMARY.answers(ctx.em, selectedFields(info)) ? ORGANIZATION_SUMMARY.loader(ctx) : ctx.loaders.byId(Organization);
    return andThen(canSeeApplicant(ctx, project), (visible) => (visible ? loader.now(project.organization.id) : null));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The staff member leading the project (项目官员); null until assigned.' })
  leadStaff(@Ctx() ctx: Context, @Root() project: Project, @Info() info: GraphQLResolveInfo) {
    return project.leadStaff ? andThen(teamShowing(ctx, project.id, selectedFields(info)), (team) => team.leadStaff) : null;
  }

  @FieldResolver(() => [Person], { description: 'The mentors assigned to the project; empty until assigned.' })
  mentors(@Ctx() ctx: Context, @Root() project: Project, @Info() info: GraphQLResolveInfo) {
    return andThen(teamShowing(ctx, project.id, selectedFields(info)), (team) => team.mentors);
  }

  @FieldResolver(() => ProposalRevision, { nullable: true, description: 'The latest saved revision.' })
  currentRevision(@Ctx() ctx: Context, @Root() project: Project, @Info() info: GraphQLResolveInfo) {
    if (!project.currentRevision) return null;
    // A board's number and amount come from the revision's summary, without its text and JSON.
    const loader = REVISION_SUMMARY.answers(ctx.em, selectedFields(info)) ? REVISION_SUMMARY.loader(ctx) : ctx.loaders.byId(ProposalRevision);
    return loader.now(project.currentRevision.id);
  }

  @FieldResolver(() => ProposalRevisionConnection, { description: 'All revisions, newest first unless `order` says otherwise.' })
  revisions(@Ctx() ctx: Context, @Root() project: Project, @Args(() => NewestFirstPageArgs) page: NewestFirstPageArgs, @Info() info: GraphQLResolveInfo) {
    return listRevisions(ctx, project, selectedPage(page, info));
  }

  @FieldResolver(() => [ProjectStatus], { description: 'The statuses the viewer could move this project to next.' })
  nextStatuses(@Ctx() ctx: Context, @Root() project: Project) {
    return nextStatuses(ctx.viewer, project);
  }

  @FieldResolver(() => ProjectViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() project: Project) {
    return new ProjectViewerCan(ctx, project);
  }
}

@Resolver(() => ProposalRevision)
export class ProposalRevisionResolver {
  @FieldResolver(() => Project, { description: 'The project this revision belongs to.' })
  project(@Ctx() ctx: Context, @Root() revision: ProposalRevision) {
    return ctx.loaders.byId(Project).load(revision.project.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who saved this revision; withheld from evaluators under blind review.' })
  async author(@Ctx() ctx: Context, @Root() revision: ProposalRevision) {
    return (await this.applicantVisible(ctx, revision)) ? ctx.loaders.byId(Person).load(revision.author.id) : null;
  }

  @FieldResolver(() => [TeamMember], { nullable: true, description: 'The project team; withheld (null) from evaluators under blind review.' })
  async team(@Ctx() ctx: Context, @Root() revision: ProposalRevision) {
    return (await this.applicantVisible(ctx, revision)) ? revision.team : null;
  }

  private async applicantVisible(ctx: Context, revision: ProposalRevision) {
    const project = await ctx.loaders.byId(Project).load(revision.project.id);
    return !!project && canSeeApplicant(ctx, project);
  }
}
