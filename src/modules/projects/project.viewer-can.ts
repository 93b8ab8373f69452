import { Field, ObjectType } from 'type-graphql';
import { ViewerCan, allows } from '../../shared/permission.js';
import { canLogCoaching } from '../coaching/coaching.permissions.js';
import { canRecordDecision } from '../decisions/decision.permissions.js';
import { canTakeStep } from '../lifecycle/lifecycle.service.js';
import { ProjectAction } from '../lifecycle/project-status.machine.js';
import { canSubmitReports } from '../reports/reports.permissions.js';
import { canAssignEvaluatorsToProject } from '../reviews/review.permissions.js';
import { canLogVisit } from '../supervision/supervision.permissions.js';
import type { Project } from './project.entity.js';
import { canAssignTeam } from './project.permissions.js';

@ObjectType({
  description:
    'What the viewer may do with this project now, one flag per mutation that acts on it. Each flag is the check its mutation makes '
    + '(who, status, preconditions), so true means the mutation will be accepted given valid input, and a reason where an unmet '
    + 'precondition is the viewer’s to override.',
})
export class ProjectViewerCan extends ViewerCan<Project> {
  @Field(() => Boolean, { description: '`saveRevision`.' })
  saveRevision() {
    return this.step(ProjectAction.SAVE_REVISION);
  }

  @Field(() => Boolean, { description: '`submitProject`: there is a revision and the programme accepts submissions.' })
  submit() {
    return this.step(ProjectAction.SUBMIT);
  }

  @Field(() => Boolean, { description: '`withdrawProject`.' })
  withdraw() {
    return this.step(ProjectAction.WITHDRAW);
  }

  @Field(() => Boolean, { description: '`assignProjectTeam`.' })
  assignTeam() {
    return canAssignTeam(this.ctx.viewer, this.target);
  }

  @Field(() => Boolean, { description: '`assignEvaluators`, in some open round of the programme.' })
  assignEvaluators() {
    return canAssignEvaluatorsToProject(this.ctx, this.target);
  }

  @Field(() => Boolean, { description: '`recordDecision`, with some outcome: the programme’s minimum of scorecards is in (administrators may decide without it, giving `overrideReason`).' })
  recordDecision() {
    return allows(canRecordDecision(this.ctx, this.target));
  }

  @Field(() => Boolean, { description: '`startProjectDelivery`.' })
  startDelivery() {
    return this.step(ProjectAction.START_DELIVERY);
  }

  @Field(() => Boolean, { description: '`openProjectClosing` (with a `reason` while closing blockers remain).' })
  openClosing() {
    return this.step(ProjectAction.OPEN_CLOSING);
  }

  @Field(() => Boolean, { description: '`closeProject`: the closing evaluation is complete (administrators may close on fewer scorecards, giving `overrideReason`).' })
  close() {
    return this.step(ProjectAction.CLOSE);
  }

  @Field(() => Boolean, { description: '`terminateProject`.' })
  terminate() {
    return this.step(ProjectAction.TERMINATE);
  }

  @Field(() => Boolean, { description: '`logCoachingSession`.' })
  logCoachingSession() {
    return allows(canLogCoaching(this.ctx, this.target));
  }

  @Field(() => Boolean, { description: '`logSupervisionVisit`.' })
  logSupervisionVisit() {
    return allows(canLogVisit(this.ctx, this.target));
  }

  @Field(() => Boolean, { description: '`submitServiceReport` for a month not reported yet (a returned report: `ServiceReport.viewerCan.resubmit`).' })
  submitServiceReport() {
    return canSubmitReports(this.ctx.viewer, this.target).allowed;
  }

  private step(action: ProjectAction) {
    return allows(canTakeStep(this.ctx, this.target, action));
  }
}
