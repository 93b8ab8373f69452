import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttentionAssignmentsDueDocument,
  AttentionAssignmentsDuePageDocument,
  AttentionCountsDocument,
  AttentionMissingReportsDocument,
  AttentionOpenActionItemsDocument,
  AttentionOverdueAssignmentsDocument,
  AttentionOverdueFollowUpsDocument,
  AttentionReportsAwaitingAcceptanceDocument,
  AttentionReportsDueDocument,
  AttentionReturnedReportsDocument,
  AttentionUndecidedReviewsDocument,
  AttentionWaitingForEvaluatorsDocument,
  AttentionWarningVisitsDocument,
  AssignEvaluatorsDocument,
  DeclareConflictDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  ReviewServiceReportDocument,
  SetActionItemDoneDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
} from './generated/graphql.js';
import { fromGlobalId } from '../src/shared/node-id.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { applicantOrganization, districtStaff, person, program, project, revision, type TestPerson } from './support/factories.js';
import { assign, evaluators, openRound, projectInDelivery, submitScorecard, submittedProject } from './support/lifecycle.js';

const app = useTestApp();
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: app().databaseUrl });
  await db.connect();
});
afterAll(() => db?.end());

/** The month `monthsAgo` months before this one in Shenzhen, YYYY-MM. */
function shenzhenMonth(monthsAgo: number): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 7);
}
const uuid = (globalId: string) => fromGlobalId(globalId)!.id;
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

/**
 * Delivery began in the Shenzhen month `monthsAgo` months back (its first day, noon), as reports are
 * due by Shenzhen months: a UTC instant "three months ago" is in the month before that one whenever
 * it is already tomorrow in Shenzhen. The audit trail is append-only, so the test steps past its guard.
 */
async function backdateDelivery(projectId: string, monthsAgo: number) {
  await db.query(`alter table lifecycle_event disable trigger lifecycle_event_history`);
  await db.query(
    `update lifecycle_event
        set created_at = (date_trunc('month', now() at time zone 'Asia/Shanghai') - make_interval(months => $2) + interval '12 hours') at time zone 'Asia/Shanghai'
      where to_status = 'IN_PROGRESS' and project_id = $1`,
    [uuid(projectId), monthsAgo],
  );
  await db.query(`alter table lifecycle_event enable trigger lifecycle_event_history`);
}

async function submitReport(applicant: TestPerson, projectId: string, period: string) {
  const result = await applicant.client.data(SubmitServiceReportDocument, {
    input: { projectId, period, sessionsHeld: 2, personTimes: 100, volunteers: 3, volunteerHours: 6, satisfactionRate: 95, spending: 1000, narrative: '开展社区活动。', indicatorActuals: [] },
  });
  expect(result.submitServiceReport.userErrors).toEqual([]);
  return result.submitServiceReport.report!;
}

async function logVisit(mentor: TestPerson, projectId: string, riskLevel: 'NORMAL' | 'WARNING', hoursAgo: number, followUps: { description: string; dueDate: string }[] = []) {
  const result = await mentor.client.data(LogSupervisionVisitDocument, {
    input: { projectId, visitedAt: new Date(Date.now() - hoursAgo * 3600_000).toISOString(), kind: 'SITE_VISIT', findings: '走访发现。', riskLevel, followUps },
  });
  expect(result.logSupervisionVisit.userErrors).toEqual([]);
  return result.logSupervisionVisit.visit!;
}

const ids = (connection: { nodes: { id: string }[] }) => connection.nodes.map((node) => node.id).sort();

