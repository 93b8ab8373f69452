import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/shared/node-id.js';
import {
  CloseProjectDocument,
  LogSupervisionVisitDocument,
  MarkConditionMetDocument,
  OpenProjectClosingDocument,
  ProjectStatusViewDocument,
  RecordDecisionDocument,
  ReviewServiceReportDocument,
  SaveScorecardDocument,
  StartProjectDeliveryDocument,
  SubmitServiceReportDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { assign, evaluators, openRound, projectInDelivery, projectUnderReview, scoresFor, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();
let db: pg.Client;
let closingEvaluatorId: string;
/** A project still in delivery once the setup is done. */
let inDelivery: Awaited<ReturnType<typeof projectUnderReview>>;

/**
 * The whole lifecycle through the API, so every protected table holds rows and every legitimate
 * write to them (drafts, conditions met, reports accepted, closing) has happened once.
 */
beforeAll(async () => {
  const delivered = await projectInDelivery(app());
  const { staff, project, program } = delivered;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  const visit = await staff.client.data(LogSupervisionVisitDocument, { input: { projectId: project.id, visitedAt: yesterday, kind: 'SITE_VISIT', findings: '活动有序', riskLevel: 'NORMAL' } });
  expect(visit.logSupervisionVisit.userErrors).toEqual([]);
  const report = await delivered.applicant.client.data(SubmitServiceReportDocument, {
    input: { projectId: project.id, period: new Date().toISOString().slice(0, 7), sessionsHeld: 4, personTimes: 210, volunteers: 10, volunteerHours: 40, satisfactionRate: 93, spending: 6000, narrative: '开展禁毒宣传四场', indicatorActuals: [] },
  });
  await staff.client.data(ReviewServiceReportDocument, { input: { reportId: report.submitServiceReport.report!.id, accept: true } });
  await staff.client.data(OpenProjectClosingDocument, { input: { projectId: project.id } });
  const round = await openRound(delivered.districtStaff.client, program.id, 'CLOSING', '结项评估');
  const panel = await assign(staff.client, round.id, project.id, await evaluators(app(), 3));
  closingEvaluatorId = fromGlobalId(panel[0].evaluator.id)!.id;
  // A draft is saved, then changed and submitted: scorecards change freely until they are submitted.
  const draft = await panel[0].evaluator.client.data(SaveScorecardDocument, { input: { assignmentId: panel[0].assignmentId, scores: scoresFor(70, ['outcomes', 'finance']) } });
  expect(draft.saveScorecard.userErrors).toEqual([]);
  for (const [i, { evaluator, assignmentId }] of panel.entries()) await submitScorecard(evaluator, assignmentId, [88, 84, 80][i], ['outcomes', 'finance']);
  const closed = await staff.client.data(CloseProjectDocument, { input: { projectId: project.id } });
  expect(closed.closeProject).toMatchObject({ userErrors: [], project: { status: 'CLOSED', finalGrade: 'GOOD' } });

  const conditional = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
  await submitScorecard(conditional.assignments[0].evaluator, conditional.assignments[0].assignmentId, 85);
  const decided = await conditional.staff.client.data(RecordDecisionDocument, {
    input: { projectId: conditional.project.id, outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 30000, conditions: ['补充志愿者保险方案', '明确督导频次'] },
  });
  expect(decided.recordDecision.userErrors).toEqual([]);
  const [firstCondition, secondCondition] = decided.recordDecision.decision!.conditions;
  await conditional.staff.client.data(MarkConditionMetDocument, { input: { conditionId: firstCondition.id } });
  const met = await conditional.staff.client.data(MarkConditionMetDocument, { input: { conditionId: secondCondition.id } });
  expect(met.markConditionMet).toMatchObject({ userErrors: [], project: { status: 'APPROVED' } });
  await conditional.staff.client.data(StartProjectDeliveryDocument, { input: { projectId: conditional.project.id } });
  expect((await conditional.staff.client.data(ProjectStatusViewDocument, { id: conditional.project.id })).project!.status).toBe('IN_PROGRESS');
  inDelivery = conditional;

  db = new pg.Client({ connectionString: app().databaseUrl });
  await db.connect();
}, 120_000);

afterAll(async () => {
  await db?.end();
});

/** Each table whose rows are history, with the rows the protection covers and a column to try changing. */
const PROTECTED = [
  { table: 'lifecycle_event', rows: 'true', column: 'details' },
  { table: 'proposal_revision', rows: 'true', column: 'summary' },
  { table: 'review_assignment', rows: `status = 'SUBMITTED'`, column: 'scores' },
  { table: 'decision', rows: 'true', column: 'rationale' },
  { table: 'decision_condition', rows: 'met_at is not null', column: 'text' },
  { table: 'service_report', rows: `status = 'ACCEPTED'`, column: 'narrative' },
  { table: 'supervision_visit', rows: 'true', column: 'findings' },
];

const count = async (table: string, rows = 'true') => Number((await db.query(`select count(*) as n from ${table} where ${rows}`)).rows[0].n);

describe('history is append-only in the database itself', () => {
  it.each(PROTECTED)('refuses UPDATE, DELETE and TRUNCATE on $table', async ({ table, rows, column }) => {
    const before = await count(table, rows);
    expect(before).toBeGreaterThan(0);
    await expect(db.query(`update ${table} set ${column} = ${column} where ${rows}`)).rejects.toThrow(`UPDATE on ${table}: `);
    await expect(db.query(`delete from ${table} where ${rows}`)).rejects.toThrow(`DELETE on ${table}: `);
    // CASCADE, so that tables referring to this one do not stop the TRUNCATE before its trigger does.
    await expect(db.query(`truncate ${table} cascade`)).rejects.toThrow(`TRUNCATE on ${table}: `);
    expect(await count(table, rows)).toBe(before);
  });

  it('refuses to delete a person whose acts are on record', async () => {
    await expect(db.query('delete from person where id = $1', [closingEvaluatorId])).rejects.toThrow(/foreign key/);
  });

  it('goes on appending: the lifecycle works after refused changes', async () => {
    const events = await count('lifecycle_event');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const visit = await inDelivery.staff.client.data(LogSupervisionVisitDocument, {
      input: { projectId: inDelivery.project.id, visitedAt: yesterday, kind: 'ONLINE_CHECK', findings: '台账齐全', riskLevel: 'NORMAL' },
    });
    expect(visit.logSupervisionVisit.userErrors).toEqual([]);
    expect(await count('lifecycle_event')).toBe(events + 1);
  });
});
