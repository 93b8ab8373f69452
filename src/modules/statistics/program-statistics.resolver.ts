import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Program } from '../programs/program.entity.js';
import { programStatistics } from './program-statistics.queries.js';
import { ProgramStatistics } from './program-statistics.types.js';

@Resolver(() => Program)
export class ProgramStatisticsResolver {
  @FieldResolver(() => ProgramStatistics, { nullable: true, description: 'The programme’s funnel and delivery figures over the projects the viewer covers: administrators all, staff their parks’ and districts’, a mentor those they mentor.' })
  statistics(@Ctx() ctx: Context, @Root() program: Program) {
    return programStatistics(ctx, program);
  }
}
