import type { Context } from '../../shared/context.js';
import { requireViewer } from '../../shared/auth.js';
import { ascending, findPage, listOrder, type PageArgs } from '../../shared/connection.js';
import { forbidden } from '../../shared/errors.js';
import { findVisible } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { PEOPLE_BY_NAME } from '../people/person.queries.js';
import { Organization } from './organization.entity.js';
import { canSeeMembers, canSeeOrganization, visibleOrganizationsFilter } from './organization.permissions.js';

export function getOrganization(ctx: Context, globalId: string): Promise<Organization> {
  return findVisible(ctx, Organization, globalId, (organization) => canSeeOrganization(ctx, organization));
}

const ORGANIZATIONS_BY_NAME = listOrder('organizations:NAME', ascending('name', 'text', { unique: true }));

export function listOrganizations(ctx: Context, args: PageArgs) {
  const viewer = requireViewer(ctx.viewer);
  return findPage(ctx.em, Organization, visibleOrganizationsFilter(viewer), ORGANIZATIONS_BY_NAME, args);
}

export function listMembers(ctx: Context, organization: Organization, args: PageArgs) {
  if (!canSeeMembers(ctx.viewer, organization)) throw forbidden('see this organisation’s members');
  return findPage(ctx.em, Person, { organization: organization.id }, PEOPLE_BY_NAME, args);
}
