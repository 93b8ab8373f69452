import { ref } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { Payload, flushFirstWins, runMutation } from '../../shared/mutation.js';
import { findVisible } from '../../shared/node.js';
import { decodeId } from '../../shared/node-id.js';
import { Checks, UserErrorCode, fail, userError } from '../../shared/user-errors.js';
import { Person } from '../people/person.entity.js';
import { Project, ProjectStatus } from '../projects/project.entity.js';
import { canViewProject, isStaffOver } from '../projects/project.permissions.js';
import { ProjectRecommendation } from './project-recommendation.entity.js';

/** Statuses a project is recommended from: it has been judged (approved, in delivery or closed). */
const RECOMMENDABLE = [ProjectStatus.APPROVED, ProjectStatus.CONDITIONALLY_APPROVED, ProjectStatus.IN_PROGRESS, ProjectStatus.CLOSING_REVIEW, ProjectStatus.CLOSED];

@InputType({ description: 'Recommend a project to a project library.' })
export class RecommendProjectInput {
  @Field(() => ID, { description: 'The project: approved, in delivery or closed; its staff recommend it.' }) projectId!: string;
  @Field(() => String, { description: 'The library (at most 200 characters), e.g. 龙岗区“民生微实事·大盆菜”服务类项目库.' }) library!: string;
  @Field(() => String, { nullable: true, description: 'Why (at most 2,000 characters).' }) note?: string | null;
}

@ObjectType({ description: 'The result of recommending a project.' })
export class ProjectRecommendationPayload extends Payload {
  @Field(() => ProjectRecommendation, { nullable: true, description: 'The recommendation; null when there are user errors.' }) recommendation?: ProjectRecommendation | null;
}

export const getRecommendation = (ctx: Context, globalId: string) =>
  findVisible(ctx, ProjectRecommendation, globalId, async (recommendation) => {
    const project = await ctx.loaders.byId(Project).load(recommendation.project.id);
    return !!project && (await canViewProject(ctx, project));
  });

export async function recommendProject(ctx: Context, input: RecommendProjectInput) {
  const viewer = requireViewer(ctx.viewer);
  const id = decodeId(input.projectId, 'Project');
  const project = id ? await ctx.em.findOne(Project, { id }) : null;
  if (!project || !(await canViewProject(ctx, project))) fail(UserErrorCode.NOT_FOUND, 'input.projectId', 'No project you can see has that ID.');
  if (!isStaffOver(viewer, project)) fail(UserErrorCode.WRONG_ROLE, 'input.projectId', 'The staff over a project recommend it.');
  if (!RECOMMENDABLE.includes(project.status)) fail(UserErrorCode.INVALID_STATUS, 'input.projectId', `A project is recommended once approved; this one is ${project.status}.`);
  const checks = new Checks();
  checks.text(input.library, 'input.library', 'The library', MAX_LENGTH.title);
  checks.text(input.note, 'input.note', 'The note', MAX_LENGTH.reason, false);
  checks.throwIfAny();
  const recommendation = ctx.em.create(ProjectRecommendation, { project, library: input.library.trim(), note: input.note?.trim() || null, recommendedBy: ref(Person, viewer.id), createdAt: ctx.now });
  await flushFirstWins(ctx.em, 'project_recommendation_project_id_library_unique', userError(UserErrorCode.DUPLICATE, 'input.library', 'The project is already recommended to that library.'));
  return { recommendation };
}

@Resolver(() => ProjectRecommendation)
export class ProjectRecommendationResolver {
  @Mutation(() => ProjectRecommendationPayload, { description: 'Recommend a project to a project library (the staff over the project).' })
  recommendProject(@Ctx() ctx: Context, @Arg('input', () => RecommendProjectInput, { description: 'The project and the library.' }) input: RecommendProjectInput) {
    return runMutation(ctx, ProjectRecommendationPayload, (tx) => recommendProject(tx, input));
  }

  @FieldResolver(() => Project, { description: 'The project recommended.' })
  project(@Ctx() ctx: Context, @Root() recommendation: ProjectRecommendation) {
    return ctx.loaders.byId(Project).load(recommendation.project.id);
  }

  @FieldResolver(() => Person, { description: 'Who recommended it.' })
  recommendedBy(@Ctx() ctx: Context, @Root() recommendation: ProjectRecommendation) {
    return ctx.loaders.byId(Person).load(recommendation.recommendedBy.id);
  }
}

@Resolver(() => Project)
export class ProjectRecommendationsResolver {
  @FieldResolver(() => [ProjectRecommendation], { description: 'The libraries it was recommended to, oldest first.' })
  recommendations(@Ctx() ctx: Context, @Root() project: Project) {
    return ctx.loaders
      .keyed('projectRecommendations', async (ids, em) => {
        const rows = await em.find(ProjectRecommendation, { project: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return ids.map((id) => rows.filter((row) => row.project.id === id));
      })
      .load(project.id);
  }
}
