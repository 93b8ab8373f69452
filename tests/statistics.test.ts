import { describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  ProgramStatisticsDocument,
  RecordDecisionDocument,
  ReviewServiceReportDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
  WithdrawProjectDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, districtStaff, person, program, project, revision } from './support/factories.js';
import { assign, evaluators, openRound, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

describe('programme statistics', () => {
  it('computes the funnel and delivery figures from the records', async () => {
    const call = await program(app(), { minEvaluators: 1 });
    const staff = await districtStaff(app());
    const mentor = await person(app(), ['MENTOR']);
    const round = await openRound(staff.client, call.id);
    const [evaluator] = await evaluators(app(), 1);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();

    const start = async (title: string, coached: boolean) => {
      const { applicant } = await applicantOrganization(app());
      const created = await project(applicant.client, call.id, title);
      await revision(applicant.client, created.id);
      await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });
      if (coached) {
        await mentor.client.data(LogCoachingSessionDocument, {
          input: { projectId: created.id, heldAt: yesterday, mode: 'ON_SITE', durationMinutes: 90, topics: ['方案设计'], notes: '梳理服务流程' },
        });
      }
      return { applicant, project: created };
    };
    const review = async (projectId: string, applicantClient: typeof staff.client) => {
      await applicantClient.data(SubmitProjectDocument, { input: { projectId } });
      const [{ assignmentId }] = await assign(staff.client, round.id, projectId, [evaluator]);
      await submitScorecard(evaluator, assignmentId, 85);
    };

    const delivered = await start('复能者俱乐部——社区精神康复柏人计划', true);
    await review(delivered.project.id, delivered.applicant.client);
    await staff.client.data(RecordDecisionDocument, { input: { projectId: delivered.project.id, outcome: 'APPROVED', grantAmount: 50000 } });
    await staff.client.data(StartProjectDeliveryDocument, { input: { projectId: delivered.project.id } });
    for (const findings of ['活动开展规范', '台账需完善']) {
      const visit = await staff.client.data(LogSupervisionVisitDocument, {
        input: { projectId: delivered.project.id, visitedAt: yesterday, kind: 'SITE_VISIT', findings, riskLevel: 'NORMAL' },
      });
      expect(visit.logSupervisionVisit.userErrors).toEqual([]);
    }
    const reportFigures = { sessionsHeld: 5, volunteers: 6, volunteerHours: 30, spending: 8000, narrative: '本月开展康复小组活动', indicatorActuals: [] };
    const accepted = await delivered.applicant.client.data(SubmitServiceReportDocument, {
      input: { projectId: delivered.project.id, period: '2026-09', personTimes: 120, satisfactionRate: 95, ...reportFigures },
    });
    await staff.client.data(ReviewServiceReportDocument, { input: { reportId: accepted.submitServiceReport.report!.id, accept: true } });
    await delivered.applicant.client.data(SubmitServiceReportDocument, {
      input: { projectId: delivered.project.id, period: '2026-10', personTimes: 300, satisfactionRate: 80, ...reportFigures },
    });

    const rejected = await start('商户联盟新模式', true);
    await review(rejected.project.id, rejected.applicant.client);
    await staff.client.data(RecordDecisionDocument, { input: { projectId: rejected.project.id, outcome: 'REJECTED', rationale: '与主题不符' } });
    await start('居民共治空间', true);
    const withdrawn = await start('同心南园邻里互助会', false);
    await withdrawn.applicant.client.data(WithdrawProjectDocument, { input: { projectId: withdrawn.project.id } });

    const { statistics } = (await staff.client.data(ProgramStatisticsDocument, { id: call.id })).program!;
    expect(statistics).toEqual({
      projects: 4,
      coached: 3,
      submitted: 2,
      coachedAndSubmitted: 2,
      approved: 1,
      rejected: 1,
      withdrawn: 1,
      inProgress: 1,
      closed: 0,
      terminated: 0,
      closedByGrade: [],
      byStatus: [
        { status: 'DRAFT', count: 1 },
        { status: 'REJECTED', count: 1 },
        { status: 'WITHDRAWN', count: 1 },
        { status: 'IN_PROGRESS', count: 1 },
      ],
      averageRevisionRounds: 1,
      supervisionVisits: 2,
      visitsPerProject: 2,
      acceptedReports: 1,
      totalPersonTimes: 120,
      averageSatisfaction: 95,
    });
    expect(await withdrawn.applicant.client.errorCode(ProgramStatisticsDocument, { id: call.id })).toBe('FORBIDDEN');
  });
});
