import { Field, ID, InterfaceType } from 'type-graphql';
import type { Context } from './context.js';
import { requireViewer } from './auth.js';
import { notFound } from './errors.js';
import { decodeId } from './node-id.js';

/**
 * Every object clients can refetch by ID. Entity classes carry the GraphQL type of the same name,
 * so the runtime class names the type; `id` is turned into a global ID once, in the schema build.
 */
@InterfaceType({
  description: 'An object with an opaque global ID that `node(id:)` can fetch again.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;
}

/**
 * The object of `entity`'s type with this global ID, if `visible` (its type's rule) lets the viewer
 * see it; otherwise NOT_FOUND, so a hidden object cannot be told from a missing one. Lookups by ID
 * and `node(id:)` all answer through it.
 */
export async function findVisible<T extends { id: string }>(
  ctx: Context,
  entity: { new (...args: never[]): T; name: string },
  globalId: string,
  visible: (found: T) => boolean | Promise<boolean>,
): Promise<T> {
  requireViewer(ctx.viewer);
  const id = decodeId(globalId, entity.name);
  const found = id ? await ctx.loaders.byId(entity).load(id) : null;
  if (!found || !(await visible(found))) throw notFound(entity.name);
  return found;
}
