import type { Context } from '../app/context.js';
import { Loaders } from './loaders.js';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { UserError, UserErrorCode, UserErrors, userError } from './user-errors.js';

@ObjectType()
export abstract class Payload {
  @Field(() => [UserError], { description: 'Why the mutation changed nothing; empty on success.' })
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
    return Object.assign(new payload(), result, { userErrors: [] });
  } catch (error) {
    ctx.em.clear();
    const errors = expectedFailure(error);
    if (!errors) throw error;
    return Object.assign(new payload(), { userErrors: errors });
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
