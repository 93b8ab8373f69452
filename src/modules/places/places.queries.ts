import type { Context } from '../../shared/context.js';
import { readRows, sqlArray } from '../../shared/read.js';
import { requireViewer } from '../../shared/auth.js';
import { ascending, findPage, listOrder, type PageArgs } from '../../shared/connection.js';
import { findVisible } from '../../shared/node.js';
import { decodeId } from '../../shared/node-id.js';
import { UserErrorCode, fail } from '../../shared/user-errors.js';
import { OrganizationMove } from '../organizations/organization-move.entity.js';
import type { Organization } from '../organizations/organization.entity.js';
import { canEditOrganization } from '../organizations/organization.permissions.js';
import type { Person } from '../people/person.entity.js';
import { DistrictMember, Park, ParkMember, ParkStreet } from './park.entity.js';
import { Place, type PlaceLevel } from './place.entity.js';
import { canSeeWorkplaces } from './places.permissions.js';

// Places and parks are public knowledge: every signed-in person may read them.
export const getPlace = (ctx: Context, globalId: string) => findVisible(ctx, Place, globalId, () => true);
export const getPark = (ctx: Context, globalId: string) => findVisible(ctx, Park, globalId, () => true);

/**
 * The places directly under `parentId`, or with `level` and no parent every place of that level
 * (e.g. all districts), else the top of the tree; by name, at most 500.
 */
export async function listPlaces(ctx: Context, parentId: string | null | undefined, level: PlaceLevel | null | undefined): Promise<Place[]> {
  requireViewer(ctx.viewer);
  const parent = parentId ? await getPlace(ctx, parentId) : null;
  const where = parent ? { parent: parent.id, ...(level && { level }) } : level ? { level } : { parent: null };
  return ctx.em.find(Place, where, { orderBy: { name: 'asc', id: 'asc' }, limit: 500 });
}

/** Each place's children, batched per request. */
export function childrenOf(ctx: Context, place: Place): Promise<Place[]> {
  return ctx.loaders
    .keyed('placeChildren', async (ids, em) => {
      const rows = await em.find(Place, { parent: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.parent?.id === id));
    })
    .load(place.id);
}

/** A place as its chain lists it. */
export interface PlaceName {
  id: string;
  name: string;
  level: PlaceLevel;
}

/**
 * A place and every place above it, nearest first, for every place asked for in a request: one
 * recursive statement.
 */
export function placeChain(ctx: Context, placeId: string): Promise<PlaceName[]> {
  return ctx.loaders
    .keyed('placeChain', async (ids, em) => {
      const rows = await readRows<PlaceName & { start: string }>(
        em,
        `with recursive chain(start, id, name, level, parent_id, depth) as (
           select id, id, name, level, parent_id, 0 from place where id = any(?::uuid[])
           union all select c.start, p.id, p.name, p.level, p.parent_id, c.depth + 1 from chain c join place p on p.id = c.parent_id)
         select start, id, name, level from chain order by start, depth`,
        [sqlArray(ids)],
      );
      return ids.map((id) => rows.filter((row) => row.start === id).map(({ start: _, ...place }) => place));
    })
    .load(placeId);
}

/** The place of this level in a place's chain, if any. */
export async function placeAtLevel(ctx: Context, placeId: string, level: PlaceLevel): Promise<PlaceName | null> {
  return (await placeChain(ctx, placeId)).find((place) => place.level === level) ?? null;
}

const PARKS_BY_NAME = listOrder('parks:NAME', ascending('name', 'text', { unique: true }));

export function listParks(ctx: Context, args: PageArgs, districtId?: string | null) {
  requireViewer(ctx.viewer);
  const district = districtId ? decodeId(districtId, 'Place') : undefined;
  if (districtId && !district) fail(UserErrorCode.INVALID_ID, 'districtId', 'That is not a place ID.');
  return findPage(ctx.em, Park, district ? { district } : {}, PARKS_BY_NAME, args);
}

/** The streets each park serves, batched per request. */
export function streetsOf(ctx: Context, park: Park): Promise<Place[]> {
  return ctx.loaders
    .keyed('parkStreets', async (ids, em) => {
      const rows = await em.find(ParkStreet, { park: { $in: [...ids] } }, { populate: ['street'], orderBy: { street: { name: 'asc' } } });
      return ids.map((id) => rows.filter((row) => row.park.id === id).map((row) => row.street.getEntity()));
    })
    .load(park.id);
}

/** Where each person works (their own parks, not those they reach through a district), batched. */
export function workplacesOfPerson(ctx: Context, person: Person): Promise<{ parks: Park[]; districts: Place[] } | null> {
  if (!canSeeWorkplaces(ctx.viewer, person.id)) return Promise.resolve(null);
  return ctx.loaders
    .keyed('workplaces', async (ids, em) => {
      const [parks, districts] = await Promise.all([
        em.find(ParkMember, { person: { $in: [...ids] } }, { populate: ['park'], orderBy: { park: { name: 'asc' } } }),
        em.find(DistrictMember, { person: { $in: [...ids] } }, { populate: ['district'], orderBy: { district: { name: 'asc' } } }),
      ]);
      return ids.map((id) => ({
        parks: parks.filter((row) => row.person.id === id).map((row) => row.park.getEntity()),
        districts: districts.filter((row) => row.person.id === id).map((row) => row.district.getEntity()),
      }));
    })
    .load(person.id);
}

/** An organisation's moves between parks, oldest first, for the staff over it; batched per request. */
export function movesOf(ctx: Context, organization: Organization): Promise<OrganizationMove[] | null> {
  if (!canEditOrganization(ctx.viewer, organization)) return Promise.resolve(null);
  return ctx.loaders
    .keyed('organizationMoves', async (ids, em) => {
      const rows = await em.find(OrganizationMove, { organization: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.organization.id === id));
    })
    .load(organization.id);
}
