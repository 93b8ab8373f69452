import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import type { Person } from './person.entity.js';
import { canDeactivate, canManageAccounts, canReactivate } from './person.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class PersonViewerCan extends ViewerCan<Person> {
  @Field(() => Boolean, { description: '`setPersonRoles`.' })
  setRoles() {
    return canManageAccounts(this.ctx.viewer);
  }

  @Field(() => Boolean, { description: '`resetPassword`.' })
  resetPassword() {
    return canManageAccounts(this.ctx.viewer);
  }

  @Field(() => Boolean, { description: '`deactivatePerson`.' })
  deactivate() {
    return canDeactivate(this.ctx.viewer, this.target).allowed;
  }

  @Field(() => Boolean, { description: '`reactivatePerson`.' })
  reactivate() {
    return canReactivate(this.ctx.viewer, this.target).allowed;
  }
}
