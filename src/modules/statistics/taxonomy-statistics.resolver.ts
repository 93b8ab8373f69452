import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { ProgramStatistics } from './program-statistics.types.js';
import { ProjectAreaFigures, ProjectTypeFigures, figuresByArea, figuresByType } from './taxonomy-statistics.js';

/** The programme's figures broken down by its district's taxonomy, over the same projects. */
@Resolver(() => ProgramStatistics)
export class ProgramTaxonomyStatisticsResolver {
  @FieldResolver(() => [ProjectAreaFigures], { description: 'The projects counted, by area of work (in the district’s order; unclassified last), with the money requested and granted.' })
  byArea(@Ctx() ctx: Context, @Root() statistics: ProgramStatistics) {
    return figuresByArea(ctx, statistics.programId);
  }

  @FieldResolver(() => [ProjectTypeFigures], { description: 'The projects counted, by project type (by area, then name; unclassified last), with the money requested and granted.' })
  byType(@Ctx() ctx: Context, @Root() statistics: ProgramStatistics) {
    return figuresByType(ctx, statistics.programId);
  }
}
