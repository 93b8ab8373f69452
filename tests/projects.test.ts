import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  CompareRevisionsDocument,
  CreateProjectDocument,
  ProjectDocument,
  ProjectRevisionsDocument,
  SaveRevisionDocument,
  SubmitProjectDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, person, program, project, revision, revisionInput } from './support/factories.js';

const app = useTestApp();

async function revisionCount(projectId: string) {
  return (await app().admin.data(ProjectRevisionsDocument, { id: projectId })).project!.revisions.totalCount;
}

describe('creating a project', () => {
  it('lets an applicant start a project for their organisation in an open programme', async () => {
    const { applicant, organization } = await applicantOrganization(app());
    const open = await program(app());
    const created = await project(applicant.client, open.id, '复能者俱乐部——社区精神康复柏人计划');
    expect(created).toMatchObject({
      title: '复能者俱乐部——社区精神康复柏人计划',
      status: 'DRAFT',
      revisionCount: 0,
      organization: { id: organization.id },
      program: { id: open.id },
      currentRevision: null,
      viewerCan: { saveRevision: true, submit: false, assignTeam: false },
    });
  });

  it('refuses a closed programme, a foreign focus area and another organisation', async () => {
    const { applicant } = await applicantOrganization(app());
    const other = await applicantOrganization(app());
    const closed = await program(app(), { applicationsOpenAt: '2022-03-01T00:00:00Z', applicationsCloseAt: '2022-04-30T00:00:00Z', year: 2022 });
    const open = await program(app());
    const input = { title: '京剧唱响六约北', focusArea: '禁毒宣传', communityServed: '龙岗区横岗街道六约北社区' };

    const late = await applicant.client.data(CreateProjectDocument, { input: { ...input, programId: closed.id } });
    expect(late.createProject.userErrors.map((e) => e.code)).toEqual(['PROGRAM_NOT_OPEN']);
    const wrongArea = await applicant.client.data(CreateProjectDocument, { input: { ...input, programId: open.id, focusArea: '文化传承' } });
    expect(wrongArea.createProject.userErrors).toMatchObject([{ code: 'FOCUS_AREA_NOT_IN_PROGRAM', message: expect.stringContaining('精神康复') }]);
    const foreign = await applicant.client.data(CreateProjectDocument, { input: { ...input, programId: open.id, organizationId: other.organization.id } });
    expect(foreign.createProject.userErrors.map((e) => e.code)).toEqual(['NOT_ORGANIZATION_MEMBER']);
    expect((await other.applicant.client.data(CreateProjectDocument, { input: { ...input, programId: open.id } })).createProject.userErrors).toEqual([]);
    const again = await other.applicant.client.data(CreateProjectDocument, { input: { ...input, programId: open.id } });
    expect(again.createProject.userErrors.map((e) => e.code)).toEqual(['DUPLICATE']);
  });
});

