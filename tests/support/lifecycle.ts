import { expect } from 'vitest';
import {
  AssignEvaluatorsDocument,
  AssignProjectTeamDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  OpenReviewRoundDocument,
  ProjectEventsDocument,
  RecordDecisionDocument,
  SaveScorecardDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
  type CreateProgramInput,
  type RoundKind,
} from '../generated/graphql.js';
import type { TestApp } from './app.js';
import type { Client } from './client.js';
import { applicantOrganization, districtStaff, home, person, program, project, revision, type TestPerson } from './factories.js';

/** The factories' rubric gives each criterion a maximum equal to its weight, so a total splits 30/40/30. */
export function scoresFor(total: number, rubric = ['need', 'design', 'capacity']) {
  const shares = rubric.length === 3 ? [0.3, 0.4, 0.3] : [0.6, 0.4];
  return rubric.map((criterionKey, i) => ({ criterionKey, score: Math.round(total * shares[i] * 1000) / 1000, comment: `${criterionKey}: 评审意见` }));
}

export async function evaluators(app: TestApp, count: number): Promise<TestPerson[]> {
  return Promise.all(Array.from({ length: count }, () => person(app, ['EVALUATOR'])));
}

/** A programme, an applicant organisation and a submitted project with one revision. */
export async function submittedProject(app: TestApp, programOverrides: Partial<CreateProgramInput> = {}) {
  const call = await program(app, programOverrides);
  const { organization, applicant } = await applicantOrganization(app);
  const created = await project(applicant.client, call.id);
  const firstRevision = await revision(applicant.client, created.id);
  const submitted = await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
  expect(submitted.submitProject.userErrors).toEqual([]);
  return { program: call, organization, applicant, project: created, revision: firstRevision };
}

/** A round opened by `staff`, who must run the programme (its district's staff for a district programme). */
export async function openRound(staff: Client, programId: string, kind: RoundKind = 'PROPOSAL', name = '路演评审') {
  const result = await staff.data(OpenReviewRoundDocument, { input: { programId, kind, name } });
  expect(result.openReviewRound.userErrors).toEqual([]);
  return result.openReviewRound.round!;
}

export async function assign(staff: Client, roundId: string, projectId: string, people: TestPerson[]) {
  const result = await staff.data(AssignEvaluatorsDocument, { input: { roundId, projectId, evaluatorIds: people.map((p) => p.id) } });
  expect(result.assignEvaluators.userErrors).toEqual([]);
  return people.map((evaluator) => ({ evaluator, assignmentId: result.assignEvaluators.assignments!.find((a) => a.evaluator?.id === evaluator.id)!.id }));
}

export async function submitScorecard(evaluator: TestPerson, assignmentId: string, total: number, rubric?: string[]) {
  const result = await evaluator.client.data(SaveScorecardDocument, {
    input: { assignmentId, scores: scoresFor(total, rubric), recommendation: 'APPROVE', comment: '总体评价', submit: true },
  });
  expect(result.saveScorecard.userErrors).toEqual([]);
  return result.saveScorecard.assignment!;
}

/**
 * A submitted project in a proposal round with `count` evaluators assigned (the programme's minimum
 * by default). The district's staff (`districtStaff`), who run the programme, opened the round; the
 * home park's staff (`staff`), who coach the project, assigned its evaluators.
 */
export async function projectUnderReview(app: TestApp, options: { evaluators?: number; program?: Partial<CreateProgramInput> } = {}) {
  const submitted = await submittedProject(app, options.program);
  const [staff, runner] = await Promise.all([person(app, ['STAFF']), districtStaff(app)]);
  const round = await openRound(runner.client, submitted.program.id);
  const panel = await evaluators(app, options.evaluators ?? submitted.program.minEvaluators);
  const assignments = await assign(staff.client, round.id, submitted.project.id, panel);
  return { ...submitted, staff, districtStaff: runner, round, assignments };
}

/**
 * A project in delivery (IN_PROGRESS): reviewed, approved with a grant (by default the ¥50,000
 * requested) and started, with a lead staff member and a mentor. Its revision's indicator targets
 * (服务人次 2595, 活动场次 28, 满意度 90 %) are the approved ones.
 */
