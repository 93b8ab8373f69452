import mammoth from 'mammoth';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptResourceMatchDocument,
  CheckInToActivityDocument,
  CreateParkActivityDocument,
  CreateResourceOfferDocument,
  DeliverResourceMatchDocument,
  IssueOperationsReportDocument,
  IssuedReportDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  OperationsReportDocument,
  ProposeResourceMatchDocument,
  ReviewServiceReportDocument,
  SaveOperationsReportSectionsDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
  type CreateParkActivityInput,
  type ReportScopeInput,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { ensureChromium, openBrowser } from './support/browser.js';
import { districtStaff, home, park, person, place, program, project, revision, type Home, type TestPerson } from './support/factories.js';
import { projectInDelivery } from './support/lifecycle.js';

const app = useTestApp();
const HOUR = 3600_000;
const year = new Date(Date.now() - 3 * HOUR).getFullYear();

let here: Home;
let staff: TestPerson;
let district: TestPerson;
let otherStaff: TestPerson;
let otherParkId: string;
let xili: string;
let ids: { programName: string; coached: string; workshop: string; delivery: string; visits: string[]; report: string; match: string };
let scope: ReportScopeInput;

async function activity(by: TestPerson, input: Omit<Partial<CreateParkActivityInput>, 'sessions'> & { sessions: number }) {
  const { sessions, ...rest } = input;
  const result = await by.client.data(CreateParkActivityDocument, {
    input: {
      parkId: here.parkId, kind: 'TRAINING_COURSE', title: '社会心理服务骨干人才培训班', ...rest,
      sessions: Array.from({ length: sessions }, (_, i) => ({ startsAt: new Date(Date.now() - (3 + i) * HOUR).toISOString(), endsAt: new Date(Date.now() - (2 + i) * HOUR).toISOString(), mode: 'ON_SITE' as const })),
    },
  });
  expect(result.createParkActivity.userErrors).toEqual([]);
  return result.createParkActivity.activity!;
}

async function checkIns(by: TestPerson, sessionId: string, guests: [string, string | null][]) {
  for (const [name, streetId] of guests) {
    const result = await by.client.data(CheckInToActivityDocument, { input: { sessionId, guest: { name, ...(streetId ? { streetId } : {}) } } });
    expect(result.checkInToActivity.userErrors).toEqual([]);
  }
}

/**
 * A year of the home park, counted by hand: one project coached in a session and submitted, one
 * linked to a coaching workshop and never submitted, one in delivery (not coached) with two visits
 * and an accepted monthly report; a workshop (2 check-ins) and a two-session course (3 + 2).
 * Another park of the district holds one activity of 4 check-ins.
 */
