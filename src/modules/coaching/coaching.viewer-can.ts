import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import { Project } from '../projects/project.entity.js';
import type { ActionItem } from './action-item.entity.js';
import { canSetActionItemDone } from './coaching.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class ActionItemViewerCan extends ViewerCan<ActionItem> {
  @Field(() => Boolean, { description: '`setActionItemDone` with `done: true`.' })
  complete() {
    return this.setDone(true);
  }

  @Field(() => Boolean, { description: '`setActionItemDone` with `done: false`.' })
  reopen() {
    return this.setDone(false);
  }

  private async setDone(done: boolean) {
    const project = await this.ctx.loaders.byId(Project).load(this.target.project.id);
    return (await canSetActionItemDone(this.ctx, project!, this.target, done)).allowed;
  }
}
