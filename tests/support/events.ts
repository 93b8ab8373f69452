import { expect } from 'vitest';
import type { EventDetailsFieldsFragment } from '../generated/graphql.js';

export type EventDetails = EventDetailsFieldsFragment;
export type DetailsOf<N extends EventDetails['__typename']> = Extract<EventDetails, { __typename: N }>;

/** An event's typed details, asserted to be of the given type and narrowed to it. */
export function detailsAs<N extends EventDetails['__typename']>(details: EventDetails, typename: N): DetailsOf<N> {
  expect(details.__typename).toBe(typename);
  return details as DetailsOf<N>;
}
