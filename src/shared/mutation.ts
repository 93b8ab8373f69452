import type { EntityManager } from '@mikro-orm/postgresql';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { UserError, UserErrorCode, UserErrors, userError } from './user-errors.js';

@ObjectType()
export abstract class Payload {
  @Field(() => [UserError], { description: 'Why the mutation changed nothing; empty on success.' })
  userErrors: UserError[] = [];
}

/**
 * Runs a mutation's work in one transaction. Expected failures (UserErrors) roll everything back
 * and come back as the payload's `userErrors`; anything else propagates as a top-level error.
 */
export async function runMutation<P extends Payload>(
  em: EntityManager,
  payload: new () => P,
  work: (em: EntityManager) => Promise<Partial<P>>,
): Promise<P> {
  try {
    const result = await em.transactional(work);
    return Object.assign(new payload(), result, { userErrors: [] });
  } catch (error) {
    em.clear();
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
