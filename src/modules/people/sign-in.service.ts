import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { requireViewer, signToken } from '../../shared/auth.js';
import { decodeId } from '../../shared/node-id.js';
import { runMutation } from '../../shared/mutation.js';
import { enforce, requireAllowed } from '../../shared/permission.js';
import { UserErrorCode, fail, userError } from '../../shared/user-errors.js';
import { AuthSession } from './auth-session.entity.js';
import { countSignInAttempt, forgetSignInAttempt, forgetStaleSignIns } from './login-throttle.js';
import { passwordProblem } from './password-policy.js';
import { UNKNOWN_PERSON_HASH, hashPassword, verifyPassword } from './password.js';
import { Person } from './person.entity.js';
import { canDeactivate, canManageAccounts, canReactivate } from './person.permissions.js';
import type { ChangePasswordInput, LoginInput, PersonIdInput, ResetPasswordInput } from './person.inputs.js';
import { LoginPayload } from './person.types.js';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** One sign-in in this many also clears out stale throttle counters and long-ended sessions. */
const CLEANUP_EVERY = 200;

/**
 * Runs a step that checks someone's password under the sign-in throttle: the attempt is counted
 * first, outside the step's transaction, so a failure is remembered although the step rolls back.
 */
async function throttled(ctx: Context, email: string, step: (tx: Context) => Promise<Partial<LoginPayload>>): Promise<LoginPayload> {
  if (Math.random() < 1 / CLEANUP_EVERY) await forgetStaleSignIns(ctx.em, ctx.auth.throttle);
  const wait = await countSignInAttempt(ctx.em, ctx.auth.throttle, email, ctx.clientAddress);
  if (wait !== null) {
    const message = `Too many sign-in attempts: try again in ${wait} seconds.`;
    return Object.assign(new LoginPayload(), { retryAfterSeconds: wait, userErrors: [userError(UserErrorCode.TOO_MANY_ATTEMPTS, undefined, message)] });
  }
  const payload = await runMutation(ctx, LoginPayload, step);
  if (!payload.userErrors.some((e) => e.code === UserErrorCode.INVALID_CREDENTIALS)) {
    await forgetSignInAttempt(ctx.em, ctx.auth.throttle, email, ctx.clientAddress);
  }
  return payload;
}

/** A new session for `person` and the token that names it. */
function openSession(ctx: Context, person: Person) {
  const session = ctx.em.create(AuthSession, { person: ref(person), expiresAt: new Date(ctx.now.getTime() + ctx.auth.ttlSeconds * 1000) });
  const { token, expiresAt } = signToken(ctx.auth.secret, person.id, session.id, ctx.auth.ttlSeconds, ctx.now.getTime());
  return { token, expiresAt, viewer: person };
}

/** Ends every open session of a person (all their tokens), returning how many were open. */
export async function endSessions(em: EntityManager, personId: string, now: Date): Promise<number> {
  return em.nativeUpdate(AuthSession, { person: personId, revokedAt: null }, { revokedAt: now });
}

export function login(ctx: Context, input: LoginInput): Promise<LoginPayload> {
  const email = normaliseEmail(input.email);
  return throttled(ctx, email, async (tx) => {
    const person = await tx.em.findOne(Person, { email }, { populate: ['passwordHash'] });
    // Unknown email and wrong password take the same path and give the same answer.
    const ok = await verifyPassword(input.password.slice(0, 1000), person?.passwordHash ?? UNKNOWN_PERSON_HASH);
    if (!person || !ok) fail(UserErrorCode.INVALID_CREDENTIALS, undefined, 'That email and password do not match an account.');
    if (person.deactivatedAt) fail(UserErrorCode.ACCOUNT_DEACTIVATED, undefined, 'This account has been deactivated: ask an administrator.');
    const session = openSession(tx, person);
    await tx.em.flush();
    return session;
  });
}

/** Ends the session of the token this request was sent with. */
export async function logout(ctx: Context) {
  const viewer = requireViewer(ctx.viewer);
  const ended = await ctx.em.nativeUpdate(AuthSession, { id: viewer.sessionId, revokedAt: null }, { revokedAt: ctx.now });
  return { endedSessions: ended };
}

/** Ends every session of the signed-in person, on every device. */
export async function logoutEverywhere(ctx: Context) {
  const viewer = requireViewer(ctx.viewer);
  return { endedSessions: await endSessions(ctx.em, viewer.id, ctx.now) };
}

/** The signed-in person changes their password with the current one; every earlier token ends and a new one is returned. */
export async function changePassword(ctx: Context, input: ChangePasswordInput): Promise<LoginPayload> {
  const viewer = requireViewer(ctx.viewer);
  const me = await ctx.em.findOneOrFail(Person, { id: viewer.id });
  return throttled(ctx, me.email, async (tx) => {
    const person = await tx.em.findOneOrFail(Person, { id: viewer.id }, { populate: ['passwordHash'] });
    if (!(await verifyPassword(input.currentPassword.slice(0, 1000), person.passwordHash))) {
      fail(UserErrorCode.INVALID_CREDENTIALS, 'input.currentPassword', 'The current password is not right.');
    }
    await setPassword(tx.em, person, input.newPassword, 'input.newPassword', tx.now);
    const session = openSession(tx, person);
    await tx.em.flush();
    return session;
  });
}

/** An administrator sets a new password for someone; all their sessions end. */
export async function resetPassword(ctx: Context, input: ResetPasswordInput) {
  requireAllowed(ctx.viewer, canManageAccounts, 'reset passwords');
  const person = await personForAdmin(ctx, input.personId);
  await setPassword(ctx.em, person, input.newPassword, 'input.newPassword', ctx.now);
  await ctx.em.flush();
  return { person };
}

/** Deactivation keeps the person and their history; sign-in is refused and every session ends. */
export async function setPersonActive(ctx: Context, input: PersonIdInput, active: boolean) {
  const viewer = requireAllowed(ctx.viewer, canManageAccounts, active ? 'reactivate people' : 'deactivate people');
  const person = await personForAdmin(ctx, input.personId);
  enforce((active ? canReactivate : canDeactivate)(viewer, person), 'input.personId');
  person.deactivatedAt = active ? null : ctx.now;
  if (!active) await endSessions(ctx.em, person.id, ctx.now);
  await ctx.em.flush();
  return { person };
}

async function personForAdmin(ctx: Context, globalId: string): Promise<Person> {
  const id = decodeId(globalId, 'Person');
  const person = id ? await ctx.em.findOne(Person, { id }, { populate: ['passwordHash'] }) : null;
  if (!person) fail(UserErrorCode.NOT_FOUND, 'input.personId', 'No person has that ID.');
  return person;
}

async function setPassword(em: EntityManager, person: Person, password: string, field: string, now: Date) {
  const problem = passwordProblem(password, [person.email, person.name]);
  if (problem) fail(UserErrorCode.WEAK_PASSWORD, field, problem);
  person.passwordHash = await hashPassword(password);
  await endSessions(em, person.id, now);
}
