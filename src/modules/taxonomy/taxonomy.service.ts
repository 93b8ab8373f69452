import { ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { isStaff } from '../../shared/auth.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { decodeId } from '../../shared/node-id.js';
import { enforce, requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { Place, PlaceLevel } from '../places/place.entity.js';
import { Program } from '../programs/program.entity.js';
import { canManageProgram } from '../programs/program.permissions.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { projectForMutation } from '../projects/project.service.js';
import { ProgramProjectType, ProjectArea, ProjectType } from './taxonomy.entity.js';
import type { CreateProjectAreaInput, CreateProjectTypeInput, SetProgramProjectTypesInput, SetProjectTypeInput, UpdateProjectAreaInput, UpdateProjectTypeInput } from './taxonomy.inputs.js';
import { canManageTaxonomy, canSetProjectType } from './taxonomy.permissions.js';
import { checkTypeCap, typeForProject } from './taxonomy.rules.js';

/** The most areas a district lists, and so the largest position; also the most types a programme names. */
const MAX_POSITION = 100;
const MAX_PROGRAM_TYPES = 50;

async function districtForTaxonomy(ctx: Context, globalId: string): Promise<Place> {
  const viewer = requireAllowed(ctx.viewer, isStaff, 'keep project taxonomies');
  const id = decodeId(globalId, 'Place');
  const district = id ? await ctx.em.findOne(Place, { id }) : null;
  if (!district) fail(UserErrorCode.NOT_FOUND, 'input.districtId', 'No place has that ID.');
  if (district.level !== PlaceLevel.DISTRICT) fail(UserErrorCode.INVALID_PLACE, 'input.districtId', `${district.name} is not a district: areas and types belong to districts.`);
  if (!canManageTaxonomy(viewer, district.id)) fail(UserErrorCode.OUTSIDE_WORKPLACE, 'input.districtId', `Only the staff of ${district.name} or an administrator keep its project taxonomy.`);
  return district;
}

/** An area or type of a district the viewer keeps the taxonomy of; NOT_FOUND for an unknown ID. */
async function ownedForTaxonomy<T extends ProjectArea | ProjectType>(ctx: Context, entity: new () => T, globalId: string, field: string): Promise<T> {
  const viewer = requireAllowed(ctx.viewer, isStaff, 'keep project taxonomies');
  const id = decodeId(globalId, entity.name);
  const found = id ? ((await ctx.em.findOne(entity as never, { id } as never)) as T | null) : null;
  if (!found) fail(UserErrorCode.NOT_FOUND, field, `No ${entity === ProjectArea ? 'area' : 'project type'} has that ID.`);
  if (!canManageTaxonomy(viewer, found.district.id)) fail(UserErrorCode.OUTSIDE_WORKPLACE, field, 'Only the district’s staff or an administrator keep its project taxonomy.');
  return found;
}

async function checkUniqueName(ctx: Context, entity: typeof ProjectArea | typeof ProjectType, districtId: string, name: string, exceptId: string | null, checks: Checks) {
  const clash = await ctx.em.count(entity as typeof ProjectArea, { district: districtId, name, ...(exceptId && { id: { $ne: exceptId } }) });
  checks.check(!clash, UserErrorCode.DUPLICATE, 'input.name', `The district already has ${entity === ProjectArea ? 'an area' : 'a project type'} called ${name}.`);
}

export async function createArea(ctx: Context, input: CreateProjectAreaInput) {
  const district = await districtForTaxonomy(ctx, input.districtId);
  const checks = new Checks();
  if (checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.name)) await checkUniqueName(ctx, ProjectArea, district.id, input.name.trim(), null, checks);
  if (input.position != null) checks.number(input.position, 'input.position', 'The position', { max: MAX_POSITION, decimals: 0 });
  const count = await ctx.em.count(ProjectArea, { district });
  checks.check(count <= MAX_POSITION, UserErrorCode.TOO_MANY, 'input.districtId', `A district has at most ${MAX_POSITION + 1} areas.`);
  checks.throwIfAny();
  const area = ctx.em.create(ProjectArea, { district, name: input.name.trim(), position: input.position ?? count, createdAt: ctx.now });
  await ctx.em.flush();
  return { area };
}

export async function updateArea(ctx: Context, input: UpdateProjectAreaInput) {
  const area = await ownedForTaxonomy(ctx, ProjectArea, input.areaId, 'input.areaId');
  const checks = new Checks();
  if (input.name != null && checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.name)) {
    await checkUniqueName(ctx, ProjectArea, area.district.id, input.name.trim(), area.id, checks);
  }
  if (input.position != null) checks.number(input.position, 'input.position', 'The position', { max: MAX_POSITION, decimals: 0 });
  checks.throwIfAny();
  if (input.name != null) area.name = input.name.trim();
  if (input.position != null) area.position = input.position;
  await ctx.em.flush();
  return { area };
}