describe('proposal revisions', () => {
  it('numbers each saved revision and keeps earlier ones unchanged', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    const first = await revision(applicant.client, created.id);
    expect(first).toMatchObject({ number: 1, requestedAmount: 50000, changeNote: null, author: { id: applicant.id } });
    expect(first.budgetLines).toEqual([
      { item: '培训费', amount: 30000, note: null },
      { item: '活动物资', amount: 15000.5, note: null },
      { item: '宣传品', amount: 4999.5, note: null },
    ]);
    const second = await revision(applicant.client, created.id, {
      summary: '培育"过来人"志愿者,扩大社区禁毒宣传覆盖。',
      changeNote: '根据导师辅导意见提高服务人次目标',
      indicatorTargets: [
        { name: '服务人次', unit: '人次', target: 3000 },
        { name: '活动场次', unit: '场', target: 28 },
      ],
    });
    expect(second.number).toBe(2);

    const revisions = await app().admin.data(ProjectRevisionsDocument, { id: created.id });
    expect(revisions.project!.revisions.nodes.map((r) => r.number)).toEqual([2, 1]);
    expect(revisions.project!.revisions.nodes[1]).toEqual(first);
    const current = await applicant.client.data(ProjectDocument, { id: created.id });
    expect(current.project).toMatchObject({ revisionCount: 2, currentRevision: { id: second.id, number: 2 } });
  });

  it('is immutable in the database itself', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    await revision(applicant.client, created.id);
    const db = new pg.Client({ connectionString: app().databaseUrl });
    await db.connect();
    try {
      await expect(db.query(`update proposal_revision set summary = 'rewritten'`)).rejects.toThrow(/immutable/);
      await expect(db.query(`delete from proposal_revision`)).rejects.toThrow(/immutable/);
    } finally {
      await db.end();
    }
  });

  it('refuses a request above the programme maximum and budgets that do not add up, writing nothing', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app(), { maxGrant: 40000 })).id);
    const result = await applicant.client.data(SaveRevisionDocument, { input: revisionInput(created.id, { requestedAmount: 60000 }) });
    expect(result.saveRevision.revision).toBeNull();
    expect(result.saveRevision.userErrors).toEqual([
      { code: 'REQUEST_ABOVE_MAXIMUM', field: ['input', 'requestedAmount'], message: '¥60,000.00 is above this programme’s maximum grant of ¥40,000.00.' },
      { code: 'BUDGET_MISMATCH', field: ['input', 'budgetLines'], message: 'The budget lines add up to ¥50,000.00 but the requested amount is ¥60,000.00; they must be equal.' },
    ]);
    const invalid = await applicant.client.data(SaveRevisionDocument, {
      input: revisionInput(created.id, {
        summary: '',
        objectives: [],
        indicatorTargets: [{ name: '服务人次', unit: '人次', target: 0 }, { name: '服务人次', unit: '人次', target: 5 }],
        budgetLines: [{ item: '培训费', amount: 0.001 }],
        requestedAmount: 0.001,
      }),
    });
    expect(invalid.saveRevision.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['REQUIRED', 'input.summary'],
      ['REQUIRED', 'input.objectives'],
      ['OUT_OF_RANGE', 'input.indicatorTargets.0.target'],
      ['DUPLICATE', 'input.indicatorTargets.1'],
      ['OUT_OF_RANGE', 'input.budgetLines.0.amount'],
      ['OUT_OF_RANGE', 'input.requestedAmount'],
    ]);
    expect(await revisionCount(created.id)).toBe(0);
    expect((await applicant.client.data(ProjectDocument, { id: created.id })).project!.revisionCount).toBe(0);
  });

  it('compares two revisions field by field', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    const first = await revision(applicant.client, created.id);
    const second = await revision(applicant.client, created.id, {
      summary: '培育"过来人"志愿者,开展社区禁毒宣传、同伴支持与家属互助。',
      objectives: ['培育"过来人"志愿者10名', '开展禁毒宣传活动32场'],
      requestedAmount: 52000,
      budgetLines: [
        { item: '培训费', amount: 32000 },
        { item: '活动物资', amount: 15000.5 },
        { item: '宣传品', amount: 4999.5 },
      ],
      team: [{ name: '李社工', role: '项目负责人' }, { name: '王督导', role: '督导' }],
    });
    const { compareRevisions } = await applicant.client.data(CompareRevisionsDocument, { from: first.id, to: second.id });
    expect(compareRevisions!.from.number).toBe(1);
    expect(compareRevisions!.changes).toEqual([
      { field: 'SUMMARY', beforeText: '培育"过来人"志愿者,开展社区禁毒宣传与同伴支持。', afterText: '培育"过来人"志愿者,开展社区禁毒宣传、同伴支持与家属互助。' },
      {
        field: 'OBJECTIVES',
        items: [{ change: 'CHANGED', key: '开展禁毒宣传活动32场', beforeText: '开展禁毒宣传活动28场', afterText: '开展禁毒宣传活动32场', changedProperties: ['text'] }],
      },
      {
        field: 'BUDGET_LINES',
        items: [{ change: 'CHANGED', key: '培训费', before: { item: '培训费', amount: 30000, note: null }, after: { item: '培训费', amount: 32000, note: null }, changedProperties: ['amount'] }],
      },
      { field: 'REQUESTED_AMOUNT', beforeAmount: 50000, afterAmount: 52000 },
      { field: 'TEAM', items: [{ change: 'ADDED', key: '王督导', before: null, after: { name: '王督导', role: '督导' }, changedProperties: [] }] },
    ]);
    const reverse = await applicant.client.data(CompareRevisionsDocument, { from: second.id, to: first.id });
    const team = reverse.compareRevisions!.changes.find((c) => c.field === 'TEAM');
    expect(team && 'items' in team && team.items[0]).toMatchObject({ change: 'REMOVED', before: { name: '王督导' } });

    const elsewhere = await project(applicant.client, (await program(app())).id);
    const foreign = await revision(applicant.client, elsewhere.id);
    expect(await applicant.client.errorCode(CompareRevisionsDocument, { from: first.id, to: foreign.id })).toBe('BAD_USER_INPUT');
  });
});

