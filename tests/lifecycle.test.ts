import { describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  CloseProjectDocument,
  MarkConditionMetDocument,
  OpenProjectClosingDocument,
  ProjectEventsDocument,
  ProjectStatusViewDocument,
  RecordDecisionDocument,
  SaveScorecardDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
  TerminateProjectDocument,
  WithdrawProjectDocument,
  type ProjectStatusViewQuery,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, districtStaff, person, program, project, revision } from './support/factories.js';
import { assign, evaluators, openRound, projectInDelivery, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();
type Status = NonNullable<ProjectStatusViewQuery['project']>['status'];

describe('a project from draft to closed, each step by the role that takes it', () => {
  it('walks the whole lifecycle and leaves a complete audit trail', async () => {
    const call = await program(app(), { minEvaluators: 3, aggregationRule: 'TRIMMED_MEAN' });
    const staff = await person(app(), ['STAFF']);
    // The district runs its programme's review rounds; the park's staff coach the project through them.
    const district = await districtStaff(app());
    const mentor = await person(app(), ['MENTOR']);
    const { applicant } = await applicantOrganization(app());
    const status = async (id: string): Promise<Status> => (await staff.client.data(ProjectStatusViewDocument, { id })).project!.status;

    // Intake and revisions.
    const created = await project(applicant.client, call.id, '守望相助,一路同行——离异单亲家庭情感增能成长');
    await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, leadStaffId: staff.id, mentorIds: [mentor.id] } });
    await revision(applicant.client, created.id);
    await revision(applicant.client, created.id, { changeNote: '根据辅导意见细化活动计划' });
    expect((await applicant.client.data(ProjectStatusViewDocument, { id: created.id })).project).toMatchObject({
      status: 'DRAFT',
      nextStatuses: ['SUBMITTED', 'WITHDRAWN'],
      viewerCan: { saveRevision: true, submit: true, withdraw: true, assignTeam: false },
    });
    expect((await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } })).submitProject.userErrors).toEqual([]);

    // Review: three evaluators, trimmed mean.
    const round = await openRound(district.client, call.id);
    const panel = await evaluators(app(), 3);
    const assignments = await assign(staff.client, round.id, created.id, panel);
    expect(await status(created.id)).toBe('UNDER_REVIEW');
    for (const [i, { evaluator, assignmentId }] of assignments.entries()) await submitScorecard(evaluator, assignmentId, [92, 85, 78][i]);

    // Decision with a condition, then the condition met.
    const decided = await staff.client.data(RecordDecisionDocument, {
      input: { projectId: created.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 48000, conditions: ['补充志愿者保险方案'], rationale: '评审通过,附条件立项' },
    });
    expect(decided.recordDecision).toMatchObject({ userErrors: [], project: { status: 'CONDITIONALLY_APPROVED', approvedGrant: 48000 } });
    const met = await staff.client.data(MarkConditionMetDocument, { input: { conditionId: decided.recordDecision.decision!.conditions[0].id } });
    expect(met.markConditionMet.project?.status).toBe('APPROVED');

    // Delivery, closing review, closing.
    expect((await staff.client.data(StartProjectDeliveryDocument, { input: { projectId: created.id } })).startProjectDelivery.project?.status).toBe('IN_PROGRESS');
    expect((await staff.client.data(OpenProjectClosingDocument, { input: { projectId: created.id } })).openProjectClosing.project?.status).toBe('CLOSING_REVIEW');
    const closingRound = await openRound(district.client, call.id, 'CLOSING', '2022年10月结项评估');
    const closingPanel = await evaluators(app(), 3);
    const closingAssignments = await assign(staff.client, closingRound.id, created.id, closingPanel);
    for (const [i, { evaluator, assignmentId }] of closingAssignments.entries()) {
      await submitScorecard(evaluator, assignmentId, [95, 84, 82][i], ['outcomes', 'finance']);
    }
    const closed = await staff.client.data(CloseProjectDocument, { input: { projectId: created.id } });
    expect(closed.closeProject).toMatchObject({ userErrors: [], project: { status: 'CLOSED', finalScore: 84, finalGrade: 'GOOD' } });
    expect((await staff.client.data(ProjectStatusViewDocument, { id: created.id })).project!.nextStatuses).toEqual([]);

    // The audit trail, as staff see it.
    const events = (await staff.client.data(ProjectEventsDocument, { id: created.id, first: 100 })).project!.events.nodes;
    const transitions = events.filter((e) => e.toStatus).map((e) => `${e.type}:${e.fromStatus}→${e.toStatus}`);
    expect(transitions).toEqual([
      'STATUS_CHANGED:DRAFT→SUBMITTED',
      'STATUS_CHANGED:SUBMITTED→UNDER_REVIEW',
      'DECISION_RECORDED:UNDER_REVIEW→CONDITIONALLY_APPROVED',
      'STATUS_CHANGED:CONDITIONALLY_APPROVED→APPROVED',
      'STATUS_CHANGED:APPROVED→IN_PROGRESS',
      'STATUS_CHANGED:IN_PROGRESS→CLOSING_REVIEW',
      'STATUS_CHANGED:CLOSING_REVIEW→CLOSED',
    ]);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('PROJECT_CREATED');
    expect(types.filter((t) => t === 'REVISION_SAVED')).toHaveLength(2);
    expect(types.filter((t) => t === 'EVALUATOR_ASSIGNED')).toHaveLength(6);
    expect(types.filter((t) => t === 'SCORECARD_SUBMITTED')).toHaveLength(6);
    // One REVIEW_COMPLETED per round, written by its last scorecard; closing is its own event, with the grade.
    expect(events.filter((e) => e.type === 'REVIEW_COMPLETED').map((e) => e.details)).toEqual([
      { __typename: 'ReviewCompletedDetails', roundId: round.id, roundKind: 'PROPOSAL', rule: 'TRIMMED_MEAN', score: 85, counted: [assignments[1].assignmentId], dropped: [assignments[2].assignmentId, assignments[0].assignmentId] },
      { __typename: 'ReviewCompletedDetails', roundId: closingRound.id, roundKind: 'CLOSING', rule: 'TRIMMED_MEAN', score: 84, counted: [closingAssignments[1].assignmentId], dropped: [closingAssignments[2].assignmentId, closingAssignments[0].assignmentId] },
    ]);
    expect(types).toContain('CONDITION_MET');
    expect(events.at(-1)).toMatchObject({ type: 'STATUS_CHANGED', toStatus: 'CLOSED', details: { action: 'CLOSE', score: 84, rule: 'TRIMMED_MEAN', grade: 'GOOD', overrides: [] } });
    expect(events.find((e) => e.toStatus === 'SUBMITTED')?.actor?.id).toBe(applicant.id);
    expect(events.find((e) => e.type === 'DECISION_RECORDED')?.actor?.id).toBe(staff.id);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});

