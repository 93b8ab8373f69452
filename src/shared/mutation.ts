import type { Context } from './context.js';
import { Loaders } from './loaders.js';
import { OptimisticLockError, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { UserError, UserErrorCode, UserErrors, userError } from './user-errors.js';

@ObjectType({ description: 'What every mutation returns: the changed object(s), and the expected failures.' })
export abstract class Payload {
  @Field(() => [UserError], { description: 'Why the mutation changed nothing; empty on success. With any user error the whole mutation is rolled back.' })
  userErrors: UserError[] = [];
}

/**
 * Runs a mutation's work in one transaction, with a context whose EntityManager and loaders are
 * bound to it, so every read the work makes sees (and waits on) nothing outside the transaction.
 * Expected failures (UserErrors) roll everything back and come back as the payload's `userErrors`;
 * anything else propagates as a top-level error.
 */
export async function runMutation<P extends Payload>(
  ctx: Context,
  payload: new () => P,
  work: (tx: Context) => Promise<Partial<P>>,
): Promise<P> {
  try {
    const result = await ctx.em.transactional((em) => work({ ...ctx, em, loaders: new Loaders(em) }));
    await ctx.afterCommit?.();
    return Object.assign(new payload(), result, { userErrors: [] });
  } catch (error) {
    ctx.em.clear();
    const errors = expectedFailure(error);
    if (!errors) throw error;
    return Object.assign(new payload(), { userErrors: errors });
  }
}

/**
 * Flushes a write that numbers or keys a row from what it read (a revision's number, a report's
 * period). Two requests that read the same state both try to insert the same key, and the database
 * lets the first win: the loser of `constraint` is told `lost`, what it would have heard a moment
 * later, rather than a bare DUPLICATE.
 */
export async function flushFirstWins(em: EntityManager, constraint: string, lost: UserError): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && (error as { constraint?: string }).constraint === constraint) throw new UserErrors([lost]);
    throw error;
  }
}

function expectedFailure(error: unknown): UserError[] | null {
  if (error instanceof UserErrors) return error.errors;
  if (error instanceof OptimisticLockError) {
    return [userError(UserErrorCode.CONFLICT, undefined, 'Someone else changed this record at the same time; reload it and try again.')];
  }
  if (error instanceof UniqueConstraintViolationException) {
    return [userError(UserErrorCode.DUPLICATE, undefined, 'A record with the same unique values already exists.')];
  }
  return null;
}
