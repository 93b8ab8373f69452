import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, hasRole, requireViewer } from '../../shared/auth.js';
import { forbidden } from '../../shared/errors.js';
import { MAX_ITEMS, MAX_LENGTH } from '../../shared/input-limits.js';
import { decodeId } from '../../shared/node-id.js';
import { requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { DistrictMember, Park, ParkMember, ParkStreet } from './park.entity.js';
import { LEVEL_ORDER, Place, PlaceLevel } from './place.entity.js';
import type { CreateParkInput, CreatePlaceInput, SetWorkplacesInput } from './places.inputs.js';
import { canManageDistrict, canManagePlaces } from './places.permissions.js';

/** Loads the places (or parks) with these global IDs, reporting each unknown one at its index. */
async function byIds<T extends { id: string }>(em: EntityManager, entity: new () => T, type: string, globalIds: string[], field: string, checks: Checks): Promise<T[]> {
  checks.list(globalIds, field, { label: type === 'Park' ? 'parks' : 'places', max: MAX_ITEMS.workplaces, key: (id) => id });
  checks.throwIfAny();
  const ids = globalIds.map((gid) => decodeId(gid, type));
  const found = ids.some((id) => id) ? await em.find(entity, { id: { $in: ids.filter(Boolean) } } as never) : [];
  const rows = ids.map((id, i) => {
    const row = found.find((f) => f.id === id);
    checks.check(!!row, UserErrorCode.NOT_FOUND, `${field}.${i}`, `No ${type === 'Park' ? 'park' : 'place'} has that ID.`);
    return row!;
  });
  checks.throwIfAny();
  return rows;
}

export async function createPlace(ctx: Context, input: CreatePlaceInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManagePlaces, 'add places');
  const checks = new Checks();
  checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.place);
  checks.throwIfAny();
  const parentId = input.parentId ? decodeId(input.parentId, 'Place') : null;
  const parent = parentId ? await em.findOne(Place, { id: parentId }) : null;
  if (input.parentId && !parent) fail(UserErrorCode.NOT_FOUND, 'input.parentId', 'No place has that ID.');
  if (parent && LEVEL_ORDER.indexOf(parent.level) >= LEVEL_ORDER.indexOf(input.level)) {
    fail(UserErrorCode.INVALID_PLACE, 'input.level', `A ${input.level.toLowerCase()} cannot be under ${parent.name} (a ${parent.level.toLowerCase()}).`);
  }
  if (!parent && LEVEL_ORDER.indexOf(input.level) > LEVEL_ORDER.indexOf(PlaceLevel.DISTRICT)) {
    fail(UserErrorCode.INVALID_PLACE, 'input.parentId', 'A street or community is always in a district: name its parent.');
  }
  const name = input.name.trim();
  if (await em.count(Place, { parent: parent?.id ?? null, name })) fail(UserErrorCode.DUPLICATE, 'input.name', `There already is a place called ${name} there.`);
  const place = em.create(Place, { name, level: input.level, parent, createdAt: ctx.now });
  if (input.level === PlaceLevel.DISTRICT) place.district = ref(place);
  else if (parent?.district) place.district = ref(Place, parent.district.id);
  await em.flush();
  return { place };
}