describe('submitting', () => {
  it('needs a revision, moves DRAFT to SUBMITTED, and a new revision reopens the draft', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    const empty = await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    expect(empty.submitProject.userErrors.map((e) => e.code)).toEqual(['NO_REVISION']);

    await revision(applicant.client, created.id);
    const submitted = await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    expect(submitted.submitProject).toMatchObject({ userErrors: [], project: { status: 'SUBMITTED', submittedAt: expect.any(String) } });

    const twice = await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    expect(twice.submitProject.userErrors).toMatchObject([{ code: 'INVALID_STATUS', message: expect.stringContaining('SUBMITTED') }]);

    const revised = await applicant.client.data(SaveRevisionDocument, { input: revisionInput(created.id, { changeNote: '补充预算说明' }) });
    expect(revised.saveRevision.project).toMatchObject({ status: 'DRAFT', revisionCount: 2 });
  });

  it('is refused once the deadline has passed', async () => {
    const { applicant } = await applicantOrganization(app());
    const open = await program(app());
    const created = await project(applicant.client, open.id);
    await revision(applicant.client, created.id);
    const { UpdateProgramDocument } = await import('./generated/graphql.js');
    await app().admin.data(UpdateProgramDocument, { input: { programId: open.id, applicationsOpenAt: '2026-01-01T00:00:00Z', applicationsCloseAt: '2026-02-01T00:00:00Z' } });
    const late = await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    expect(late.submitProject.userErrors.map((e) => e.code)).toEqual(['PROGRAM_NOT_OPEN']);
    expect((await applicant.client.data(ProjectDocument, { id: created.id })).project!.status).toBe('DRAFT');
  });
});

describe('the project team', () => {
  it('lets staff assign a lead staff member and mentors with the right roles', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    const staff = await person(app(), ['STAFF']);
    const mentors = [await person(app(), ['MENTOR']), await person(app(), ['MENTOR'])];

    const wrong = await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, leadStaffId: mentors[0].id, mentorIds: [staff.id] } });
    expect(wrong.assignProjectTeam.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['WRONG_ROLE', 'input.leadStaffId.0'],
    ]);
    const ok = await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, leadStaffId: staff.id, mentorIds: mentors.map((m) => m.id) } });
    expect(ok.assignProjectTeam).toMatchObject({ userErrors: [], project: { leadStaff: { id: staff.id } } });
    expect(ok.assignProjectTeam.project!.mentors.map((m) => m.id).sort()).toEqual(mentors.map((m) => m.id).sort());

    const fewer = await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentors[1].id] } });
    expect(fewer.assignProjectTeam.project).toMatchObject({ leadStaff: { id: staff.id }, mentors: [{ id: mentors[1].id }] });
    const applicantTries = await applicant.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [] } });
    expect(applicantTries.assignProjectTeam.userErrors.map((e) => e.code)).toEqual(['WRONG_ROLE']);
  });
});
