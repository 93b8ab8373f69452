import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan, allows } from '../../shared/permission.js';
import { Program } from '../programs/program.entity.js';
import type { ReviewAssignment } from './review-assignment.entity.js';
import type { ReviewRound } from './review-round.entity.js';
import { canDeclareConflict, canManageReviews, canRunRound, canSaveScorecard } from './review.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class ReviewRoundViewerCan extends ViewerCan<ReviewRound> {
  @Field(() => Boolean, { description: '`assignEvaluators` in this round (to a project of its programme you are staff over, in the status it reviews).' })
  assignEvaluators() {
    return canManageReviews(this.ctx.viewer) && !this.target.closedAt;
  }

  @Field(() => Boolean, { description: '`closeReviewRound`: you run its programme and it is open.' })
  async close() {
    const program = await this.ctx.loaders.byId(Program).load(this.target.program.id);
    return canRunRound(this.ctx.viewer, this.target, program!).allowed;
  }
}

@ObjectType({ description: VIEWER_CAN })
export class ReviewAssignmentViewerCan extends ViewerCan<ReviewAssignment> {
  @Field(() => Boolean, { description: '`saveScorecard`, as a draft or final.' })
  saveScorecard() {
    return allows(canSaveScorecard(this.ctx, this.target));
  }

  @Field(() => Boolean, { description: '`declareConflict`.' })
  declareConflict() {
    return canDeclareConflict(this.ctx.viewer, this.target).allowed;
  }
}
