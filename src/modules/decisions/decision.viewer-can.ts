import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import { Project } from '../projects/project.entity.js';
import type { DecisionCondition } from './decision-condition.entity.js';
import { Decision } from './decision.entity.js';
import { canMeetCondition } from './decision.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class DecisionConditionViewerCan extends ViewerCan<DecisionCondition> {
  @Field(() => Boolean, { description: '`markConditionMet`.' })
  async meet() {
    const decision = await this.ctx.loaders.byId(Decision).load(this.target.decision.id);
    const project = await this.ctx.loaders.byId(Project).load(decision!.project.id);
    return canMeetCondition(this.ctx.viewer, this.target, project!).allowed;
  }
}