/** Every view as the viewer reads it, and the counts, which must agree with the views' totals. */
async function views(client: Client) {
  const first = 100;
  const [counts, waiting, undecided, overdueAssignments, assignmentsDue, awaiting, returned, missing, due, followUps, warnings, actionItems] = await Promise.all([
    client.data(AttentionCountsDocument),
    client.data(AttentionWaitingForEvaluatorsDocument, { first }),
    client.data(AttentionUndecidedReviewsDocument, { first }),
    client.data(AttentionOverdueAssignmentsDocument, { first }),
    client.data(AttentionAssignmentsDueDocument, { first }),
    client.data(AttentionReportsAwaitingAcceptanceDocument, { first }),
    client.data(AttentionReturnedReportsDocument, { first }),
    client.data(AttentionMissingReportsDocument, { first }),
    client.data(AttentionReportsDueDocument, { first }),
    client.data(AttentionOverdueFollowUpsDocument, { first }),
    client.data(AttentionWarningVisitsDocument, { first }),
    client.data(AttentionOpenActionItemsDocument, { first }),
  ]);
  const lists = {
    waitingForEvaluators: waiting.attention!.waitingForEvaluators,
    undecidedReviews: undecided.attention!.undecidedReviews,
    overdueAssignments: overdueAssignments.attention!.overdueAssignments,
    assignmentsDue: assignmentsDue.attention!.assignmentsDue,
    reportsAwaitingAcceptance: awaiting.attention!.reportsAwaitingAcceptance,
    returnedReports: returned.attention!.returnedReports,
    missingReports: missing.attention!.missingReports,
    reportsDue: due.attention!.reportsDue,
    overdueFollowUps: followUps.attention!.overdueFollowUps,
    warningVisits: warnings.attention!.warningVisits,
    openActionItems: actionItems.attention!.openActionItems,
  };
  const { total, ...byView } = counts.attention!.counts;
  expect(byView).toEqual(Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.totalCount])));
  expect(total).toBe(Object.values(byView).reduce((sum, count) => sum + count, 0));
  return lists;
}

const cast = {} as {
  staff: TestPerson; districtStaff: TestPerson; roundId: string; overdueCProject: string; waitingA: string; waitingB: string; overdueC: string; undecidedD: string;
  evaluator0: TestPerson; evaluator1: TestPerson; evaluator2: TestPerson; dueB0: string; dueC0: string;
  delivery: Awaited<ReturnType<typeof projectInDelivery>>; calm: Awaited<ReturnType<typeof projectInDelivery>>;
  submittedReport: string; scoredD: string; returnedReport: string; overdueFollowUp: string; warningVisit: string; openItem: string;
};


