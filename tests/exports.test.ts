import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ProjectBoardDocument } from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, organization, park, person, place, program, project, revision, home } from './support/factories.js';

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
});
