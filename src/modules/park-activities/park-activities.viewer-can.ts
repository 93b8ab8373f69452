import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import { activityScope, canRegister, canRunActivities } from './park-activities.permissions.js';
import type { ParkActivity } from './park-activity.entity.js';

@ObjectType({ description: VIEWER_CAN })
export class ParkActivityViewerCan extends ViewerCan<ParkActivity> {
  @Field(() => Boolean, { description: '`registerForActivity` for yourself.' })
  async register() {
    return (await canRegister(this.ctx, this.target, false)).allowed;
  }

  @Field(() => Boolean, { description: '`registerForActivity` for others and guests, `checkIn`, `recordHeadcount`, and reading registrations: the park’s staff.' })
  run() {
    return canRunActivities(this.ctx.viewer, activityScope(this.target));
  }
}
