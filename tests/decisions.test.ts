import { describe, expect, it } from 'vitest';
import {
  MarkConditionMetDocument,
  ProjectDecisionsDocument,
  ProjectEventsDocument,
  RecordDecisionDocument,
  UpdateProgramDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { person } from './support/factories.js';
import { projectUnderReview, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

async function fullyScored(options: Parameters<typeof projectUnderReview>[1] = {}) {
  const reviewed = await projectUnderReview(app(), options);
  for (const { evaluator, assignmentId } of reviewed.assignments) await submitScorecard(evaluator, assignmentId, 88);
  return reviewed;
}

async function decisionEvents(projectId: string) {
  const events = await app().admin.data(ProjectEventsDocument, { id: projectId, first: 100 });
  return events.project!.events.nodes.filter((e) => e.type === 'DECISION_RECORDED');
}

describe('recording a decision', () => {
  it('approves with a grant no larger than the request or the programme maximum', async () => {
    const { project, staff, program } = await fullyScored({ program: { minEvaluators: 2 } });
    const base = { projectId: project.id, outcome: 'APPROVED' as const, rationale: '同意立项' };
    const aboveRequest = await staff.client.data(RecordDecisionDocument, { input: { ...base, grantAmount: 50000.01 } });
    expect(aboveRequest.recordDecision.userErrors.map((e) => e.code)).toEqual(['GRANT_ABOVE_REQUEST']);
    await app().admin.data(UpdateProgramDocument, { input: { programId: program.id, maxGrant: 40000 } });
    const aboveMaximum = await staff.client.data(RecordDecisionDocument, { input: { ...base, grantAmount: 45000 } });
    expect(aboveMaximum.recordDecision.userErrors.map((e) => e.code)).toEqual(['REQUEST_ABOVE_MAXIMUM']);
    await app().admin.data(UpdateProgramDocument, { input: { programId: program.id, maxGrant: 100000 } });
    const noGrant = await staff.client.data(RecordDecisionDocument, { input: base });
    expect(noGrant.recordDecision.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['OUT_OF_RANGE', 'input.grantAmount']]);
    expect(await decisionEvents(project.id)).toEqual([]);

    const approved = await staff.client.data(RecordDecisionDocument, { input: { ...base, grantAmount: 45000 } });
    expect(approved.recordDecision).toMatchObject({
      userErrors: [],
      decision: { outcome: 'APPROVED', grantAmount: 45000, revision: { number: 1 }, overrideReason: null },
      project: { status: 'APPROVED', approvedGrant: 45000 },
    });
    expect(await decisionEvents(project.id)).toHaveLength(1);
  });

  it('requires conditions for a conditional approval and approves once the last is met', async () => {
    const { project, staff } = await fullyScored({ program: { minEvaluators: 1 } });
    const missing = await staff.client.data(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 40000 } });
    expect(missing.recordDecision.userErrors.map((e) => e.code)).toEqual(['REQUIRED']);
    const decided = await staff.client.data(RecordDecisionDocument, {
      input: { projectId: project.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 40000, conditions: ['补充安全预案', '明确志愿者招募渠道'] },
    });
    const [first, second] = decided.recordDecision.decision!.conditions;
    expect((await staff.client.data(MarkConditionMetDocument, { input: { conditionId: first.id } })).markConditionMet.project?.status).toBe('CONDITIONALLY_APPROVED');
    const again = await staff.client.data(MarkConditionMetDocument, { input: { conditionId: first.id } });
    expect(again.markConditionMet.userErrors.map((e) => e.code)).toEqual(['ALREADY_DONE']);
    expect((await staff.client.data(MarkConditionMetDocument, { input: { conditionId: second.id } })).markConditionMet.project?.status).toBe('APPROVED');
  });

  it('needs a rationale to reject or request a revision', async () => {
    const { project, staff } = await fullyScored({ program: { minEvaluators: 1 } });
    for (const outcome of ['REJECTED', 'REVISION_REQUESTED'] as const) {
      const result = await staff.client.data(RecordDecisionDocument, { input: { projectId: project.id, outcome } });
      expect(result.recordDecision.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['REQUIRED', 'input.rationale']]);
    }
    const rejected = await staff.client.data(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'REJECTED', rationale: '与项目主题不符' } });
    expect(rejected.recordDecision.project?.status).toBe('REJECTED');
  });

  it('needs the minimum of scorecards, unless an administrator overrides with a recorded reason', async () => {
    const { project, staff, assignments } = await projectUnderReview(app(), { program: { minEvaluators: 3 } });
    await submitScorecard(assignments[0].evaluator, assignments[0].assignmentId, 90);
    const input = { projectId: project.id, outcome: 'APPROVED' as const, grantAmount: 30000 };
    const early = await staff.client.data(RecordDecisionDocument, { input });
    expect(early.recordDecision.userErrors).toEqual([
      { code: 'NOT_ENOUGH_SCORECARDS', field: null, message: 'A decision needs 3 submitted scorecards on the current revision; 1 are in. An administrator may proceed with a recorded reason.' },
    ]);
    const staffOverride = await staff.client.data(RecordDecisionDocument, { input: { ...input, overrideReason: '赶时间' } });
    expect(staffOverride.recordDecision.userErrors.map((e) => e.code)).toEqual(['NOT_ENOUGH_SCORECARDS']);
    const adminOverride = await app().admin.data(RecordDecisionDocument, { input: { ...input, overrideReason: '两位专家因故缺席,经中心主任同意按已有评分立项' } });
    expect(adminOverride.recordDecision).toMatchObject({ userErrors: [], decision: { overrideReason: '两位专家因故缺席,经中心主任同意按已有评分立项' } });
    const [event] = await decisionEvents(project.id);
    expect(event.details).toMatchObject({ outcome: 'APPROVED', grantAmount: 30000, overrides: [{ precondition: 'ENOUGH_SCORECARDS', reason: '两位专家因故缺席,经中心主任同意按已有评分立项' }] });
  });

  it('lets exactly one of two simultaneous decisions win; the other gets CONFLICT and writes nothing', async () => {
    const { project, staff } = await fullyScored({ program: { minEvaluators: 1 } });
    const other = await person(app(), ['STAFF']);
    const [a, b] = await Promise.all([
      staff.client.data(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'APPROVED', grantAmount: 45000 } }),
      other.client.data(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'REJECTED', rationale: '资金有限' } }),
    ]);
    const outcomes = [a.recordDecision, b.recordDecision];
    const winners = outcomes.filter((r) => r.userErrors.length === 0);
    const losers = outcomes.filter((r) => r.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(['CONFLICT', 'INVALID_STATUS']).toContain(losers[0].userErrors[0].code);
    const decisions = await app().admin.data(ProjectDecisionsDocument, { id: project.id });
    expect(decisions.project!.decisions).toHaveLength(1);
    expect(decisions.project!.status).toBe(winners[0].project!.status);
    expect(await decisionEvents(project.id)).toHaveLength(1);
  });

  it('shows decisions to the applicant without naming the staff member', async () => {
    const { project, staff, applicant } = await fullyScored({ program: { minEvaluators: 1 } });
    await staff.client.data(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'APPROVED', grantAmount: 45000 } });
    const seen = await applicant.client.data(ProjectDecisionsDocument, { id: project.id });
    expect(seen.project!.decisions[0]).toMatchObject({ outcome: 'APPROVED', grantAmount: 45000, decidedBy: null });
    const bystander = await person(app(), ['EVALUATOR']);
    expect(await bystander.client.errorCode(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'REJECTED', rationale: 'x' } })).toBe('FORBIDDEN');
  });
});
