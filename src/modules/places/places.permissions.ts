import { Role, hasRole, oversees, type Viewer } from '../../shared/auth.js';

/** Administrators build the tree of places: it is shared by every district. */
export const canManagePlaces = (viewer: Viewer | null) => hasRole(viewer, Role.ADMIN);

/** A district's staff open its parks and say who works where within it; administrators anywhere. */
export const canManageDistrict = (viewer: Viewer | null, districtId: string) => oversees(viewer, districtId);

/** Who may see where a person works: the person, and staff. */
export const canSeeWorkplaces = (viewer: Viewer | null, personId: string) => !!viewer && (viewer.id === personId || hasRole(viewer, Role.ADMIN, Role.STAFF));
