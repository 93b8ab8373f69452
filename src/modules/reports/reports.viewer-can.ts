import { Field, ObjectType } from 'type-graphql';
import { VIEWER_CAN, ViewerCan } from '../../shared/permission.js';
import { Project } from '../projects/project.entity.js';
import { canResubmitReport, canReviewReport } from './reports.permissions.js';
import type { ServiceReport } from './service-report.entity.js';

@ObjectType({ description: VIEWER_CAN })
export class ServiceReportViewerCan extends ViewerCan<ServiceReport> {
  @Field(() => Boolean, { description: '`reviewServiceReport`: accept it, or return it with a reason.' })
  async review() {
    const project = await this.ctx.loaders.byId(Project).load(this.target.project.id);
    return canReviewReport(this.ctx.viewer, this.target, project!).allowed;
  }

  @Field(() => Boolean, { description: '`submitServiceReport` for its month again, correcting a returned report.' })
  async resubmit() {
    const project = await this.ctx.loaders.byId(Project).load(this.target.project.id);
    return canResubmitReport(this.ctx.viewer, project!, this.target).allowed;
  }
}
