import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import type { Organization } from './organization.entity.js';
import { canEditOrganization } from './organization.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class OrganizationViewerCan extends ViewerCan<Organization> {
  @Field(() => Boolean, { description: '`updateOrganization`.' })
  update() {
    return canEditOrganization(this.ctx.viewer, this.target);
  }

  @Field(() => Boolean, { description: '`moveOrganization` (to a park of its district).' })
  move() {
    return canEditOrganization(this.ctx.viewer, this.target);
  }
}
