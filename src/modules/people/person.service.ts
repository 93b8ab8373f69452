import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role } from '../../shared/auth.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { decodeId } from '../../shared/node-id.js';
import { requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from './person.entity.js';
import { canManageAccounts } from './person.permissions.js';
import type { CreatePersonInput, SetPersonRolesInput } from './person.inputs.js';
import { hashPassword } from './password.js';
import { passwordProblem } from './password-policy.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates roles and the organisation (given, or kept from before); an applicant needs one. */
async function checkRoles(em: EntityManager, checks: Checks, roles: Role[], organizationGlobalId: string | null | undefined, current: Organization | null = null) {
  // Each role at most once, so never more entries than there are roles.
  checks.list(roles, 'input.roles', { label: 'roles', max: Object.values(Role).length, required: 'Give at least one role.', key: (role) => role });
  let organization = current;
  if (organizationGlobalId) {
    const organizationId = decodeId(organizationGlobalId, 'Organization');
    organization = organizationId ? await em.findOne(Organization, { id: organizationId }) : null;
    checks.check(!!organization, UserErrorCode.NOT_FOUND, 'input.organizationId', 'No organisation has that ID.');
  } else if (!roles.includes(Role.APPLICANT)) {
    organization = null;
  }
  if (!organizationGlobalId || organization) {
    checks.check(!roles.includes(Role.APPLICANT) || !!organization, UserErrorCode.REQUIRED, 'input.organizationId', 'An applicant must belong to an organisation: give organizationId.');
  }
  return organization;
}

export async function createPerson(ctx: Context, input: CreatePersonInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManageAccounts, 'create people');
  const checks = new Checks();
  const email = input.email.trim().toLowerCase();
  checks.check(EMAIL.test(email) && email.length <= 254, UserErrorCode.INVALID_FORMAT, 'input.email', 'Give a valid email address, e.g. name@example.org.');
  checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.name);
  const weak = passwordProblem(input.password, [email, input.name]);
  checks.check(!weak, UserErrorCode.WEAK_PASSWORD, 'input.password', weak ?? '');
  const organization = await checkRoles(em, checks, input.roles, input.organizationId);
  if (checks.ok && (await em.count(Person, { email }))) {
    checks.check(false, UserErrorCode.DUPLICATE, 'input.email', 'Someone already has that email address.');
  }
  checks.throwIfAny();
  const person = em.create(Person, {
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    roles: input.roles,
    organization: organization ? ref(organization) : null,
    createdAt: ctx.now,
  });
  await em.flush();
  return { person };
}

export async function setPersonRoles(ctx: Context, input: SetPersonRolesInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManageAccounts, 'assign roles');
  const id = decodeId(input.personId, 'Person');
  const person = id ? await em.findOne(Person, { id }) : null;
  if (!person) fail(UserErrorCode.NOT_FOUND, 'input.personId', 'No person has that ID.');
  const checks = new Checks();
  const current = person.organization ? await person.organization.load() : null;
  const organization = await checkRoles(em, checks, input.roles, input.organizationId, current);
  checks.throwIfAny();
  person.roles = input.roles;
  person.organization = organization ? ref(organization) : null;
  await em.flush();
  return { person };
}
