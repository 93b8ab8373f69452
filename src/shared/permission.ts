import type { Context } from './context.js';
import { requireViewer, type Viewer } from './auth.js';
import { forbidden } from './errors.js';
import { UserErrors, userError, type UserErrorCode } from './user-errors.js';

/**
 * Whether the viewer may take an action on an object now and, when not, why. One function per
 * mutation answers it (in the module's `*.permissions.ts`, or the transitions table for status
 * steps): the mutation enforces the answer and the object's `viewerCan` flag reports it, so what a
 * client is offered is what the server accepts.
 */
export type Verdict = { allowed: true } | { allowed: false; code: UserErrorCode; message: string; field?: string };

export const ALLOWED: Verdict = { allowed: true };

/** A refusal; `field` names the input at fault when it is not the object's ID. */
export const refuse = (code: UserErrorCode, message: string, field?: string): Verdict => ({ allowed: false, code, message, field });

/** The first refusal, or ALLOWED: checks in the order a mutation makes them. */
export const firstRefusal = (...verdicts: Verdict[]): Verdict => verdicts.find((v) => !v.allowed) ?? ALLOWED;

/** In a mutation: a refusal becomes its user error, at the verdict's own field or else at `field`. */
export function enforce(verdict: Verdict, field?: string): void {
  if (!verdict.allowed) throw new UserErrors([userError(verdict.code, verdict.field ?? field, verdict.message)]);
}

/**
 * For a rule on the viewer's roles alone, before anything is looked up: FORBIDDEN (UNAUTHENTICATED
 * without a viewer) rather than a user error, so the answer reveals nothing about the object.
 */
export function requireAllowed(viewer: Viewer | null, rule: (viewer: Viewer) => boolean, what: string): Viewer {
  const signedIn = requireViewer(viewer);
  if (!rule(signedIn)) throw forbidden(what);
  return signedIn;
}

/** For a `viewerCan` flag. */
export const allows = async (verdict: Verdict | Promise<Verdict>): Promise<boolean> => (await verdict).allowed;

export const VIEWER_CAN =
  'What the viewer may do with this object now, one flag per mutation that acts on it: each flag is the check its mutation makes, so true means the mutation will be accepted given valid input.';

/** The options of every `viewerCan` field. */
export const VIEWER_CAN_FIELD = { description: 'What the viewer may do with this object now: each flag is the check its mutation makes.' };

/**
 * The object behind a `viewerCan` field: one method per flag, each asking its mutation's permission
 * function, so a query computes only the flags it selects, through the request's loaders.
 */
export abstract class ViewerCan<T> {
  constructor(
    protected readonly ctx: Context,
    protected readonly target: T,
  ) {}
}
