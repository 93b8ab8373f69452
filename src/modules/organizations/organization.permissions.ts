import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, STAFF_COVERS_SQL, hasRole, isStaff, staffCovers, workplaceArrays, type Scope, type Viewer } from '../../shared/auth.js';
import type { Organization } from './organization.entity.js';

/** Where an organisation belongs: the park coaching it now and its district. */
export const organizationScope = (organization: Organization): Scope => ({ parkId: organization.park?.id ?? null, districtId: organization.district.id });

/**
 * Who sees which organisations, for lists and lookups alike: administrators all; staff those their
 * parks or districts cover, and those with a project their parks coached (a project keeps its park
 * when its organisation moves on); applicants their own; mentors those whose projects they mentor.
 */
export function visibleOrganizationsFilter(viewer: Viewer): FilterQuery<Organization> {
  if (hasRole(viewer, Role.ADMIN)) return {};
  const scopes: FilterQuery<Organization>[] = [];
  if (viewer.organizationId) scopes.push({ id: viewer.organizationId });
  if (hasRole(viewer, Role.STAFF) && (viewer.parkIds.length || viewer.districtIds.length)) {
    scopes.push({ park: { $in: viewer.parkIds } }, { district: { $in: viewer.districtIds } });
    scopes.push({ id: { $in: raw(`(select organization_id from project where ${STAFF_COVERS_SQL})`, workplaceArrays(viewer)) } });
  }
  if (hasRole(viewer, Role.MENTOR)) {
    scopes.push({ id: { $in: raw('(select j.organization_id from project_mentor m join project j on j.id = m.project_id where m.mentor_id = ?)', [viewer.id]) } });
  }
  return scopes.length ? { $or: scopes } : { id: { $in: [] } };
}

/** The parks and districts of the projects of each organisation resolved in the request, in one statement. */
function projectScopesOf(ctx: Context, organizationId: string): Promise<Scope[]> {
  return ctx.loaders
    .keyed('projectScopesByOrganization', async (organizationIds, em) => {
      const rows: { organization_id: string; park_id: string | null; district_id: string | null }[] = await em.execute(
        'select distinct organization_id, park_id, district_id from project where organization_id in (?)',
        [[...organizationIds]],
      );
      return organizationIds.map((id) => rows.filter((row) => row.organization_id === id).map((row) => ({ parkId: row.park_id, districtId: row.district_id })));
    })
    .load(organizationId);
}

/** The mentors of each organisation's projects, in one statement per request. */
function mentorsOf(ctx: Context, organizationId: string): Promise<string[]> {
  return ctx.loaders
    .keyed('mentorsByOrganization', async (organizationIds, em) => {
      const rows: { organization_id: string; mentor_id: string }[] = await em.execute(
        'select distinct j.organization_id, m.mentor_id from project_mentor m join project j on j.id = m.project_id where j.organization_id in (?)',
        [[...organizationIds]],
      );
      return organizationIds.map((id) => rows.filter((row) => row.organization_id === id).map((row) => row.mentor_id));
    })
    .load(organizationId);
}

/** The rule of visibleOrganizationsFilter, for one organisation. */
export async function canSeeOrganization(ctx: Context, organization: Organization): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.organizationId === organization.id || staffCovers(viewer, organizationScope(organization))) return true;
  if (hasRole(viewer, Role.STAFF) && (await projectScopesOf(ctx, organization.id)).some((scope) => staffCovers(viewer, scope))) return true;
  return hasRole(viewer, Role.MENTOR) && (await mentorsOf(ctx, organization.id)).includes(viewer.id);
}

/** Staff register organisations (in a park or district they work for, see createOrganization). */
export const canManageOrganizations = (viewer: Viewer | null) => isStaff(viewer);

/** The staff over an organisation correct its details and move it between parks. */
export const canEditOrganization = (viewer: Viewer | null, organization: Organization) => staffCovers(viewer, organizationScope(organization));

/** Members' names and contacts: the staff over the organisation, and its own members. */
export const canSeeMembers = (viewer: Viewer | null, organization: Organization) =>
  canEditOrganization(viewer, organization) || (!!viewer && viewer.organizationId === organization.id);
