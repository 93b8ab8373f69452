import type { Context } from '../../shared/context.js';
import { findVisible } from '../../shared/node.js';
import { ProgramProjectType, ProjectArea, ProjectType } from './taxonomy.entity.js';

// A district's taxonomy is public, like its places: every signed-in person may read it.
export const getArea = (ctx: Context, globalId: string) => findVisible(ctx, ProjectArea, globalId, () => true);
export const getType = (ctx: Context, globalId: string) => findVisible(ctx, ProjectType, globalId, () => true);

/** Each district's areas, by position, batched per request. */
export function areasOfDistrict(ctx: Context, districtId: string): Promise<ProjectArea[]> {
  return ctx.loaders
    .keyed('projectAreasByDistrict', async (ids, em) => {
      const rows = await em.find(ProjectArea, { district: { $in: [...ids] } }, { orderBy: { position: 'asc', name: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.district.id === id));
    })
    .load(districtId);
}

/** Each district's types, by area then name, batched per request. */
export function typesOfDistrict(ctx: Context, districtId: string): Promise<ProjectType[]> {
  return ctx.loaders
    .keyed('projectTypesByDistrict', async (ids, em) => {
      const rows = await em.find(ProjectType, { district: { $in: [...ids] } }, { orderBy: { area: { position: 'asc' }, name: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.district.id === id));
    })
    .load(districtId);
}

/** Each area's types, by name, batched per request. */
export function typesOfArea(ctx: Context, areaId: string): Promise<ProjectType[]> {
  return ctx.loaders
    .keyed('projectTypesByArea', async (ids, em) => {
      const rows = await em.find(ProjectType, { area: { $in: [...ids] } }, { orderBy: { name: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.area.id === id));
    })
    .load(areaId);
}

/** The types each programme accepts (empty: every type of its district), batched per request. */
export function typesOfProgram(ctx: Context, programId: string): Promise<ProjectType[]> {
  return ctx.loaders
    .keyed('projectTypesByProgram', async (ids, em) => {
      const rows = await em.find(ProgramProjectType, { program: { $in: [...ids] } }, { populate: ['type'], orderBy: { type: { name: 'asc' } } });
      return ids.map((id) => rows.filter((row) => row.program.id === id).map((row) => row.type.getEntity()));
    })
    .load(programId);
}