describe('status changes go only through the transitions table', () => {
  it('names the current status and the allowed next steps for an illegal transition, and changes nothing', async () => {
    const staff = await person(app(), ['STAFF']);
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    const early = await staff.client.data(StartProjectDeliveryDocument, { input: { projectId: created.id } });
    expect(early.startProjectDelivery.userErrors).toEqual([
      { code: 'INVALID_STATUS', field: null, message: 'Project is DRAFT, so startProjectDelivery is not possible; you can: withdrawProject.' },
    ]);
    expect(await applicant.client.errorCode(CloseProjectDocument, { input: { projectId: created.id } })).toBe('FORBIDDEN');
    const events = await staff.client.data(ProjectEventsDocument, { id: created.id });
    expect(events.project!.events.nodes.map((e) => e.type)).toEqual(['PROJECT_CREATED']);
  });

  it('lets the applicant withdraw an undecided application, after which nothing moves it', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    await revision(applicant.client, created.id);
    const withdrawn = await applicant.client.data(WithdrawProjectDocument, { input: { projectId: created.id, reason: '机构人手不足' } });
    expect(withdrawn.withdrawProject).toMatchObject({ userErrors: [], project: { status: 'WITHDRAWN' } });
    const again = await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    expect(again.submitProject.userErrors[0]).toMatchObject({ code: 'INVALID_STATUS', message: 'Project is WITHDRAWN, so submitProject is not possible; you have no step to take from here.' });
  });

  it('terminates a project in delivery only with a reason', async () => {
    const { project: delivered, staff } = await projectInDelivery(app());
    const silent = await staff.client.data(TerminateProjectDocument, { input: { projectId: delivered.id } });
    expect(silent.terminateProject.userErrors.map((e) => e.code)).toEqual(['REQUIRED']);
    const ended = await staff.client.data(TerminateProjectDocument, { input: { projectId: delivered.id, reason: '机构注销' } });
    expect(ended.terminateProject.project?.status).toBe('TERMINATED');
    const events = await staff.client.data(ProjectEventsDocument, { id: delivered.id, first: 100 });
    expect(events.project!.events.nodes.at(-1)).toMatchObject({ toStatus: 'TERMINATED', details: { __typename: 'StatusChangedDetails', action: 'TERMINATE', reason: '机构注销' } });
  });

  it('takes closing scorecards without a recommendation: there is nothing left to approve', async () => {
    const { project: delivered, staff, districtStaff: district, program: call } = await projectInDelivery(app());
    await staff.client.data(OpenProjectClosingDocument, { input: { projectId: delivered.id } });
    const round = await openRound(district.client, call.id, 'CLOSING', '结项评估');
    const [{ evaluator, assignmentId }] = await assign(staff.client, round.id, delivered.id, await evaluators(app(), 3));
    const scored = await evaluator.client.data(SaveScorecardDocument, {
      input: { assignmentId, scores: [{ criterionKey: 'outcomes', score: 55, comment: '目标基本达成' }, { criterionKey: 'finance', score: 36, comment: '财务规范' }], submit: true },
    });
    expect(scored.saveScorecard).toMatchObject({ userErrors: [], assignment: { status: 'SUBMITTED', total: 91, recommendation: null } });
  });
});

