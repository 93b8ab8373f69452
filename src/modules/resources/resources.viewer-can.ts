import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import { Project } from '../projects/project.entity.js';
import type { ResourceMatch } from './resource-match.entity.js';
import { MatchAction } from './resource-match.transitions.js';
import type { ResourceNeed } from './resource-need.entity.js';
import type { ResourceOffer } from './resource-offer.entity.js';
import { canCloseNeed, canManageOffer, canProposeMatch, canTakeMatchStep } from './resources.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class ResourceOfferViewerCan extends ViewerCan<ResourceOffer> {
  @Field(() => Boolean, { description: '`updateResourceOffer`.' })
  update() {
    return canManageOffer(this.ctx.viewer, this.target).allowed;
  }

  @Field(() => Boolean, { description: '`withdrawResourceOffer`.' })
  withdraw() {
    return canManageOffer(this.ctx.viewer, this.target, { withdrawing: true }).allowed;
  }

  @Field(() => Boolean, { description: '`proposeResourceMatch` with this offer, to a project the viewer is staff over.' })
  proposeMatch() {
    return canProposeMatch(this.ctx.viewer, this.target, this.ctx.now.toISOString().slice(0, 10)).allowed;
  }
}

@ObjectType({ description: VIEWER_CAN })
export class ResourceNeedViewerCan extends ViewerCan<ResourceNeed> {
  @Field(() => Boolean, { description: '`closeResourceNeed`.' })
  async close() {
    const project = await this.ctx.loaders.byId(Project).load(this.target.project.id);
    return (await canCloseNeed(this.ctx, project!, this.target)).allowed;
  }
}

@ObjectType({ description: VIEWER_CAN })
export class ResourceMatchViewerCan extends ViewerCan<ResourceMatch> {
  private async can(action: MatchAction) {
    const project = await this.ctx.loaders.byId(Project).load(this.target.project.id);
    return canTakeMatchStep(this.ctx.viewer, this.target, project!, action).allowed;
  }

  @Field(() => Boolean, { description: '`acceptResourceMatch`.' })
  accept() {
    return this.can(MatchAction.ACCEPT);
  }

  @Field(() => Boolean, { description: '`declineResourceMatch`.' })
  decline() {
    return this.can(MatchAction.DECLINE);
  }

  @Field(() => Boolean, { description: '`deliverResourceMatch`.' })
  deliver() {
    return this.can(MatchAction.DELIVER);
  }

  @Field(() => Boolean, { description: '`cancelResourceMatch`.' })
  cancel() {
    return this.can(MatchAction.CANCEL);
  }
}