describe('attention views, per role', () => {
  beforeAll(async () => {
    cast.staff = await person(app(), ['STAFF']);
    cast.districtStaff = await districtStaff(app());
    cast.waitingA = (await submittedProject(app(), { minEvaluators: 2 })).project.id;

    const call = await program(app(), { minEvaluators: 2 });
    const round = await openRound(cast.districtStaff.client, call.id);
    [cast.evaluator0, cast.evaluator1, cast.evaluator2] = await evaluators(app(), 3);
    const { applicant } = await applicantOrganization(app());
    const proposal = async (title: string) => {
      const created = await project(applicant.client, call.id, title);
      await revision(applicant.client, created.id);
      await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
      return created.id;
    };
    // B: one of its two evaluators recused, so it waits for a replacement.
    cast.waitingB = await proposal('评审中缺评委');
    const [b0, b1] = await assign(cast.staff.client, round.id, cast.waitingB, [cast.evaluator0, cast.evaluator1]);
    cast.dueB0 = b0.assignmentId;
    const recused = await cast.evaluator1.client.data(DeclareConflictDocument, { input: { assignmentId: b1.assignmentId, reason: '曾担任该机构顾问' } });
    expect(recused.declareConflict.userErrors).toEqual([]);
    // C: one evaluator's scorecard is past its due date.
    cast.roundId = round.id;
    cast.overdueCProject = await proposal('评分逾期');
    const [c0, c1] = await assign(cast.staff.client, round.id, cast.overdueCProject, [cast.evaluator0, cast.evaluator1]);
    cast.dueC0 = c0.assignmentId;
    cast.overdueC = c1.assignmentId;
    // Assigned with a due date some days ago, which the API refuses (below): set in the database.
    await db.query(`update review_assignment set due_date = $1 where id = $2`, [yesterday(), uuid(cast.overdueC)]);
    // D: fully scored, waiting for the decision.
    cast.undecidedD = await proposal('评审完成待决定');
    const [d0, d2] = await assign(cast.staff.client, round.id, cast.undecidedD, [cast.evaluator0, cast.evaluator2]);
    await submitScorecard(cast.evaluator0, d0.assignmentId, 80);
    cast.scoredD = d0.assignmentId;
    await submitScorecard(cast.evaluator2, d2.assignmentId, 84);

    // A project three months into delivery: one month reported and waiting, one returned, one missing.
    cast.delivery = await projectInDelivery(app());
    const { mentor, applicant: deliverer, staff } = cast.delivery;
    await backdateDelivery(cast.delivery.project.id, 3);
    cast.submittedReport = (await submitReport(deliverer, cast.delivery.project.id, shenzhenMonth(2))).id;
    cast.returnedReport = (await submitReport(deliverer, cast.delivery.project.id, shenzhenMonth(1))).id;
    const returned = await staff.client.data(ReviewServiceReportDocument, { input: { reportId: cast.returnedReport, accept: false, reason: '服务人次与签到表不符' } });
    expect(returned.reviewServiceReport.userErrors).toEqual([]);
    const visit = await logVisit(mentor, cast.delivery.project.id, 'WARNING', 1, [
      { description: '核实服务对象流失情况', dueDate: '2022-09-15' },
      { description: '提交调整方案', dueDate: '2099-01-01' },
    ]);
    cast.warningVisit = visit.id;
    cast.overdueFollowUp = visit.followUps.find((f) => f.dueDate === '2022-09-15')!.id;
    const session = await mentor.client.data(LogCoachingSessionDocument, {
      input: {
        projectId: cast.delivery.project.id, heldAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'ONLINE', durationMinutes: 45, topics: ['风险应对'], notes: '讨论应对方案。',
        actionItems: [{ description: '更新服务对象名单', dueDate: '2099-01-31' }, { description: '联系街道', dueDate: '2099-02-28' }],
      },
    });
    const [open, done] = session.logCoachingSession.coachingSession!.actionItems;
    cast.openItem = open.id;
    await deliverer.client.data(SetActionItemDoneDocument, { input: { actionItemId: done.id, done: true } });

    // A project whose warning was followed by a calm visit: no longer a warning.
    cast.calm = await projectInDelivery(app());
    await logVisit(cast.calm.mentor, cast.calm.project.id, 'WARNING', 48);
    await logVisit(cast.calm.mentor, cast.calm.project.id, 'NORMAL', 1);
  }, 120_000);

  it('staff see proposals waiting for evaluators, overdue assignments, undecided reviews and every delivery duty', async () => {
    const lists = await views(cast.staff.client);
    expect(ids(lists.waitingForEvaluators)).toEqual([cast.waitingA, cast.waitingB].sort());
    expect(ids(lists.overdueAssignments)).toEqual([cast.overdueC]);
    expect(lists.overdueAssignments.nodes[0]).toMatchObject({ dueDate: yesterday(), evaluator: { name: cast.evaluator1.name } });
    expect(ids(lists.undecidedReviews)).toEqual([cast.undecidedD]);
    expect(ids(lists.reportsAwaitingAcceptance)).toEqual([cast.submittedReport]);
    expect(lists.missingReports.edges.map((due) => [due.node.id, due.period, due.overdue])).toEqual([[cast.delivery.project.id, shenzhenMonth(3), true]]);
    expect(ids(lists.overdueFollowUps)).toEqual([cast.overdueFollowUp]);
    expect(ids(lists.warningVisits)).toEqual([cast.warningVisit]);
    for (const view of ['openActionItems', 'assignmentsDue', 'reportsDue', 'returnedReports'] as const) expect(lists[view].totalCount, view).toBe(0);
  });

  it('walks a view one item at a time by its cursors: the items of one whole page, in order, with its total on every page', async () => {
    // The view's rows are worked out once per statement for the page, its total and the check for rows before the cursor:
    // a staff member's with its values written in, an evaluator's with them apart.
    type Connection = { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
    const walks: [string, (after: string | null, first: number) => Promise<Connection>][] = [
      ['waitingForEvaluators', async (after, first) => (await cast.staff.client.data(AttentionWaitingForEvaluatorsDocument, { first, after })).attention!.waitingForEvaluators],
      ['assignmentsDue', async (after, first) => (await cast.evaluator0.client.data(AttentionAssignmentsDuePageDocument, { first, after })).attention!.assignmentsDue],
    ];
    for (const [view, read] of walks) {
      const whole = await read(null, 100);
      expect(whole.nodes.length, view).toBe(2);
      const walked: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 5; pages++) {
        const page = await read(after, 1);
        expect(page.totalCount, view).toBe(whole.totalCount);
        walked.push(...page.nodes.map((node) => node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(walked, view).toEqual(whole.nodes.map((node) => node.id));
    }
  });

  it('a mentor sees the same duties for the projects they mentor, and their open action items', async () => {
    const lists = await views(cast.delivery.mentor.client);
    expect(lists.waitingForEvaluators.totalCount).toBe(0);
    expect(lists.undecidedReviews.totalCount).toBe(0);
    expect(lists.overdueAssignments.totalCount).toBe(0);
    expect(ids(lists.reportsAwaitingAcceptance)).toEqual([cast.submittedReport]);
    expect(lists.missingReports.edges.map((due) => due.period)).toEqual([shenzhenMonth(3)]);
    expect(ids(lists.overdueFollowUps)).toEqual([cast.overdueFollowUp]);
    expect(ids(lists.warningVisits)).toEqual([cast.warningVisit]);
    expect(ids(lists.openActionItems)).toEqual([cast.openItem]);
    const calm = await views(cast.calm.mentor.client);
    expect(calm.warningVisits.totalCount).toBe(0);
  });

  it('an evaluator sees their unsubmitted assignments in open rounds with their due dates', async () => {
    const first = await views(cast.evaluator0.client);
    expect(ids(first.assignmentsDue)).toEqual([cast.dueB0, cast.dueC0].sort());
    expect(first.assignmentsDue.nodes.every((node) => /^\d{4}-\d{2}-\d{2}$/.test(node.dueDate))).toBe(true);
    const { total } = (await cast.evaluator0.client.data(AttentionCountsDocument)).attention!.counts;
    expect(total).toBe(2);
    expect(ids((await views(cast.evaluator1.client)).assignmentsDue)).toEqual([cast.overdueC]);
    expect((await views(cast.evaluator2.client)).assignmentsDue.totalCount).toBe(0);
  });

  it('an applicant sees the next report due and its month, their returned reports and open action items', async () => {
    const lists = await views(cast.delivery.applicant.client);
    expect(lists.reportsDue.edges.map((due) => [due.node.id, due.period, due.overdue])).toEqual([[cast.delivery.project.id, shenzhenMonth(3), true]]);
    expect(ids(lists.returnedReports)).toEqual([cast.returnedReport]);
    expect(ids(lists.openActionItems)).toEqual([cast.openItem]);
    for (const view of ['waitingForEvaluators', 'undecidedReviews', 'overdueAssignments', 'reportsAwaitingAcceptance', 'missingReports', 'overdueFollowUps', 'warningVisits', 'assignmentsDue'] as const) {
      expect(lists[view].totalCount, view).toBe(0);
    }
    // Delivery that began this month owes this month's report, not yet late.
    const calm = await views(cast.calm.applicant.client);
    expect(calm.reportsDue.edges.map((due) => [due.node.id, due.period, due.overdue])).toEqual([[cast.calm.project.id, shenzhenMonth(0), false]]);
  });

  it('sets a due date when assigning: the one given, today or later, or two weeks from today', async () => {
    const { project: fresh, program: call } = await submittedProject(app(), { minEvaluators: 1 });
    const round = await openRound(cast.districtStaff.client, call.id);
    const [evaluator] = await evaluators(app(), 1);
    const assignWith = (dueDate?: string) =>
      cast.staff.client.data(AssignEvaluatorsDocument, { input: { roundId: round.id, projectId: fresh.id, evaluatorIds: [evaluator.id], dueDate } });
    expect((await assignWith(yesterday())).assignEvaluators.userErrors.map((e) => [e.code, e.field])).toEqual([['OUT_OF_RANGE', ['input', 'dueDate']]]);
    expect((await assignWith('2026-02-30')).assignEvaluators.userErrors.map((e) => e.code)).toEqual(['INVALID_FORMAT']);
    expect((await assignWith()).assignEvaluators.userErrors).toEqual([]);
    const [due] = (await views(evaluator.client)).assignmentsDue.nodes;
    const inTwoWeeks = new Date(Date.now() + 8 * 3600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    expect(due.dueDate).toBe(inTwoWeeks);
  });
});

/** Copies the row `templateId` of `table` onto each project, as a new row; `overrides` are SQL for columns (`p.id` is the project). */
async function cloneOnto(table: string, templateId: string, projectIds: string[], overrides: Record<string, string> = {}) {
  if (!projectIds.length) return;
  const { rows } = await db.query<{ column_name: string; column_default: string | null }>(
    `select column_name, column_default from information_schema.columns where table_name = $1 order by ordinal_position`, [table]);
  const columns = rows.filter((row) => !row.column_default?.startsWith('nextval')).map((row) => row.column_name);
  const values = columns.map((column) => overrides[column] ?? ({ id: 'gen_random_uuid()', project_id: 'p.id' } as Record<string, string>)[column] ?? `t."${column}"`);
  await db.query(
    `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) select ${values.join(', ')} from "${table}" t cross join unnest($2::uuid[]) as p(id) where t.id = $1`,
    [templateId, projectIds],
  );
}

describe('attention views at scale', () => {
  it('cost one SQL statement each, with what their items show, at 20 projects as at 200', async () => {
    const call = await program(app(), { minEvaluators: 1 });
    const { applicant } = await applicantOrganization(app());
    const { staff, mentor } = cast.delivery;
    const [deliveryEvent] = (await db.query(`select id from lifecycle_event where project_id = $1 and to_status = 'IN_PROGRESS'`, [uuid(cast.delivery.project.id)])).rows;
    let created = 0;
    /** `count` more submitted projects of one organisation, each given its share of every duty in SQL. */
    async function grow(count: number) {
      const batch: string[] = [];
      for (let start = 0; start < count; start += 10) {
        batch.push(...(await Promise.all(Array.from({ length: Math.min(10, count - start) }, async (_, i) => {
          const made = await project(applicant.client, call.id, `规模项目 ${created + start + i}`);
          await revision(applicant.client, made.id);
          await applicant.client.data(SubmitProjectDocument, { input: { projectId: made.id } });
          return uuid(made.id);
        }))));
      }
      const group = (g: number) => batch.filter((_, i) => (created + i) % 4 === g);
      created += count;
      await db.query(`update project set lead_staff_id = $2 where id = any($1::uuid[])`, [batch, uuid(staff.id)]);
      await db.query(`insert into project_mentor (project_id, mentor_id) select unnest($1::uuid[]), $2`, [batch, uuid(mentor.id)]);
      await cloneOnto('follow_up', uuid(cast.overdueFollowUp), batch);
      await cloneOnto('action_item', uuid(cast.openItem), batch);
      await cloneOnto('service_report', uuid(cast.submittedReport), batch);
      await cloneOnto('service_report', uuid(cast.returnedReport), batch);
      const currentRevision = { revision_id: '(select current_revision_id from project where id = p.id)' };
      await cloneOnto('review_assignment', uuid(cast.overdueC), [...group(0), ...group(2), ...group(3)], currentRevision);
      await db.query(`update project set status = 'UNDER_REVIEW' where id = any($1::uuid[])`, [group(1)]);
      await cloneOnto('review_assignment', uuid(cast.scoredD), group(1), currentRevision);
      await db.query(`update project set status = 'IN_PROGRESS' where id = any($1::uuid[])`, [group(2)]);
      await cloneOnto('lifecycle_event', deliveryEvent.id, group(2));
      await cloneOnto('supervision_visit', uuid(cast.warningVisit), group(2));
    }

    const first = 100;
    const measured = {
      counts: [cast.staff, () => cast.staff.client.data(AttentionCountsDocument).then((r) => r.attention!.counts.total)],
      waitingForEvaluators: [cast.staff, () => cast.staff.client.data(AttentionWaitingForEvaluatorsDocument, { first }).then((r) => r.attention!.waitingForEvaluators.totalCount)],
      undecidedReviews: [cast.staff, () => cast.staff.client.data(AttentionUndecidedReviewsDocument, { first }).then((r) => r.attention!.undecidedReviews.totalCount)],
      overdueAssignments: [cast.staff, () => cast.staff.client.data(AttentionOverdueAssignmentsDocument, { first }).then((r) => r.attention!.overdueAssignments.totalCount)],
      reportsAwaitingAcceptance: [cast.staff, () => cast.staff.client.data(AttentionReportsAwaitingAcceptanceDocument, { first }).then((r) => r.attention!.reportsAwaitingAcceptance.totalCount)],
      missingReports: [cast.staff, () => cast.staff.client.data(AttentionMissingReportsDocument, { first }).then((r) => r.attention!.missingReports.totalCount)],
      overdueFollowUps: [cast.staff, () => cast.staff.client.data(AttentionOverdueFollowUpsDocument, { first }).then((r) => r.attention!.overdueFollowUps.totalCount)],
      warningVisits: [cast.staff, () => cast.staff.client.data(AttentionWarningVisitsDocument, { first }).then((r) => r.attention!.warningVisits.totalCount)],
      openActionItems: [mentor, () => mentor.client.data(AttentionOpenActionItemsDocument, { first }).then((r) => r.attention!.openActionItems.totalCount)],
      assignmentsDue: [cast.evaluator1, () => cast.evaluator1.client.data(AttentionAssignmentsDueDocument, { first }).then((r) => r.attention!.assignmentsDue.totalCount)],
      reportsDue: [applicant, () => applicant.client.data(AttentionReportsDueDocument, { first }).then((r) => r.attention!.reportsDue.totalCount)],
      returnedReports: [applicant, () => applicant.client.data(AttentionReturnedReportsDocument, { first }).then((r) => r.attention!.returnedReports.totalCount)],
    } as const;
    const statements: Record<string, number[]> = {};
    const sizes: Record<string, number[]> = {};
    for (const target of [20, 200]) {
      await grow(target - created);
      for (const [view, [, read]] of Object.entries(measured)) {
        let size = 0;
        (statements[view] ??= []).push(await app().countStatements(async () => { size = await read(); }));
        (sizes[view] ??= []).push(size);
      }
    }
    console.log(`SQL statements per attention view (20 projects, 200 projects): ${Object.entries(statements).map(([view, [small, large]]) => `${view} ${small}, ${large}`).join('; ')}`);
    for (const view of Object.keys(measured)) {
      expect(sizes[view][1], `${view} grows with the projects`).toBeGreaterThan(sizes[view][0]);
      // The page, its count and the rows its items show (their projects, organisations, rounds…) in one statement.
      expect(statements[view], view).toEqual([1, 1]);
    }
  }, 120_000);
});
