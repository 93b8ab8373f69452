import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CheckInToActivityDocument, CreateParkActivityDocument, LogSupervisionVisitDocument, ProjectBoardDocument, SubmitServiceReportDocument } from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, organization, park, person, place, program, project, revision, home } from './support/factories.js';
import { projectInDelivery, projectUnderReview, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

async function download(path: string, token: string | null) {
  const response = await fetch(app().url.replace(/\/graphql$/, path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

describe('exports', () => {
  it('streams the projects a staff member works on as CSV and .xlsx, with Chinese headers, the same rows as the API', async () => {
    const call = await program(app());
    const { applicant } = await applicantOrganization(app());
    const titles = ['京剧唱响六约北', '反毒馨生, "过来人"志愿者培育', '长者\\n食堂'];
    for (const title of titles) {
      const created = await project(applicant.client, call.id, title);
      await revision(applicant.client, created.id, { requestedAmount: 48_000.5, budgetLines: [{ item: '活动', amount: 48_000.5 }] });
    }
    // A project of another park: not this staff member's.
    const { districtId } = await home(app());
    const street = await place(app(), districtId, 'STREET', `西丽街道 ${Date.now()}`);
    const community = await place(app(), street, 'COMMUNITY', '西丽社区');
    const elsewhere = await park(app(), { name: `西丽街道社会创新园 ${Date.now()}`, placeId: street, streetIds: [street] });
    const foreign = await organization(app(), { placeId: community, parkId: elsewhere });
    const foreignApplicant = await person(app(), ['APPLICANT'], foreign.id);
    const hidden = await project(foreignApplicant.client, call.id, '别园的项目');

    const staff = await person(app(), ['STAFF']);
    const board = await staff.client.data(ProjectBoardDocument, { first: 100 });
    const ids = board.projects!.nodes.map((node) => node.id);
    expect(ids).not.toContain(hidden.id);

    const csv = await download('/exports/projects?format=csv&headers=zh', staff.client.token);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(csv.body, { bom: true }) as string[][];
    expect(header.slice(0, 4)).toEqual(['编号', '项目名称', '状态', '所属计划']);
    expect(rows.map((row) => row[0])).toEqual(ids);
    const byId = new Map(board.projects!.nodes.map((node) => [node.id, node]));
    for (const row of rows) {
      const node = byId.get(row[0])!;
      expect(row[1]).toBe(node.title);
      expect(row[2]).toBe(node.status);
      expect(row[4]).toBe(node.organization?.name);
      expect(row[9]).toBe(node.currentRevision ? String(node.currentRevision.requestedAmount) : '');
    }
    for (const title of titles) expect(rows.some((row) => row[1] === title)).toBe(true);

    const xlsx = await download('/exports/projects?format=xlsx', staff.client.token);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0];
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1).slice(0, 2)).toEqual(['ID', 'Title']);
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((row, i) => {
      const read = cells(i + 2);
      expect(read.slice(0, 9).map((v) => v ?? '')).toEqual(row.slice(0, 9));
      expect(read[9] ?? '').toEqual(row[9] === '' ? '' : Number(row[9]));
      expect((read[14] as Date).toISOString()).toBe(row[14]);
    });
  });

  it('answers anyone but staff, bad tokens and bad requests with a coded JSON error', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const staff = await person(app(), ['STAFF']);
    const refused = async (path: string, token: string | null, status: number, code: string) => {
      const response = await download(path, token);
      expect(response.status).toBe(status);
      expect(JSON.parse(response.body.toString()).errors[0].extensions.code).toBe(code);
    };
    await refused('/exports/projects', mentor.client.token, 403, 'FORBIDDEN');
    await refused('/exports/projects', null, 401, 'UNAUTHENTICATED');
    await refused('/exports/projects', 'not-a-token', 401, 'UNAUTHENTICATED');
    await refused('/exports/passwords', staff.client.token, 404, 'NOT_FOUND');
    await refused('/exports/projects?format=pdf', staff.client.token, 400, 'BAD_USER_INPUT');
    await refused('/exports/projects?headers=fr', staff.client.token, 400, 'BAD_USER_INPUT');
  });

  it('exports the scorecards, service reports and visits of the projects a staff member works on, to them only', async () => {
    const delivered = await projectInDelivery(app());
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const visit = await delivered.staff.client.data(LogSupervisionVisitDocument, {
      input: { projectId: delivered.project.id, visitedAt: yesterday, kind: 'SITE_VISIT', findings: '活动有序, 台账"齐全"', riskLevel: 'ATTENTION' },
    });
    expect(visit.logSupervisionVisit.userErrors).toEqual([]);
    const report = await delivered.applicant.client.data(SubmitServiceReportDocument, {
      input: { projectId: delivered.project.id, period: '2026-10', sessionsHeld: 4, personTimes: 210, volunteers: 10, volunteerHours: 40.5, satisfactionRate: 93.5, spending: 6000.25, narrative: '开展禁毒宣传四场', indicatorActuals: [{ name: '服务人次', actual: 210 }] },
    });
    expect(report.submitServiceReport.userErrors).toEqual([]);

    const rowsOf = async (name: string, token: string | null) => {
      const file = await download(`/exports/${name}?headers=zh`, token);
      expect(file.status).toBe(200);
      return parse(file.body, { bom: true }) as string[][];
    };
    const [reportHeader, ...reports] = await rowsOf('service-reports', delivered.staff.client.token);
    expect(reportHeader).toEqual(['编号', '项目编号', '项目名称', '月份', '开展场次', '服务人次', '志愿者人数', '志愿服务时长(小时)', '满意度(%)', '支出(元)', '状态', '提交时间', '审核时间']);
    const ours = reports.filter((row) => row[1] === delivered.project.id);
    expect(ours.map((row) => row.slice(0, 11))).toEqual([
      [report.submitServiceReport.report!.id, delivered.project.id, ours[0][2], '2026-10', '4', '210', '10', '40.5', '93.5', '6000.25', 'SUBMITTED'],
    ]);
    const [visitHeader, ...visits] = await rowsOf('visits', delivered.staff.client.token);
    expect(visitHeader).toEqual(['编号', '项目编号', '项目名称', '走访时间', '方式', '风险等级', '督导人员', '督导发现']);
    const visited = visits.filter((row) => row[1] === delivered.project.id);
    expect(visited).toEqual([[visit.logSupervisionVisit.visit!.id, delivered.project.id, ours[0][2], yesterday, 'SITE_VISIT', 'ATTENTION', delivered.staff.name, '活动有序, 台账"齐全"']]);

    const [scorecardHeader, ...scorecards] = await rowsOf('scorecards', delivered.staff.client.token);
    expect(scorecardHeader.slice(0, 8)).toEqual(['编号', '评审轮次', '评审类型', '项目编号', '项目名称', '评审专家', '状态', '总分']);
    const scored = scorecards.filter((row) => row[3] === delivered.project.id);
    expect(scored.map((row) => row[5]).sort()).toEqual(delivered.assignments.map(({ evaluator }) => evaluator.name).sort());
    expect(scored.map((row) => [row[2], row[6], row[7]])).toEqual(scored.map(() => ['PROPOSAL', 'SUBMITTED', '88']));

    // Staff of another park see none of it.
    const { districtId } = await home(app());
    const street = await place(app(), districtId, 'STREET', `桃源街道 ${Date.now()}`);
    const elsewhere = await park(app(), { name: `桃源街道社会创新园 ${Date.now()}`, placeId: street, streetIds: [street] });
    const stranger = await person(app(), ['STAFF'], undefined, { parkIds: [elsewhere] });
    for (const name of ['service-reports', 'visits', 'projects', 'scorecards']) {
      const rows = (await rowsOf(name, stranger.client.token)).slice(1);
      expect(rows.some((row) => row.includes(delivered.project.id))).toBe(false);
    }
  });

  it('exports activities, their check-ins and the rankings, the same figures as the API, to the park’s staff only', async () => {
    const staff = await person(app(), ['STAFF']);
    const { parkId, districtId } = await home(app());
    const xili = await place(app(), districtId, 'STREET', '西丽街道');
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const created = await staff.client.data(CreateParkActivityDocument, {
      input: { parkId, kind: 'SITE_OBSERVATION', title: '“共治空间”现场观摩会, 第"1"期', sessions: [{ startsAt: at(5), endsAt: at(4), mode: 'ON_SITE' }, { startsAt: at(3), endsAt: at(2), mode: 'ON_SITE' }] },
    });
    const activity = created.createParkActivity.activity!;
    for (const [session, name] of [[0, '李小红'], [0, '王建国'], [1, '李小红']] as const) {
      const checked = await staff.client.data(CheckInToActivityDocument, { input: { sessionId: activity.sessions[session].id, guest: { name, unit: '西丽街道办事处', streetId: xili } } });
      expect(checked.checkInToActivity.userErrors).toEqual([]);
    }
    const [activityHeader, ...activities] = parse((await download('/exports/activities?headers=zh', staff.client.token)).body, { bom: true }) as string[][];
    expect(activityHeader.slice(0, 4)).toEqual(['编号', '园区', '类型', '活动名称']);
    const row = activities.find((r) => r[0] === activity.id)!;
    expect([row[3], row[9], row[10], row[11], row[12], row[13]]).toEqual(['“共治空间”现场观摩会, 第"1"期', '2', '2', '3', '2', '1']);

    const attendance = await download('/exports/attendance?format=xlsx', staff.client.token);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(attendance.body as never);
    const sheet = workbook.worksheets[0];
    const lines = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1)).filter((line) => line[0] === activity.id);
    expect(lines.map((line) => [line[2], line[5], line[6], line[7], line[9]]).sort()).toEqual([
      [1, '李小红', '西丽街道办事处', '西丽街道', 'yes'], [1, '王建国', '西丽街道办事处', '西丽街道', 'yes'], [2, '李小红', '西丽街道办事处', '西丽街道', 'yes'],
    ]);

    const reviewed = await projectUnderReview(app());
    for (const [i, { evaluator, assignmentId }] of reviewed.assignments.entries()) await submitScorecard(evaluator, assignmentId, 80 + i);
    const [rankingHeader, ...rankings] = parse((await download('/exports/rankings', reviewed.staff.client.token)).body, { bom: true }) as string[][];
    expect(rankingHeader).toEqual(['Round ID', 'Round', 'Kind', 'Closed at', 'Rank', 'Projects ranked', 'Project ID', 'Project', 'Score', 'Scorecards counted']);
    expect(rankings.find((r) => r[6] === reviewed.project.id)).toEqual([reviewed.round.id, reviewed.round.name, 'PROPOSAL', '', '1', '1', reviewed.project.id, reviewed.project.title, '81', '3']);

    const { districtId: d } = await home(app());
    const street = await place(app(), d, 'STREET', `沙河街道 ${Date.now()}`);
    const stranger = await person(app(), ['STAFF'], undefined, { parkIds: [await park(app(), { name: `沙河街道社会创新园 ${Date.now()}`, placeId: street, streetIds: [street] })] });
    for (const name of ['activities', 'attendance', 'rankings']) {
      const rows = (parse((await download(`/exports/${name}`, stranger.client.token)).body, { bom: true }) as string[][]).slice(1);
      expect(rows.some((r) => r.includes(activity.id) || r.includes(reviewed.project.id))).toBe(false);
    }
  });
});