export async function projectInDelivery(app: TestApp, options: { grant?: number } = {}) {
  const reviewed = await projectUnderReview(app);
  for (const { evaluator, assignmentId } of reviewed.assignments) await submitScorecard(evaluator, assignmentId, 88);
  const mentor = await person(app, ['MENTOR']);
  const team = await reviewed.staff.client.data(AssignProjectTeamDocument, {
    input: { projectId: reviewed.project.id, leadStaffId: reviewed.staff.id, mentorIds: [mentor.id] },
  });
  expect(team.assignProjectTeam.userErrors).toEqual([]);
  const decided = await reviewed.staff.client.data(RecordDecisionDocument, {
    input: { projectId: reviewed.project.id, outcome: 'APPROVED', grantAmount: options.grant ?? 50000, rationale: '需求清晰,设计合理' },
  });
  expect(decided.recordDecision.userErrors).toEqual([]);
  const started = await reviewed.staff.client.data(StartProjectDeliveryDocument, { input: { projectId: reviewed.project.id } });
  expect(started.startProjectDelivery.project?.status).toBe('IN_PROGRESS');
  return { ...reviewed, mentor, revisionId: reviewed.revision.id };
}

/**
 * A project in delivery with one record of every kind around it, as its people would leave them: a
 * coaching session with an action item and a supervision visit with a follow-up (by its mentor), a
 * service report (by its applicant), its audit trail; and, in the same programme, a second project
 * approved on a condition. With an applicant of another organisation, who may see none of it.
 */
export async function projectWithHistory(app: TestApp) {
  const delivery = await projectInDelivery(app);
  const { mentor, applicant, staff } = delivery;
  const coaching = await mentor.client.data(LogCoachingSessionDocument, {
    input: {
      projectId: delivery.project.id, heldAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'ON_SITE', durationMinutes: 60,
      topics: ['月度计划'], notes: '梳理下月活动安排。', actionItems: [{ description: '提交活动排期', dueDate: '2099-01-31' }],
    },
  });
  expect(coaching.logCoachingSession.userErrors).toEqual([]);
  const visit = await mentor.client.data(LogSupervisionVisitDocument, {
    input: {
      projectId: delivery.project.id, visitedAt: '2022-08-15T02:00:00.000Z', kind: 'SITE_VISIT', findings: '活动签到表不完整。', riskLevel: 'ATTENTION',
      followUps: [{ description: '补齐7月活动签到表', dueDate: '2022-09-15' }],
    },
  });
  expect(visit.logSupervisionVisit.userErrors).toEqual([]);
  const report = await applicant.client.data(SubmitServiceReportDocument, {
    input: {
      projectId: delivery.project.id, period: '2022-08', sessionsHeld: 4, personTimes: 300, volunteers: 8, volunteerHours: 16, satisfactionRate: 93,
      spending: 6000, narrative: '开展禁毒宣传进社区活动。', indicatorActuals: [{ name: '服务人次', actual: 300 }],
    },
  });
  expect(report.submitServiceReport.userErrors).toEqual([]);
  const events = (await staff.client.data(ProjectEventsDocument, { id: delivery.project.id, first: 100 })).project!.events.nodes;

  const conditional = await projectUnderReview(app, { program: { minEvaluators: 1 } });
  await submitScorecard(conditional.assignments[0].evaluator, conditional.assignments[0].assignmentId, 82);
  const decided = await conditional.staff.client.data(RecordDecisionDocument, {
    input: { projectId: conditional.project.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 40000, conditions: ['补充志愿者保险方案'] },
  });
  expect(decided.recordDecision.userErrors).toEqual([]);
  return {
    ...delivery,
    session: coaching.logCoachingSession.coachingSession!,
    visit: visit.logSupervisionVisit.visit!,
    report: report.submitServiceReport.report!,
    events,
    conditionalDecision: decided.recordDecision.decision!,
    outsider: (await applicantOrganization(app)).applicant,
    /** The home district and park, where all of it happens. */
    places: await home(app),
  };
}
