import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, hasRole, workplaceArrays, type Viewer } from '../../shared/auth.js';
import { ALLOWED, refuse, type Verdict } from '../../shared/permission.js';
import { UserErrorCode } from '../../shared/user-errors.js';
import { visibleOrganizationsFilter } from '../organizations/organization.permissions.js';
import { Person } from './person.entity.js';

/**
 * The directory of people is staff's: they assign lead staff, mentors and evaluators from it.
 * Which people a staff member sees, in the directory and by ID, with their contact details: the
 * people they work with and for. Administrators see everyone. Staff see the people working for
 * their parks (colleagues and mentors), the people working for their districts and for the districts
 * of their parks (district staff, and the expert pool they assign evaluators from), and the members
 * of the organisations they see (see visibleOrganizationsFilter). A park's staff thus see neither
 * another district's people nor the colleagues of a neighbouring park, unless they share a district
 * membership or an organisation. Everyone else sees only themselves.
 */
export function visiblePeopleFilter(viewer: Viewer): FilterQuery<Person> {
  if (hasRole(viewer, Role.ADMIN)) return {};
  if (!hasRole(viewer, Role.STAFF)) return { id: viewer.id };
  const [parks, districts] = workplaceArrays(viewer);
  return {
    $or: [
      { id: viewer.id },
      { id: { $in: raw('(select person_id from park_member where park_id in (?))', [parks]) } },
      { id: { $in: raw('(select person_id from district_member where district_id in (?) or district_id in (select district_id from park where id in (?)))', [districts, parks]) } },
      { organization: visibleOrganizationsFilter(viewer) },
    ],
  };
}

/** The rule of visiblePeopleFilter for one person; the people asked about in one request are checked in one statement. */
export async function canSeePerson(ctx: Context, personId: string): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.id === personId || hasRole(viewer, Role.ADMIN)) return true;
  if (!hasRole(viewer, Role.STAFF)) return false;
  return ctx.loaders
    .keyed('peopleStaffSees', async (ids, em) => {
      const seen = await em.find(Person, { $and: [{ id: { $in: [...ids] } }, visiblePeopleFilter(viewer)] }, { fields: ['id'] });
      const seenIds = new Set(seen.map((person) => person.id));
      return ids.map((id) => seenIds.has(id));
    })
    .load(personId);
}

/** Contact details (email, whether the account is active): the person themselves, and the staff who see them. */
export const canSeePersonEmail = canSeePerson;

/** Administrators manage accounts: roles, passwords, deactivation. */
export const canManageAccounts = (viewer: Viewer | null) => hasRole(viewer, Role.ADMIN);

/** An administrator deactivates an active account other than their own (another administrator must do that). */
export function canDeactivate(viewer: Viewer | null, person: Person): Verdict {
  if (!canManageAccounts(viewer)) return refuse(UserErrorCode.WRONG_ROLE, 'Only administrators deactivate accounts.');
  if (person.id === viewer!.id) return refuse(UserErrorCode.WRONG_ROLE, 'You cannot deactivate yourself: ask another administrator.');
  return person.deactivatedAt ? refuse(UserErrorCode.ALREADY_DONE, 'This account is already deactivated.') : ALLOWED;
}

/** ...and reactivates a deactivated one. */
export function canReactivate(viewer: Viewer | null, person: Person): Verdict {
  if (!canManageAccounts(viewer)) return refuse(UserErrorCode.WRONG_ROLE, 'Only administrators reactivate accounts.');
  return person.deactivatedAt ? ALLOWED : refuse(UserErrorCode.ALREADY_DONE, 'This account is active.');
}
