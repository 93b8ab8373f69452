import { oversees, staffCovers, type Viewer } from '../../shared/auth.js';
import type { Park } from '../places/park.entity.js';

/** A park's funnel: its staff, its district's staff and administrators (the staff whose work covers the park). */
export const canSeeParkFunnel = (viewer: Viewer, park: Park) => staffCovers(viewer, { parkId: park.id, districtId: park.district.id });

/** A district's roll-up, every park of it side by side: the district's staff and administrators. */
export const canSeeDistrictRollup = (viewer: Viewer, districtId: string) => oversees(viewer, districtId);
