import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import { canOpenRound } from '../reviews/review.permissions.js';
import type { Program } from './program.entity.js';
import { canManageProgram, canStartProject } from './program.permissions.js';

@ObjectType({ description: VIEWER_CAN })
export class ProgramViewerCan extends ViewerCan<Program> {
  @Field(() => Boolean, { description: '`updateProgram`.' })
  update() {
    return canManageProgram(this.ctx.viewer, this.target);
  }

  @Field(() => Boolean, { description: '`openReviewRound`: you run the programme.' })
  openReviewRound() {
    return canOpenRound(this.ctx.viewer, this.target).allowed;
  }

  @Field(() => Boolean, { description: '`createProject`: the programme accepts applications now.' })
  createProject() {
    return canStartProject(this.ctx.viewer, this.target, this.ctx.now).allowed;
  }
}
