import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { PageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { listProjects } from '../projects/project.queries.js';
import { ProjectConnection, ProjectPageArgs } from '../projects/project.types.js';
import { Program } from './program.entity.js';
import { CreateProgramInput, UpdateProgramInput } from './program.inputs.js';
import { getProgram, listPrograms } from './program.queries.js';
import * as programs from './program.service.js';
import { ProgramViewerCan } from './program.viewer-can.js';
import { ProgramConnection, ProgramPayload } from './program.types.js';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: 'A programme by ID; every signed-in person may read programmes.' })
  program(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The programme’s global ID.' }) id: string) {
    return getProgram(ctx, id);
  }

  @Query(() => ProgramConnection, { nullable: true, description: 'Programmes, newest year first.' })
  programs(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo, @Arg('year', () => Int, { nullable: true, description: 'Only the programmes of this year; all when omitted.' }) year?: number) {
    return listPrograms(ctx, selectedPage(page, info), year);
  }

  @Mutation(() => ProgramPayload, { description: 'Open a new call or competition (staff).' })
  createProgram(@Ctx() ctx: Context, @Arg('input', () => CreateProgramInput, { description: 'The programme’s settings.' }) input: CreateProgramInput) {
    return runMutation(ctx, ProgramPayload, (tx) => programs.createProgram(tx, input));
  }

  @Mutation(() => ProgramPayload, { description: 'Change a programme’s settings (staff).' })
  updateProgram(@Ctx() ctx: Context, @Arg('input', () => UpdateProgramInput, { description: 'The programme and the settings to change.' }) input: UpdateProgramInput) {
    return runMutation(ctx, ProgramPayload, (tx) => programs.updateProgram(tx, input));
  }

  @FieldResolver(() => ProgramViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() program: Program) {
    return new ProgramViewerCan(ctx, program);
  }

  @FieldResolver(() => Boolean, { description: 'Whether applications are being accepted now.' })
  isOpen(@Ctx() ctx: Context, @Root() program: Program) {
    return program.isOpenAt(ctx.now);
  }

  @FieldResolver(() => ProjectConnection, { description: 'This programme’s projects that the viewer may see.' })
  projects(@Ctx() ctx: Context, @Root() program: Program, @Args(() => ProjectPageArgs) page: ProjectPageArgs, @Info() info: GraphQLResolveInfo) {
    return listProjects(ctx, selectedPage(page, info), { program: program.id });
  }
}
