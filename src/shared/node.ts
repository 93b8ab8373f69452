import { Field, ID, InterfaceType } from 'type-graphql';

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
