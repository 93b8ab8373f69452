import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { isStaff, requireViewer } from '../../shared/auth.js';
import { ascending, findPage, listOrder, type PageArgs } from '../../shared/connection.js';
import { forbidden } from '../../shared/errors.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { findVisible } from '../../shared/node.js';
import { decodeId } from '../../shared/node-id.js';
import { requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { Person } from '../people/person.entity.js';
import { PEOPLE_BY_NAME } from '../people/person.service.js';
import { ProjectMentor } from '../projects/project-mentor.entity.js';
import { creditCodeProblem } from './credit-code.js';
import { Organization, OrganizationKind } from './organization.entity.js';
import type { CreateOrganizationInput, OrganizationFieldsInput, UpdateOrganizationInput } from './organization.inputs.js';
import { canManageOrganizations, canSeeMembers, canSeeOrganization } from './organization.permissions.js';

const CREDIT_CODE_MESSAGES = {
  LENGTH: 'A unified social credit code has exactly 18 characters.',
  CHARACTERS: 'A unified social credit code uses digits and the capitals A–Y except I, O, S, V and Z, with digits in positions 3–8.',
  CHECK_CHARACTER: 'The last character of this credit code does not match the other 17: check it for a typing mistake.',
};

export function getOrganization(ctx: Context, globalId: string): Promise<Organization> {
  return findVisible(ctx, Organization, globalId, (organization) => canSeeOrganization(ctx, organization.id));
}

const ORGANIZATIONS_BY_NAME = listOrder('organizations:NAME', ascending('name', 'text', { unique: true }));

export async function listOrganizations(ctx: Context, args: PageArgs) {
  const viewer = requireViewer(ctx.viewer);
  let where: FilterQuery<Organization> = {};
  if (!isStaff(viewer)) {
    const mentored = await ctx.em.find(ProjectMentor, { mentor: viewer.id }, { populate: ['project'] });
    const ids = new Set(mentored.map((row) => row.project.getEntity().organization.id));
    if (viewer.organizationId) ids.add(viewer.organizationId);
    where = { id: { $in: [...ids] } };
  }
  return findPage(ctx.em, Organization, where, ORGANIZATIONS_BY_NAME, args);
}

export function listMembers(ctx: Context, organization: Organization, args: PageArgs) {
  if (!canSeeMembers(ctx.viewer, organization.id)) throw forbidden('see this organisation’s members');
  return findPage(ctx.em, Person, { organization: organization.id }, PEOPLE_BY_NAME, args);
}

/** Normalises and validates the given fields against the organisation as it will be. */
function checkFields(input: OrganizationFieldsInput, merged: { kind: OrganizationKind; creditCode: string | null }, checks: Checks) {
  if (input.name !== undefined) checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.title);
  if (input.district !== undefined) checks.text(input.district, 'input.district', 'District', MAX_LENGTH.place);
  if (input.street) checks.text(input.street, 'input.street', 'Street', MAX_LENGTH.place);
  if (input.community) checks.text(input.community, 'input.community', 'Community', MAX_LENGTH.place);
  if (input.contactName !== undefined) checks.text(input.contactName, 'input.contactName', 'Contact name', MAX_LENGTH.name);
  if (input.contactPhone !== undefined && checks.text(input.contactPhone, 'input.contactPhone', 'Contact phone', MAX_LENGTH.phone)) {
    checks.check(/^[0-9+\-() ]{5,30}$/.test(input.contactPhone.trim()), UserErrorCode.INVALID_FORMAT, 'input.contactPhone', 'A phone number uses digits, spaces and + - ( ) only.');
  }
  if (merged.creditCode) {
    const problem = creditCodeProblem(merged.creditCode);
    checks.check(!problem, UserErrorCode.INVALID_CREDIT_CODE, 'input.creditCode', problem ? CREDIT_CODE_MESSAGES[problem] : '');
  } else {
    checks.check(merged.kind === OrganizationKind.RESIDENT_GROUP, UserErrorCode.CREDIT_CODE_REQUIRED, 'input.creditCode',
      'A registered organisation needs its unified social credit code; only resident groups may leave it out.');
  }
}

function normalisedCreditCode(code: string | null | undefined): string | null | undefined {
  return code === undefined ? undefined : code?.trim().toUpperCase() || null;
}

function assign(organization: Organization, input: OrganizationFieldsInput, creditCode: string | null | undefined) {
  const trim = (value: string | null | undefined) => (value == null ? value : value.trim() || null);
  if (input.name !== undefined) organization.name = input.name.trim();
  if (input.kind !== undefined) organization.kind = input.kind;
  if (creditCode !== undefined) organization.creditCode = creditCode;
  if (input.district !== undefined) organization.district = input.district.trim();
  if (input.street !== undefined) organization.street = trim(input.street);
  if (input.community !== undefined) organization.community = trim(input.community);
  if (input.contactName !== undefined) organization.contactName = input.contactName.trim();
  if (input.contactPhone !== undefined) organization.contactPhone = input.contactPhone.trim();
}

async function checkUnique(em: EntityManager, checks: Checks, organization: Organization) {
  const others = { id: { $ne: organization.id } };
  if (await em.count(Organization, { ...others, name: organization.name })) {
    checks.check(false, UserErrorCode.DUPLICATE, 'input.name', 'Another organisation already has that name.');
  }
  if (organization.creditCode && (await em.count(Organization, { ...others, creditCode: organization.creditCode }))) {
    checks.check(false, UserErrorCode.DUPLICATE, 'input.creditCode', 'Another organisation already has that credit code.');
  }
}

export async function createOrganization(ctx: Context, input: CreateOrganizationInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManageOrganizations, 'register organisations');
  const creditCode = normalisedCreditCode(input.creditCode) ?? null;
  const checks = new Checks();
  checkFields(input, { kind: input.kind, creditCode }, checks);
  checks.throwIfAny();
  const organization = new Organization();
  assign(organization, input, creditCode);
  await checkUnique(em, checks, organization);
  checks.throwIfAny();
  em.persist(organization);
  await em.flush();
  return { organization };
}

export async function updateOrganization(ctx: Context, input: UpdateOrganizationInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManageOrganizations, 'edit organisations');
  const id = decodeId(input.organizationId, 'Organization');
  const organization = id ? await em.findOne(Organization, { id }) : null;
  if (!organization) fail(UserErrorCode.NOT_FOUND, 'input.organizationId', 'No organisation has that ID.');
  const creditCode = normalisedCreditCode(input.creditCode);
  const checks = new Checks();
  if (input.kind === null) checks.check(false, UserErrorCode.REQUIRED, 'input.kind', 'Kind cannot be cleared.');
  checkFields(input, { kind: input.kind ?? organization.kind, creditCode: creditCode === undefined ? organization.creditCode ?? null : creditCode }, checks);
  checks.throwIfAny();
  assign(organization, input, creditCode);
  await checkUnique(em, checks, organization);
  checks.throwIfAny();
  await em.flush();
  return { organization };
}
