import type { GraphQLResolveInfo } from 'graphql';
import { selectedPage } from '../../shared/connection.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Park } from '../places/park.entity.js';
import { ProjectConnection, ProjectPageArgs } from '../projects/project.types.js';
import { districtRollup, funnelProjects, parkFunnel } from './rollup.queries.js';
import { DistrictRollup, Funnel, FunnelFigure } from './rollup.types.js';

const PROGRAM_ARG = { nullable: true, description: 'Only the projects of this programme.' } as const;
const YEAR_ARG = { nullable: true, description: 'Only the projects of programmes of this year.' } as const;

@Resolver(() => DistrictRollup)
export class DistrictRollupResolver {
  @Query(() => DistrictRollup, {
    nullable: true,
    description: 'A district’s funnel, its parks side by side with the totals (the district’s staff and administrators; anyone else is FORBIDDEN).',
  })
  districtRollup(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID, { description: 'The district (a place of level DISTRICT).' }) districtId: string,
    @Arg('programId', () => ID, PROGRAM_ARG) programId?: string | null,
    @Arg('year', () => Int, YEAR_ARG) year?: number | null,
  ) {
    return districtRollup(ctx, districtId, { programId, year });
  }
}

@Resolver(() => Park)
export class ParkFunnelResolver {
  @FieldResolver(() => Funnel, {
    nullable: true,
    description: 'The funnel over every project the park coached (its staff, its district’s staff and administrators; anyone else is FORBIDDEN).',
  })
  funnel(@Ctx() ctx: Context, @Root() park: Park, @Arg('programId', () => ID, PROGRAM_ARG) programId?: string | null, @Arg('year', () => Int, YEAR_ARG) year?: number | null) {
    return parkFunnel(ctx, park, { programId, year });
  }
}

@Resolver(() => Funnel)
export class FunnelResolver {
  @FieldResolver(() => ProjectConnection, { description: 'The projects behind a figure: exactly those it counts.' })
  projects(
    @Ctx() ctx: Context,
    @Root() funnel: Funnel,
    @Arg('figure', () => FunnelFigure, { description: 'The figure to drill into.' }) figure: FunnelFigure,
    @Args(() => ProjectPageArgs) page: ProjectPageArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return funnelProjects(ctx, funnel, figure, selectedPage(page, info));
  }
}
