import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, hasRole, staffCovers } from '../../shared/auth.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { decodeId } from '../../shared/node-id.js';
import { requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { OrganizationMove } from './organization-move.entity.js';
import { creditCodeProblem } from './credit-code.js';
import { Organization, OrganizationKind } from './organization.entity.js';
import type { CreateOrganizationInput, MoveOrganizationInput, OrganizationFieldsInput, UpdateOrganizationInput } from './organization.inputs.js';
import { canEditOrganization, canManageOrganizations, canSeeOrganization } from './organization.permissions.js';

const CREDIT_CODE_MESSAGES = {
  LENGTH: 'A unified social credit code has exactly 18 characters.',
  CHARACTERS: 'A unified social credit code uses digits and the capitals A–Y except I, O, S, V and Z, with digits in positions 3–8.',
  CHECK_CHARACTER: 'The last character of this credit code does not match the other 17: check it for a typing mistake.',
};

/** Normalises and validates the given fields against the organisation as it will be. */
function checkFields(input: OrganizationFieldsInput, merged: { kind: OrganizationKind; creditCode: string | null }, checks: Checks) {
  if (input.name !== undefined) checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.title);
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
  if (input.name !== undefined) organization.name = input.name.trim();
  if (input.kind !== undefined) organization.kind = input.kind;
  if (creditCode !== undefined) organization.creditCode = creditCode;
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

/** The place of an address: a district, street or community (an address is never just a province or city). */
async function addressPlace(em: EntityManager, globalId: string): Promise<Place> {
  const id = decodeId(globalId, 'Place');
  const place = id ? await em.findOne(Place, { id }) : null;
  if (!place) fail(UserErrorCode.NOT_FOUND, 'input.placeId', 'No place has that ID.');
  if (!place.district) fail(UserErrorCode.INVALID_PLACE, 'input.placeId', `${place.name} is above district level: name the district, street or community.`);
  return place;
}

/** A park the viewer works for (as staff), or a user error at `field`. */
async function parkOfViewer(ctx: Context, globalId: string, field: string): Promise<Park> {
  const id = decodeId(globalId, 'Park');
  const park = id ? await ctx.em.findOne(Park, { id }) : null;
  if (!park) fail(UserErrorCode.NOT_FOUND, field, 'No park has that ID.');
  if (!staffCovers(ctx.viewer, { parkId: park.id, districtId: park.district.id })) fail(UserErrorCode.OUTSIDE_WORKPLACE, field, `You do not work for ${park.name}.`);
  return park;
}

export async function createOrganization(ctx: Context, input: CreateOrganizationInput) {
  const { em } = ctx;
  const viewer = requireAllowed(ctx.viewer, canManageOrganizations, 'register organisations');
  const creditCode = normalisedCreditCode(input.creditCode) ?? null;
  const checks = new Checks();
  checkFields(input, { kind: input.kind, creditCode }, checks);
  checks.throwIfAny();
  const place = await addressPlace(em, input.placeId);
  // Park staff register the organisations their park coaches; with one park, in its district, that is where it goes.
  const onlyPark = !hasRole(viewer, Role.ADMIN) && !viewer.districtIds.length && viewer.parkIds.length === 1 ? await em.findOneOrFail(Park, { id: viewer.parkIds[0] }) : null;
  const park = input.parkId ? await parkOfViewer(ctx, input.parkId, 'input.parkId') : onlyPark?.district.id === place.district!.id ? onlyPark : null;
  const organization = new Organization();
  assign(organization, input, creditCode);
  organization.place = ref(place);
  organization.district = ref(Place, place.district!.id);
  organization.park = park ? ref(park) : null;
  if (!canEditOrganization(viewer, organization)) {
    fail(UserErrorCode.OUTSIDE_WORKPLACE, park ? 'input.parkId' : 'input.placeId', 'Register it in a park you work for, or in a district you oversee.');
  }
  await checkUnique(em, checks, organization);
  checks.throwIfAny();
  em.persist(organization);
  if (park) em.create(OrganizationMove, { organization, fromPark: null, toPark: park, movedBy: ref(Person, viewer.id), reason: null, createdAt: ctx.now });
  await em.flush();
  return { organization };
}

/** The organisation with that ID, if the viewer may edit it (else NOT_FOUND or a refusal, as user errors). */
async function organizationToEdit(ctx: Context, globalId: string): Promise<Organization> {
  const id = decodeId(globalId, 'Organization');
  const organization = id ? await ctx.em.findOne(Organization, { id }) : null;
  if (!organization || !(await canSeeOrganization(ctx, organization))) fail(UserErrorCode.NOT_FOUND, 'input.organizationId', 'No organisation you can see has that ID.');
  if (!canEditOrganization(ctx.viewer, organization)) fail(UserErrorCode.WRONG_ROLE, 'input.organizationId', 'Only the staff of its park or district change an organisation.');
  return organization;
}

export async function updateOrganization(ctx: Context, input: UpdateOrganizationInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManageOrganizations, 'edit organisations');
  const organization = await organizationToEdit(ctx, input.organizationId);
  const creditCode = normalisedCreditCode(input.creditCode);
  const checks = new Checks();
  if (input.kind === null) checks.check(false, UserErrorCode.REQUIRED, 'input.kind', 'Kind cannot be cleared.');
  checkFields(input, { kind: input.kind ?? organization.kind, creditCode: creditCode === undefined ? organization.creditCode ?? null : creditCode }, checks);
  checks.throwIfAny();
  if (input.placeId != null) {
    const place = await addressPlace(em, input.placeId);
    if (place.district!.id !== organization.district.id) fail(UserErrorCode.INVALID_PLACE, 'input.placeId', 'An organisation moves to another district by being registered there; choose a place in its district.');
    organization.place = ref(place);
  }
  assign(organization, input, creditCode);
  await checkUnique(em, checks, organization);
  checks.throwIfAny();
  await em.flush();
  return { organization };
}

/**
 * Hands an organisation to another park of its district (or takes it out of any park). The move is
 * kept; its projects keep the park that coached them, so that park still sees them.
 */
export async function moveOrganization(ctx: Context, input: MoveOrganizationInput) {
  const { em } = ctx;
  const viewer = requireAllowed(ctx.viewer, canManageOrganizations, 'move organisations');
  const organization = await organizationToEdit(ctx, input.organizationId);
  const checks = new Checks();
  if (input.reason != null) checks.text(input.reason, 'input.reason', 'Reason', MAX_LENGTH.reason, false);
  checks.throwIfAny();
  let park: Park | null = null;
  if (input.parkId) {
    const id = decodeId(input.parkId, 'Park');
    park = id ? await em.findOne(Park, { id }) : null;
    if (!park) fail(UserErrorCode.NOT_FOUND, 'input.parkId', 'No park has that ID.');
    if (park.district.id !== organization.district.id && !staffCovers(viewer, { parkId: park.id, districtId: park.district.id })) {
      fail(UserErrorCode.OUTSIDE_WORKPLACE, 'input.parkId', `${park.name} is in another district; its staff or an administrator take the organisation over.`);
    }
  }
  if ((organization.park?.id ?? null) === (park?.id ?? null)) fail(UserErrorCode.ALREADY_DONE, 'input.parkId', park ? `${park.name} already coaches it.` : 'No park coaches it.');
  em.create(OrganizationMove, {
    organization, fromPark: organization.park ?? null, toPark: park, movedBy: ref(Person, viewer.id), reason: input.reason?.trim() || null, createdAt: ctx.now,
  });
  organization.park = park ? ref(park) : null;
  await em.flush();
  return { organization };
}
