import type { Context } from '../../shared/context.js';
import { Role, requireRole } from '../../shared/auth.js';
import { ascending, findPage, listOrder, type PageArgs } from '../../shared/connection.js';
import { findVisible } from '../../shared/node.js';
import { Person } from './person.entity.js';
import { canSeePerson, visiblePeopleFilter } from './person.permissions.js';

export async function viewerPerson(ctx: Context): Promise<Person | null> {
  return ctx.viewer ? ctx.loaders.byId(Person).load(ctx.viewer.id) : null;
}

/** People and organisation members alike, by name. */
export const PEOPLE_BY_NAME = listOrder('people:NAME', ascending('name', 'text'));

export function listPeople(ctx: Context, args: PageArgs, role?: Role | null) {
  const viewer = requireRole(ctx.viewer, 'list people', Role.ADMIN, Role.STAFF);
  return findPage(ctx.em, Person, { $and: [role ? { roles: { $contains: [role] } } : {}, visiblePeopleFilter(viewer)] }, PEOPLE_BY_NAME, args);
}

/** A person by global ID: administrators see everyone, staff the people they work with (see visiblePeopleFilter), others only themselves. */
export function getPerson(ctx: Context, globalId: string): Promise<Person> {
  return findVisible(ctx, Person, globalId, (person) => canSeePerson(ctx, person.id));
}
