import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { runMutation } from '../../shared/mutation.js';
import { Place } from '../places/place.entity.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProjectArea, ProjectType } from './taxonomy.entity.js';
import {
  CreateProjectAreaInput,
  CreateProjectTypeInput,
  SetProgramProjectTypesInput,
  SetProjectTypeInput,
  UpdateProjectAreaInput,
  UpdateProjectTypeInput,
} from './taxonomy.inputs.js';
import { areasOfDistrict, typesOfArea, typesOfDistrict, typesOfProgram } from './taxonomy.queries.js';
import * as taxonomy from './taxonomy.service.js';
import { ProjectAreaPayload, ProjectTypePayload, SetProgramProjectTypesPayload, SetProjectTypePayload } from './taxonomy.types.js';

@Resolver(() => ProjectArea)
export class ProjectAreaResolver {
  @Mutation(() => ProjectAreaPayload, { description: 'Add an area of work to a district’s project taxonomy (the district’s staff, or administrators).' })
  createProjectArea(@Ctx() ctx: Context, @Arg('input', () => CreateProjectAreaInput, { description: 'The area and its district.' }) input: CreateProjectAreaInput) {
    return runMutation(ctx, ProjectAreaPayload, (tx) => taxonomy.createArea(tx, input));
  }

  @Mutation(() => ProjectAreaPayload, { description: 'Rename or reorder an area of work (the district’s staff, or administrators).' })
  updateProjectArea(@Ctx() ctx: Context, @Arg('input', () => UpdateProjectAreaInput, { description: 'The area and its changes.' }) input: UpdateProjectAreaInput) {
    return runMutation(ctx, ProjectAreaPayload, (tx) => taxonomy.updateArea(tx, input));
  }

  @FieldResolver(() => Place, { description: 'The district whose area it is.' })
  district(@Ctx() ctx: Context, @Root() area: ProjectArea) {
    return ctx.loaders.byId(Place).load(area.district.id);
  }

  @FieldResolver(() => [ProjectType], { description: 'Its project types, by name.' })
  types(@Ctx() ctx: Context, @Root() area: ProjectArea) {
    return typesOfArea(ctx, area.id);
  }
}

@Resolver(() => ProjectType)
export class ProjectTypeResolver {
  @Mutation(() => ProjectTypePayload, { description: 'Add a project type, with an optional cap on its grants, under an area (the district’s staff, or administrators).' })
  createProjectType(@Ctx() ctx: Context, @Arg('input', () => CreateProjectTypeInput, { description: 'The type and its area.' }) input: CreateProjectTypeInput) {
    return runMutation(ctx, ProjectTypePayload, (tx) => taxonomy.createType(tx, input));
  }

  @Mutation(() => ProjectTypePayload, { description: 'Change a project type: its area, name, kind or cap (the district’s staff, or administrators).' })
  updateProjectType(@Ctx() ctx: Context, @Arg('input', () => UpdateProjectTypeInput, { description: 'The type and its changes.' }) input: UpdateProjectTypeInput) {
    return runMutation(ctx, ProjectTypePayload, (tx) => taxonomy.updateType(tx, input));
  }

  @Mutation(() => SetProjectTypePayload, { description: 'Classify a project under a type of its district: its applicant while it is a draft, the staff over it at any time.' })
  setProjectType(@Ctx() ctx: Context, @Arg('input', () => SetProjectTypeInput, { description: 'The project and its type.' }) input: SetProjectTypeInput) {
    return runMutation(ctx, SetProjectTypePayload, (tx) => taxonomy.setProjectType(tx, input));
  }

  @Mutation(() => SetProgramProjectTypesPayload, { description: 'Say which of its district’s project types a programme accepts (the staff who run it).' })
  setProgramProjectTypes(@Ctx() ctx: Context, @Arg('input', () => SetProgramProjectTypesInput, { description: 'The programme and its types.' }) input: SetProgramProjectTypesInput) {
    return runMutation(ctx, SetProgramProjectTypesPayload, (tx) => taxonomy.setProgramTypes(tx, input));
  }

  @FieldResolver(() => ProjectArea, { description: 'The area it sits under.' })
  area(@Ctx() ctx: Context, @Root() type: ProjectType) {
    return ctx.loaders.byId(ProjectArea).load(type.area.id);
  }

  @FieldResolver(() => Place, { description: 'The district whose type it is.' })
  district(@Ctx() ctx: Context, @Root() type: ProjectType) {
    return ctx.loaders.byId(Place).load(type.district.id);
  }
}

/** A district's taxonomy, read from any of its places. */
@Resolver(() => Place)
export class PlaceTaxonomyResolver {
  @FieldResolver(() => [ProjectArea], { description: 'The areas of work (方面, 领域) of the place’s district, in order; empty above district level.' })
  projectAreas(@Ctx() ctx: Context, @Root() place: Place) {
    return place.district ? areasOfDistrict(ctx, place.district.id) : [];
  }

  @FieldResolver(() => [ProjectType], { description: 'The project types (类型) of the place’s district, by area and name; empty above district level.' })
  projectTypes(@Ctx() ctx: Context, @Root() place: Place) {
    return place.district ? typesOfDistrict(ctx, place.district.id) : [];
  }
}

@Resolver(() => Program)
export class ProgramTaxonomyResolver {
  @FieldResolver(() => [ProjectType], { description: 'The project types it accepts, by name; empty: every type of its district.' })
  projectTypes(@Ctx() ctx: Context, @Root() program: Program) {
    return typesOfProgram(ctx, program.id);
  }
}

@Resolver(() => Project)
export class ProjectTaxonomyResolver {
  @FieldResolver(() => ProjectType, { nullable: true, description: 'Its type in its district’s taxonomy, whose cap bounds its request and grant; null when not classified.' })
  type(@Ctx() ctx: Context, @Root() project: Project) {
    return project.type ? ctx.loaders.byId(ProjectType).load(project.type.id) : null;
  }
}