beforeAll(async () => {
  here = await home(app());
  const delivery = await projectInDelivery(app());
  staff = delivery.staff;
  district = await districtStaff(app());
  xili = await place(app(), here.districtId, 'STREET', '西丽街道');
  otherParkId = await park(app(), { name: `西丽街道社会创新园 ${Date.now()}`, placeId: xili, streetIds: [xili] });
  otherStaff = await person(app(), ['STAFF'], undefined, { parkIds: [otherParkId] });

  const call = await program(app());
  const coached = await project(delivery.applicant.client, call.id, '京剧唱响六约北');
  await revision(delivery.applicant.client, coached.id);
  const session = await staff.client.data(LogCoachingSessionDocument, {
    input: { projectId: coached.id, heldAt: new Date(Date.now() - 4 * HOUR).toISOString(), mode: 'ON_SITE', durationMinutes: 60, topics: ['项目设计'], notes: '辅导项目方案', actionItems: [] },
  });
  expect(session.logCoachingSession.userErrors).toEqual([]);
  expect((await delivery.applicant.client.data(SubmitProjectDocument, { input: { projectId: coached.id } })).submitProject.userErrors).toEqual([]);
  const workshopOnly = await project(delivery.applicant.client, call.id, '长者食堂');

  const visits: string[] = [];
  for (const findings of ['活动有序', '档案齐全']) {
    const visit = await staff.client.data(LogSupervisionVisitDocument, { input: { projectId: delivery.project.id, visitedAt: new Date(Date.now() - 5 * HOUR).toISOString(), kind: 'SITE_VISIT', findings, riskLevel: 'NORMAL' } });
    visits.push(visit.logSupervisionVisit.visit!.id);
  }
  const submitted = await delivery.applicant.client.data(SubmitServiceReportDocument, {
    input: { projectId: delivery.project.id, period: new Date(Date.now() - 3 * HOUR).toISOString().slice(0, 7), sessionsHeld: 4, personTimes: 210, volunteers: 10, volunteerHours: 40, satisfactionRate: 93, spending: 6000, narrative: '开展禁毒宣传四场', indicatorActuals: [] },
  });
  const reportId = submitted.submitServiceReport.report!.id;
  expect((await staff.client.data(ReviewServiceReportDocument, { input: { reportId, accept: true } })).reviewServiceReport.userErrors).toEqual([]);

  const workshop = await activity(staff, { kind: 'COACHING_WORKSHOP', title: '社区社会组织如何设计公益创投项目辅导会', projectIds: [coached.id, workshopOnly.id], sessions: 1 });
  await checkIns(staff, workshop.sessions[0].id, [['黄美玲', here.streetId], ['曾国强', xili]]);
  const course = await activity(staff, { sessions: 2 });
  await checkIns(staff, course.sessions[0].id, [['李小红', xili], ['王建国', xili], ['陈志强', null]]);
  await checkIns(staff, course.sessions[1].id, [['李小红', xili], ['王建国', xili]]);
  const elsewhere = await activity(otherStaff, { parkId: otherParkId, kind: 'EXCHANGE', title: '西丽交流活动', sessions: 1 });
  await checkIns(otherStaff, elsewhere.sessions[0].id, [['甲', xili], ['乙', xili], ['丙', xili], ['丁', xili]]);

  // Resource matching: one offer proposed to two projects, one match delivered at ¥6,000.50, the other left proposed.
  const offer = (await staff.client.data(CreateResourceOfferDocument, {
    input: { parkId: here.parkId, kind: 'FUNDING', title: '社区基金会小额资助', providerName: '南山区社区基金会', terms: '按项目需要拨付', value: 8000 },
  })).createResourceOffer.offer!;
  const delivered = (await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: delivery.project.id } })).proposeResourceMatch.match!;
  expect((await delivery.applicant.client.data(AcceptResourceMatchDocument, { input: { matchId: delivered.id } })).acceptResourceMatch.userErrors).toEqual([]);
  expect((await staff.client.data(DeliverResourceMatchDocument, { input: { matchId: delivered.id, valueBrokered: 6000.5 } })).deliverResourceMatch.userErrors).toEqual([]);
  expect((await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: coached.id } })).proposeResourceMatch.userErrors).toEqual([]);

  ids = { programName: call.name, coached: coached.id, workshop: workshopOnly.id, delivery: delivery.project.id, visits, report: reportId, match: delivered.id };
  scope = { parkId: here.parkId, year };
});

const numbersIn = (sentence: string) => (sentence.match(/\d+(\.\d+)?/g) ?? []).map(Number);

