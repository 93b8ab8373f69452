import { isStaff, type Viewer } from '../../shared/auth.js';

/** Contact details of a person: themselves, and staff who coordinate everyone. */
export const canSeePersonEmail = (viewer: Viewer | null, personId: string) => !!viewer && (viewer.id === personId || isStaff(viewer));

/** The directory of people: staff assign mentors and evaluators from it. */
export const canListPeople = (viewer: Viewer | null) => isStaff(viewer);