export async function createType(ctx: Context, input: CreateProjectTypeInput) {
  const area = await ownedForTaxonomy(ctx, ProjectArea, input.areaId, 'input.areaId');
  const checks = new Checks();
  if (checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.name)) await checkUniqueName(ctx, ProjectType, area.district.id, input.name.trim(), null, checks);
  if (input.maxGrant != null) checks.amount(input.maxGrant, 'input.maxGrant', 'The maximum grant');
  checks.throwIfAny();
  const type = ctx.em.create(ProjectType, {
    district: area.district, area, name: input.name.trim(), kind: input.kind, maxGrant: input.maxGrant ?? null, createdAt: ctx.now,
  });
  await ctx.em.flush();
  return { type };
}

export async function updateType(ctx: Context, input: UpdateProjectTypeInput) {
  const type = await ownedForTaxonomy(ctx, ProjectType, input.typeId, 'input.typeId');
  const checks = new Checks();
  let area: ProjectArea | null = null;
  if (input.areaId != null) {
    const areaId = decodeId(input.areaId, 'ProjectArea');
    area = areaId ? await ctx.em.findOne(ProjectArea, { id: areaId }) : null;
    checks.check(area?.district.id === type.district.id, UserErrorCode.NOT_FOUND, 'input.areaId', 'No area of the type’s district has that ID.');
  }
  if (input.name != null && checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.name)) {
    await checkUniqueName(ctx, ProjectType, type.district.id, input.name.trim(), type.id, checks);
  }
  if (input.maxGrant != null) checks.amount(input.maxGrant, 'input.maxGrant', 'The maximum grant');
  checks.throwIfAny();
  if (area) type.area = ref(area);
  if (input.name != null) type.name = input.name.trim();
  if (input.kind != null) type.kind = input.kind;
  if (input.maxGrant !== undefined) type.maxGrant = input.maxGrant;
  await ctx.em.flush();
  return { type };
}

/**
 * Classifies a project. The new type's cap must hold for what the project already asks and has:
 * its current revision's request and its grant.
 */
export async function setProjectType(ctx: Context, input: SetProjectTypeInput) {
  const { em } = ctx;
  const project = await projectForMutation(ctx, input.projectId);
  enforce(canSetProjectType(ctx.viewer, project), 'input.projectId');
  let type: ProjectType | null = null;
  if (input.typeId != null) {
    type = await typeForProject(em, input.typeId, { districtId: project.district?.id ?? null, programId: project.program.id }, 'input.typeId');
    const checks = new Checks();
    const revision = project.currentRevision ? await em.findOneOrFail(ProposalRevision, { id: project.currentRevision.id }) : null;
    if (revision) checkTypeCap(checks, type, revision.requestedAmount, 'input.typeId', `Revision ${revision.number}’s request of`);
    if (project.approvedGrant != null) checkTypeCap(checks, type, project.approvedGrant, 'input.typeId', 'The project’s grant of');
    checks.throwIfAny();
  }
  project.type = type ? ref(type) : null;
  project.updatedAt = ctx.now;
  await em.flush();
  return { project };
}

/** The types a programme accepts: the programme's managers choose among its district's types. */
export async function setProgramTypes(ctx: Context, input: SetProgramProjectTypesInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, isStaff, 'set the types a programme accepts');
  const programId = decodeId(input.programId, 'Program');
  const program = programId ? await em.findOne(Program, { id: programId }) : null;
  if (!program) fail(UserErrorCode.NOT_FOUND, 'input.programId', 'No programme has that ID.');
  if (!canManageProgram(ctx.viewer, program)) fail(UserErrorCode.OUTSIDE_WORKPLACE, 'input.programId', 'Only the staff who run the programme choose the types it accepts.');
  const districtId = program.district?.id ?? null;
  const checks = new Checks();
  checks.list(input.typeIds, 'input.typeIds', { label: 'types', max: MAX_PROGRAM_TYPES, key: (id) => id });
  checks.throwIfAny();
  const ids = input.typeIds.map((gid) => decodeId(gid, 'ProjectType'));
  const found = ids.some(Boolean) ? await em.find(ProjectType, { id: { $in: ids.filter((id): id is string => !!id) } }) : [];
  const types = ids.map((id, i) => {
    const type = found.find((row) => row.id === id);
    if (checks.check(!!type, UserErrorCode.NOT_FOUND, `input.typeIds.${i}`, 'No project type has that ID.')) {
      checks.check(type!.district.id === districtId, UserErrorCode.TYPE_NOT_IN_PROGRAM, `input.typeIds.${i}`, `${type!.name} is not a type of the programme’s district.`);
    }
    return type!;
  });
  checks.throwIfAny();
  const current = await em.find(ProgramProjectType, { program });
  for (const row of current) if (!types.some((type) => type.id === row.type.id)) em.remove(row);
  for (const type of types) if (!current.some((row) => row.type.id === type.id)) em.create(ProgramProjectType, { program, type, district: ref(Place, districtId!) });
  await em.flush();
  return { program };
}
