import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { raw } from '@mikro-orm/postgresql';
import { Project } from '../projects/project.entity.js';
import { countedProjectsFilter } from './program-statistics.queries.js';
import { ProjectArea, ProjectType } from '../taxonomy/taxonomy.entity.js';

@ObjectType()
abstract class TaxonomyFigures {
  @Field(() => Int, { description: 'Projects counted (see ProgramStatistics.projects).' }) projects!: number;
  @Field(() => Int, { description: 'Of them, projects with an approved grant.' }) approved!: number;
  @Field(() => Float, { description: 'Yuan requested by their current revisions.' }) requestedAmount!: number;
  @Field(() => Float, { description: 'Yuan granted to them.' }) approvedAmount!: number;
}

@ObjectType({ description: 'A programme’s projects of one type, and their money.' })
export class ProjectTypeFigures extends TaxonomyFigures {
  @Field(() => ProjectType, { nullable: true, description: 'The type; null for the projects not classified.' }) type!: ProjectType | null;
}

@ObjectType({ description: 'A programme’s projects of one area of work, and their money.' })
export class ProjectAreaFigures extends TaxonomyFigures {
  @Field(() => ProjectArea, { nullable: true, description: 'The area; null for the projects not classified.' }) area!: ProjectArea | null;
}

interface TypeRow {
  program_id: string;
  type_id: string | null;
  projects: string;
  approved: string;
  requested_amount: string;
  approved_amount: string;
}

const figures = (rows: TypeRow[]) => ({
  projects: rows.reduce((sum, row) => sum + Number(row.projects), 0),
  approved: rows.reduce((sum, row) => sum + Number(row.approved), 0),
  requestedAmount: rows.reduce((sum, row) => sum + Math.round(Number(row.requested_amount) * 100), 0) / 100,
  approvedAmount: rows.reduce((sum, row) => sum + Math.round(Number(row.approved_amount) * 100), 0) / 100,
});

/** Unclassified projects come last; the rest by position, then by name in code-point order, as the database lists them. */
const byPosition = <T>(key: (item: T) => [number, string] | null) => (a: T, b: T) => {
  const [ka, kb] = [key(a), key(b)];
  if (!ka || !kb) return ka ? -1 : kb ? 1 : 0;
  return ka[0] - kb[0] || (ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : 0);
};

async function typeRows(ctx: Context, programId: string): Promise<{ rows: TypeRow[]; types: Map<string, ProjectType>; areas: Map<string, ProjectArea> }> {
  const rows = await ctx.loaders
    .keyed('programTypeFigures', async (programIds, em) => {
      // Per programme and type: one statement for every programme in the request.
      const all: TypeRow[] = await em
        .createQueryBuilder(Project, 'p')
        .select(['p.program', 'p.type', raw('count(*) as projects'), raw('count(p.approved_grant) as approved'),
          raw('coalesce(sum(r.requested_amount), 0) as requested_amount'), raw('coalesce(sum(p.approved_grant), 0) as approved_amount')])
        .leftJoin('p.currentRevision', 'r')
        .where({ $and: [{ program: { $in: [...programIds] } }, countedProjectsFilter(ctx.viewer!)] })
        .groupBy(['p.program', 'p.type'])
        .execute('all', false);
      return programIds.map((id) => all.filter((row) => row.program_id === id));
    })
    .load(programId);
  const types = (await ctx.loaders.byId(ProjectType).loadMany(rows.flatMap((row) => (row.type_id ? [row.type_id] : [])))) as ProjectType[];
  const areas = (await ctx.loaders.byId(ProjectArea).loadMany([...new Set(types.map((type) => type.area.id))])) as ProjectArea[];
  return { rows, types: new Map(types.map((type) => [type.id, type])), areas: new Map(areas.map((area) => [area.id, area])) };
}

/** A programme's projects and money by project type. */
export async function figuresByType(ctx: Context, programId: string): Promise<ProjectTypeFigures[]> {
  const { rows, types, areas } = await typeRows(ctx, programId);
  return rows
    .map((row) => ({ type: row.type_id ? types.get(row.type_id)! : null, ...figures([row]) }))
    .sort(byPosition((f) => (f.type ? [areas.get(f.type.area.id)!.position, f.type.name] : null)));
}

/** A programme's projects and money by area of work. */
export async function figuresByArea(ctx: Context, programId: string): Promise<ProjectAreaFigures[]> {
  const { rows, types, areas } = await typeRows(ctx, programId);
  const groups = new Map<string | null, TypeRow[]>();
  for (const row of rows) {
    const areaId = row.type_id ? types.get(row.type_id)!.area.id : null;
    groups.set(areaId, [...(groups.get(areaId) ?? []), row]);
  }
  return [...groups]
    .map(([areaId, group]) => ({ area: areaId ? areas.get(areaId)! : null, ...figures(group) }))
    .sort(byPosition((f) => (f.area ? [f.area.position, f.area.name] : null)));
}