describe('operations report', () => {
  it('states each figure as counted by hand, with the rows behind it, in Chinese and English', async () => {
    const { operationsReport: report } = await staff.client.data(OperationsReportDocument, { scope });
    expect(report).toMatchObject({ zh: expect.stringMatching(new RegExp(`^南头街道社会创新园 .+${year}年度运营工作报告$`)), en: expect.stringContaining(`operations report, ${year}`), periodKind: 'YEAR', periodStart: `${year}-01-01`, park: { id: here.parkId } });
    const f = report!.figures;
    expect(f.coaching).toMatchObject({ sessions: 1, projectsCoached: 2, projectsApplied: 1 });
    expect(f.coaching.coachedProjects.map((p) => p.id).sort()).toEqual([ids.coached, ids.workshop].sort());
    expect(f.coaching.appliedProjects.map((p) => p.id)).toEqual([ids.coached]);
    expect(f.coaching.byProgram).toEqual([expect.objectContaining({ coached: 2, applied: 1 })]);
    expect(f.funnel).toEqual({ created: 3, submitted: 2, approved: 1, started: 1, closed: 0 });
    expect(f.supervision).toEqual({ visits: 2, projectsVisited: 1, visitList: ids.visits.map((id) => ({ id })) });
    expect(f.serviceReports).toMatchObject({ submitted: 1, accepted: 1, personTimes: 210, averageSatisfaction: 93, acceptedReports: [{ id: ids.report }], byProject: [{ project: { id: ids.delivery }, submitted: 1, accepted: 1 }] });
    expect(f.activities).toMatchObject({ activities: 2, sessions: 3, personTimes: 7, trainingPersonTimes: 5, streetCount: 2, streets: [{ street: { name: '西丽街道' }, personTimes: 5 }, { street: { name: '南头街道' }, personTimes: 1 }] });
    expect(f.activities.byKind).toEqual([{ kind: 'TRAINING_COURSE', activities: 1, sessions: 2, personTimes: 5 }, { kind: 'COACHING_WORKSHOP', activities: 1, sessions: 1, personTimes: 2 }]);
    expect(f.activities.activityList).toHaveLength(2);
    expect(f.closings).toEqual([]);
    expect(f.resources).toEqual({ offers: 1, matchesProposed: 2, matchesDelivered: 1, valueBrokered: 6000.5, projectsServed: 1, matches: [{ id: ids.match }] });

    const zh = report!.summary;
    expect(zh).toContain(`${year}年度,${report!.zh.replace(`${year}年度运营工作报告`, '')}围绕“${ids.programName}”累计辅导2个项目,成功申报1个项目。`);
    expect(zh).toContain('走访督导2轮,覆盖1个项目。');
    expect(zh.find((s) => s.startsWith('举办活动'))).toBe('举办活动2场,共3场次,7人次参与,其中培训5人次;参与者来自2个街道。');
    expect(zh).toContain('对接资源1项,撮合价值6,000.5元,惠及1个项目。');
    expect(report!.summaryEn.find((s) => s.startsWith('The park held'))).toBe('The park held 2 activities in 3 sessions, with 7 person-times, 5 of them in training; people came from 2 streets.');
    // Both languages state the same numbers, sentence by sentence.
    expect(report!.summaryEn.length).toBe(zh.length);
    zh.forEach((sentence, i) => expect(numbersIn(report!.summaryEn[i]).sort()).toEqual(numbersIn(sentence).sort()));
  });

  it('issues immutable numbered versions: figures frozen, corrections later versions with a note', async () => {
    const saved = await staff.client.data(SaveOperationsReportSectionsDocument, { input: { scope, sections: [{ heading: '一、推进基层社会治理', body: '第一段。\n\n第二段 <script>alert(1)</script>' }] } });
    expect(saved.saveOperationsReportSections.userErrors).toEqual([]);
    const stale = await staff.client.data(SaveOperationsReportSectionsDocument, { input: { scope, sections: [], expectedVersion: saved.saveOperationsReportSections.report!.version - 1 } });
    expect(stale.saveOperationsReportSections.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);

    const first = (await staff.client.data(IssueOperationsReportDocument, { input: { scope } })).issueOperationsReport;
    expect(first.userErrors).toEqual([]);
    expect(first.issued).toMatchObject({ number: 1, note: null, figures: { supervision: { visits: 2 } }, sections: [{ heading: '一、推进基层社会治理' }] });
    const noNote = (await staff.client.data(IssueOperationsReportDocument, { input: { scope } })).issueOperationsReport;
    expect(noNote.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'note'] })]);

    // A visit logged later: the live figures move, version 1 does not; version 2 states it.
    await staff.client.data(LogSupervisionVisitDocument, { input: { projectId: ids.delivery, visitedAt: new Date(Date.now() - HOUR).toISOString(), kind: 'ONLINE_CHECK', findings: '补录的走访', riskLevel: 'NORMAL' } });
    const second = (await staff.client.data(IssueOperationsReportDocument, { input: { scope, note: '补录一次走访督导' } })).issueOperationsReport;
    expect(second.issued).toMatchObject({ number: 2, note: '补录一次走访督导', figures: { supervision: { visits: 3 } } });
    const v1 = (await staff.client.data(IssuedReportDocument, { id: first.issued!.id })).node;
    if (v1?.__typename !== 'IssuedOperationsReport') throw new Error('not an issued report');
    expect(v1.figures.supervision).toEqual({ visits: 2, projectsVisited: 1, visitList: ids.visits.map((id) => ({ id })) });
    expect(v1.summary).toContain('走访督导2轮,覆盖1个项目。');
    const live = (await staff.client.data(OperationsReportDocument, { scope })).operationsReport!;
    expect(live.figures.supervision.visits).toBe(3);
    expect(live.issues.map((issue) => issue.number)).toEqual([2, 1]);

    const db = new pg.Client({ connectionString: app().databaseUrl });
    await db.connect();
    try {
      await expect(db.query(`update operations_report_issue set figures = '{}' where number = 1`)).rejects.toThrow(/never changed/);
      await expect(db.query('delete from operations_report_issue')).rejects.toThrow(/never changed/);
    } finally {
      await db.end();
    }
  });

  it('keeps each report to the staff over its scope; the district rolls its parks up', async () => {
    const refused = await otherStaff.client.request(OperationsReportDocument, { scope });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mentor = await person(app(), ['MENTOR']);
    expect((await mentor.client.request(OperationsReportDocument, { scope })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await staff.client.request(OperationsReportDocument, { scope: { districtId: here.districtId, year } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = (await otherStaff.client.data(OperationsReportDocument, { scope: { parkId: otherParkId, year } })).operationsReport!;
    expect(own.figures.activities).toMatchObject({ activities: 1, personTimes: 4 });
    const rollUp = (await district.client.data(OperationsReportDocument, { scope: { districtId: here.districtId, year } })).operationsReport!;
    expect(rollUp.park).toBeNull();
    expect(rollUp.figures.activities).toMatchObject({ activities: 3, personTimes: 11, streetCount: 2 });
    expect(rollUp.figures.supervision.visits).toBeGreaterThanOrEqual(2);
    const bad = await district.client.data(SaveOperationsReportSectionsDocument, { input: { scope: { districtId: here.districtId, year, quarter: 5 }, sections: [] } });
    expect(bad.saveOperationsReportSections.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_RANGE', field: ['input', 'scope', 'quarter'] })]);
  });

  it('downloads as a Word document that parses back to its figures, and as a page that renders in Chromium', async () => {
    const issued = (await staff.client.data(OperationsReportDocument, { scope })).operationsReport!;
    const summary = issued.summary;
    const base = app().url.replace(/\/graphql$/, '');
    const draft = `${base}/operations-reports/draft.docx?parkId=${encodeURIComponent(here.parkId)}&year=${year}`;
    const response = await fetch(draft, { headers: { authorization: `Bearer ${staff.client.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    for (const sentence of summary) expect(text).toContain(sentence);
    expect(text).toContain('第二段 <script>alert(1)</script>');

    const refused = await fetch(draft, { headers: { authorization: `Bearer ${otherStaff.client.token}` } });
    expect(refused.status).toBe(403);
    expect((await fetch(draft)).status).toBe(401);
    expect((await fetch(`${base}/operations-reports/draft.docx?parkId=${encodeURIComponent(here.parkId)}&year=abc`, { headers: { authorization: `Bearer ${staff.client.token}` } })).status).toBe(400);

    const version = (await staff.client.data(OperationsReportDocument, { scope })).operationsReport!.issues[0];
    ensureChromium();
    const { browser, page, outside } = await openBrowser();
    try {
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${staff.client.token}` });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => void dialogs.push(dialog.message()));
      const loaded = await page.goto(`${base}/operations-reports/${encodeURIComponent(version.id)}.html`);
      expect(loaded?.status()).toBe(200);
      expect(loaded?.headers()['content-security-policy']).toContain("default-src 'none'");
      const shown = await page.innerText('body');
      expect(shown).toContain('第2版');
      expect(shown).toContain('第二段 <script>alert(1)</script>');
      expect(shown).toContain('走访督导3轮,覆盖1个项目。');
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(2);
      const screenshot = await page.screenshot({ fullPage: true });
      expect(screenshot.length).toBeGreaterThan(10_000);
      expect(dialogs).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

