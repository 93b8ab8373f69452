import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import { Project } from '../projects/project.entity.js';
import type { FollowUp } from './follow-up.entity.js';
import { canCloseFollowUp } from './supervision.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class FollowUpViewerCan extends ViewerCan<FollowUp> {
  @Field(() => Boolean, { description: '`closeFollowUp`.' })
  async close() {
    const project = await this.ctx.loaders.byId(Project).load(this.target.project.id);
    return (await canCloseFollowUp(this.ctx, project!, this.target)).allowed;
  }
}