export async function createPark(ctx: Context, input: CreateParkInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  if (!hasRole(viewer, Role.ADMIN, Role.STAFF)) throw forbidden('open parks');
  const checks = new Checks();
  checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.name);
  checks.throwIfAny();
  const placeId = decodeId(input.placeId, 'Place');
  const place = placeId ? await em.findOne(Place, { id: placeId }) : null;
  if (!place) fail(UserErrorCode.NOT_FOUND, 'input.placeId', 'No place has that ID.');
  if (!place.district || place.level === PlaceLevel.COMMUNITY) fail(UserErrorCode.INVALID_PLACE, 'input.placeId', 'A park belongs to a district or one of its streets.');
  const districtId = place.district.id;
  if (!canManageDistrict(viewer, districtId)) fail(UserErrorCode.OUTSIDE_WORKPLACE, 'input.placeId', 'Only the district’s staff or an administrator open a park there.');
  const streets = await byIds(em, Place, 'Place', input.streetIds, 'input.streetIds', checks);
  streets.forEach((street, i) => {
    checks.check(street.level === PlaceLevel.STREET && street.district?.id === districtId, UserErrorCode.INVALID_PLACE, `input.streetIds.${i}`, `${street.name} is not a street of the park’s district.`);
  });
  let operator: Organization | null = null;
  if (input.operatorId) {
    const operatorId = decodeId(input.operatorId, 'Organization');
    operator = operatorId ? await em.findOne(Organization, { id: operatorId }) : null;
    checks.check(!!operator, UserErrorCode.NOT_FOUND, 'input.operatorId', 'No organisation has that ID.');
  }
  const name = input.name.trim();
  if (await em.count(Park, { name })) checks.check(false, UserErrorCode.DUPLICATE, 'input.name', 'Another park already has that name.');
  checks.throwIfAny();
  const park = em.create(Park, { name, place, district: ref(Place, districtId), operator, createdAt: ctx.now });
  for (const street of streets) em.create(ParkStreet, { park, street });
  await em.flush();
  return { park };
}

/**
 * Sets where a person works. A district's staff manage the workplaces within their districts
 * (those elsewhere stay as they are); administrators all of them.
 */
export async function setWorkplaces(ctx: Context, input: SetWorkplacesInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  if (!hasRole(viewer, Role.ADMIN) && !(hasRole(viewer, Role.STAFF) && viewer.districtIds.length)) throw forbidden('say where people work (a district’s staff or an administrator)');
  const personId = decodeId(input.personId, 'Person');
  const person = personId ? await em.findOne(Person, { id: personId }) : null;
  if (!person) fail(UserErrorCode.NOT_FOUND, 'input.personId', 'No person has that ID.');
  const checks = new Checks();
  const parks = await byIds(em, Park, 'Park', input.parkIds, 'input.parkIds', checks);
  const districts = await byIds(em, Place, 'Place', input.districtIds, 'input.districtIds', checks);
  parks.forEach((park, i) => checks.check(canManageDistrict(viewer, park.district.id), UserErrorCode.OUTSIDE_WORKPLACE, `input.parkIds.${i}`, `${park.name} is not in a district you oversee.`));
  districts.forEach((district, i) => {
    if (checks.check(district.level === PlaceLevel.DISTRICT, UserErrorCode.INVALID_PLACE, `input.districtIds.${i}`, `${district.name} is not a district.`)) {
      checks.check(canManageDistrict(viewer, district.id), UserErrorCode.OUTSIDE_WORKPLACE, `input.districtIds.${i}`, `You do not oversee ${district.name}.`);
    }
  });
  if (parks.length) checks.check(person.roles.some((role) => role === Role.STAFF || role === Role.MENTOR), UserErrorCode.WRONG_ROLE, 'input.parkIds', `${person.name} is neither staff nor a mentor: parks have staff and mentors.`);
  if (districts.length) checks.check(person.roles.some((role) => role === Role.STAFF || role === Role.EVALUATOR), UserErrorCode.WRONG_ROLE, 'input.districtIds', `${person.name} is neither staff nor an evaluator: districts have staff and an evaluator pool.`);
  checks.throwIfAny();

  const [currentParks, currentDistricts] = await Promise.all([
    em.find(ParkMember, { person }, { populate: ['park'] }),
    em.find(DistrictMember, { person }),
  ]);
  // Only what the viewer oversees changes.
  for (const row of currentParks) if (canManageDistrict(viewer, row.park.getEntity().district.id) && !parks.some((p) => p.id === row.park.id)) em.remove(row);
  for (const park of parks) if (!currentParks.some((row) => row.park.id === park.id)) em.create(ParkMember, { park, person, since: ctx.now });
  for (const row of currentDistricts) if (canManageDistrict(viewer, row.district.id) && !districts.some((d) => d.id === row.district.id)) em.remove(row);
  for (const district of districts) if (!currentDistricts.some((row) => row.district.id === district.id)) em.create(DistrictMember, { district, person, since: ctx.now });
  await em.flush();
  return { person };
}
