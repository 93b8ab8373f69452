import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateProjectAreaDocument,
  CreateProjectDocument,
  CreateProjectTypeDocument,
  DistrictTaxonomyDocument,
  FilteredProjectsDocument,
  ProgramTaxonomyStatisticsDocument,
  ProjectTaxonomyDocument,
  RecordDecisionDocument,
  SaveRevisionDocument,
  SetProgramProjectTypesDocument,
  SetProjectTypeDocument,
  SubmitProjectDocument,
  UpdateProjectAreaDocument,
  UpdateProjectTypeDocument,
  type ProjectTypeKind,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { applicantOrganization, home, park, person, place, program, project, revision, revisionInput, type TestPerson } from './support/factories.js';
import { assign, evaluators, openRound, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

/** 4个方面12个类型: a few of a district's areas and types, with 服务类 capped below 工程类. */
let districtStaff: TestPerson;
let districtId: string;
let governance: string;
let drugs: string;
let service: string;
let works: string;
let drugPrevention: string;

async function area(client: Client, district: string, name: string) {
  const result = await client.data(CreateProjectAreaDocument, { input: { districtId: district, name } });
  expect(result.createProjectArea.userErrors).toEqual([]);
  return result.createProjectArea.area!.id;
}

async function type(client: Client, areaId: string, name: string, kind: ProjectTypeKind, maxGrant?: number) {
  const result = await client.data(CreateProjectTypeDocument, { input: { areaId, name, kind, maxGrant } });
  expect(result.createProjectType.userErrors).toEqual([]);
  return result.createProjectType.type!.id;
}

const budget = (amount: number) => ({ budgetLines: [{ item: '活动经费', amount }], requestedAmount: amount });

beforeAll(async () => {
  ({ districtId } = await home(app()));
  districtStaff = await person(app(), ['STAFF'], undefined, { parkIds: [], districtIds: [districtId] });
  governance = await area(districtStaff.client, districtId, '社区治理');
  drugs = await area(districtStaff.client, districtId, '禁毒');
  service = await type(districtStaff.client, governance, '社区服务', 'SERVICE', 30_000);
  works = await type(districtStaff.client, governance, '社区微改造', 'WORKS', 1_000_000);
  drugPrevention = await type(districtStaff.client, drugs, '禁毒宣传', 'SERVICE');
});

describe('a district’s project taxonomy', () => {
  it('is kept by the district’s staff and read from the district', async () => {
    const renamed = await districtStaff.client.data(UpdateProjectAreaDocument, { input: { areaId: drugs, name: '禁毒领域' } });
    expect(renamed.updateProjectArea).toMatchObject({ userErrors: [], area: { name: '禁毒领域', position: 1 } });

    const taxonomy = await districtStaff.client.data(DistrictTaxonomyDocument, { id: districtId });
    expect(taxonomy.node).toMatchObject({
      projectAreas: [
        { name: '社区治理', position: 0, types: [{ name: '社区微改造', kind: 'WORKS', maxGrant: 1000000 }, { name: '社区服务', kind: 'SERVICE', maxGrant: 30000 }] },
        { name: '禁毒领域', position: 1, types: [{ name: '禁毒宣传', kind: 'SERVICE', maxGrant: null }] },
      ],
    });
    expect(taxonomy.node?.__typename === 'Place' && taxonomy.node.projectTypes.map((t) => [t.name, t.area.name])).toEqual([
      ['社区微改造', '社区治理'], ['社区服务', '社区治理'], ['禁毒宣传', '禁毒领域'],
    ]);
  });

  it('refuses a repeated name and a bad cap, with codes', async () => {
    const repeated = await districtStaff.client.data(CreateProjectTypeDocument, { input: { areaId: drugs, name: '社区服务', kind: 'SERVICE', maxGrant: -5 } });
    expect(repeated.createProjectType.type).toBeNull();
    expect(repeated.createProjectType.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['DUPLICATE', 'input.name'],
      ['OUT_OF_RANGE', 'input.maxGrant'],
    ]);
  });

  it('is refused to staff who do not oversee the district: a park’s staff, here or in another district', async () => {
    const longgang = await place(app(), null, 'DISTRICT', '龙岗区');
    const hengang = await place(app(), longgang, 'STREET', '横岗街道');
    const hengangPark = await park(app(), { name: `横岗创新园 ${process.pid}`, placeId: hengang, streetIds: [hengang] });
    const elsewhere = await person(app(), ['STAFF'], undefined, { parkIds: [hengangPark] });
    const homePark = await person(app(), ['STAFF']);
    for (const staff of [elsewhere, homePark]) {
      const created = await staff.client.data(CreateProjectAreaDocument, { input: { districtId, name: `党建引领 ${staff.id}` } });
      expect(created.createProjectArea).toMatchObject({ area: null, userErrors: [{ code: 'OUTSIDE_WORKPLACE', field: ['input', 'districtId'] }] });
      const capped = await staff.client.data(UpdateProjectTypeDocument, { input: { typeId: service, maxGrant: 1 } });
      expect(capped.updateProjectType.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_WORKPLACE']);
    }
  });
});

describe('a project’s type and its cap', () => {
  it('is chosen from the project’s district, within the programme’s types', async () => {
    const call = await program(app());
    const { applicant } = await applicantOrganization(app());
    const longgang = await place(app(), null, 'DISTRICT', '龙岗区');
    const foreignArea = await area(app().admin, longgang, '民生服务');
    const foreign = await type(app().admin, foreignArea, '长者关爱', 'SERVICE');
    const input = { programId: call.id, title: '商户联盟新模式', focusArea: '社区治理', communityServed: '南山区南头街道田厦社区' };

    const wrongDistrict = await applicant.client.data(CreateProjectDocument, { input: { ...input, typeId: foreign } });
    expect(wrongDistrict.createProject).toMatchObject({ project: null, userErrors: [{ code: 'TYPE_NOT_IN_PROGRAM', field: ['input', 'typeId'] }] });

    const restricted = await districtStaff.client.data(SetProgramProjectTypesDocument, { input: { programId: call.id, typeIds: [drugPrevention] } });
    expect(restricted.setProgramProjectTypes).toMatchObject({ userErrors: [], program: { projectTypes: [{ name: '禁毒宣传' }] } });
    const notAccepted = await applicant.client.data(CreateProjectDocument, { input: { ...input, typeId: service } });
    expect(notAccepted.createProject.userErrors.map((e) => e.code)).toEqual(['TYPE_NOT_IN_PROGRAM']);

    const created = await applicant.client.data(CreateProjectDocument, { input: { ...input, typeId: drugPrevention } });
    expect(created.createProject.userErrors).toEqual([]);
    const read = await applicant.client.data(ProjectTaxonomyDocument, { id: created.createProject.project!.id });
    expect(read.project?.type).toMatchObject({ name: '禁毒宣传', area: { name: '禁毒领域' }, district: { name: '南山区' } });
  });

  it('caps the request and the grant, and a refused one writes nothing', async () => {
    const call = await program(app(), { minEvaluators: 1 });
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, call.id);
    const activities = await type(districtStaff.client, governance, '社区活动', 'SERVICE', 30_000);
    const typed = await applicant.client.data(SetProjectTypeDocument, { input: { projectId: created.id, typeId: activities } });
    expect(typed.setProjectType).toMatchObject({ userErrors: [], project: { type: { name: '社区活动' } } });

    // ¥50,000 is within the programme’s ¥100,000 maximum, above the type’s ¥30,000.
    const above = await applicant.client.data(SaveRevisionDocument, { input: revisionInput(created.id) });
    expect(above.saveRevision.revision).toBeNull();
    expect(above.saveRevision.userErrors).toEqual([
      { code: 'ABOVE_TYPE_CAP', field: ['input', 'requestedAmount'], message: 'The requested amount ¥50,000.00 is above the maximum grant of ¥30,000.00 for 社区活动 projects.' },
    ]);
    expect((await applicant.client.data(ProjectTaxonomyDocument, { id: created.id })).project?.currentRevision).toBeNull();

    await revision(applicant.client, created.id, budget(20_000));
    // A type whose cap the current request breaks cannot be chosen.
    const lower = await type(districtStaff.client, governance, `社区小服务 ${created.id}`, 'SERVICE', 10_000);
    const refused = await applicant.client.data(SetProjectTypeDocument, { input: { projectId: created.id, typeId: lower } });
    expect(refused.setProjectType.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['ABOVE_TYPE_CAP', 'input.typeId']]);

    expect((await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } })).submitProject.userErrors).toEqual([]);
    const draftOnly = await applicant.client.data(SetProjectTypeDocument, { input: { projectId: created.id, typeId: works } });
    expect(draftOnly.setProjectType.userErrors.map((e) => e.code)).toEqual(['INVALID_STATUS']);

    const round = await openRound(districtStaff.client, call.id);
    const [evaluator] = await evaluators(app(), 1);
    const [{ assignmentId }] = await assign(districtStaff.client, round.id, created.id, [evaluator]);
    await submitScorecard(evaluator, assignmentId, 88);
    // The district lowers the cap after the request: the grant is held to it.
    const capped = await districtStaff.client.data(UpdateProjectTypeDocument, { input: { typeId: activities, maxGrant: 15_000 } });
    expect(capped.updateProjectType).toMatchObject({ userErrors: [], type: { maxGrant: 15000 } });
    const tooMuch = await districtStaff.client.data(RecordDecisionDocument, { input: { projectId: created.id, outcome: 'APPROVED', grantAmount: 18_000 } });
    expect(tooMuch.recordDecision.decision).toBeNull();
    expect(tooMuch.recordDecision.userErrors).toEqual([
      { code: 'ABOVE_TYPE_CAP', field: ['input', 'grantAmount'], message: 'The grant ¥18,000.00 is above the maximum grant of ¥15,000.00 for 社区活动 projects.' },
    ]);
    const unchanged = await districtStaff.client.data(ProjectTaxonomyDocument, { id: created.id });
    expect(unchanged.project?.approvedGrant).toBeNull();

    const approved = await districtStaff.client.data(RecordDecisionDocument, { input: { projectId: created.id, outcome: 'APPROVED', grantAmount: 15_000 } });
    expect(approved.recordDecision).toMatchObject({ userErrors: [], project: { status: 'APPROVED', approvedGrant: 15000 } });
    // Staff classify at any time.
    const reclassified = await districtStaff.client.data(SetProjectTypeDocument, { input: { projectId: created.id, typeId: works } });
    expect(reclassified.setProjectType).toMatchObject({ userErrors: [], project: { type: { name: '社区微改造' } } });
    const back = await districtStaff.client.data(SetProjectTypeDocument, { input: { projectId: created.id, typeId: activities } });
    expect(back.setProjectType.userErrors.map((e) => e.message)).toEqual([
      'Revision 1’s request of ¥20,000.00 is above the maximum grant of ¥15,000.00 for 社区活动 projects.',
    ]);
  });
});

describe('projects by type and area', () => {
  it('filters a programme’s projects and breaks its statistics down', async () => {
    const call = await program(app(), { minEvaluators: 1 });
    const start = async (title: string, typeId: string | null, amount: number | null) => {
      const { applicant } = await applicantOrganization(app());
      const created = await applicant.client.data(CreateProjectDocument, {
        input: { programId: call.id, title, focusArea: '社区治理', communityServed: '南山区南头街道田厦社区', typeId },
      });
      expect(created.createProject.userErrors).toEqual([]);
      const id = created.createProject.project!.id;
      if (amount !== null) await revision(applicant.client, id, budget(amount));
      return { id, applicant };
    };
    const served = await start('居民共治空间', service, 20_000);
    const prevention = await start('反毒馨生——"过来人"志愿者培育', drugPrevention, 50_000);
    await start('同心南园邻里互助会', null, null);

    await served.applicant.client.data(SubmitProjectDocument, { input: { projectId: served.id } });
    const round = await openRound(districtStaff.client, call.id);
    const [evaluator] = await evaluators(app(), 1);
    const [{ assignmentId }] = await assign(districtStaff.client, round.id, served.id, [evaluator]);
    await submitScorecard(evaluator, assignmentId, 90);
    const decided = await districtStaff.client.data(RecordDecisionDocument, { input: { projectId: served.id, outcome: 'APPROVED', grantAmount: 15_000 } });
    expect(decided.recordDecision.userErrors).toEqual([]);

    const titles = async (filter: { typeId?: string; areaId?: string }) =>
      (await districtStaff.client.data(FilteredProjectsDocument, { programId: call.id, filter, first: 10 })).projects!.nodes.map((p) => p.id);
    expect(await titles({ typeId: service })).toEqual([served.id]);
    expect(await titles({ areaId: drugs })).toEqual([prevention.id]);
    expect(await titles({ areaId: governance })).toEqual([served.id]);
    expect(await titles({ typeId: works })).toEqual([]);
    const badId = await districtStaff.client.request(FilteredProjectsDocument, { programId: call.id, filter: { areaId: service } });
    expect(badId.errors?.[0]).toMatchObject({ message: 'filter.areaId is not a project area ID.', extensions: { code: 'BAD_USER_INPUT' } });

    const { program: read } = await districtStaff.client.data(ProgramTaxonomyStatisticsDocument, { id: call.id });
    expect(read?.statistics).toEqual({
      projects: 3,
      byArea: [
        { area: { id: governance, name: '社区治理' }, projects: 1, approved: 1, requestedAmount: 20000, approvedAmount: 15000 },
        { area: { id: drugs, name: '禁毒领域' }, projects: 1, approved: 0, requestedAmount: 50000, approvedAmount: 0 },
        { area: null, projects: 1, approved: 0, requestedAmount: 0, approvedAmount: 0 },
      ],
      byType: [
        { type: { id: service, name: '社区服务' }, projects: 1, approved: 1, requestedAmount: 20000, approvedAmount: 15000 },
        { type: { id: drugPrevention, name: '禁毒宣传' }, projects: 1, approved: 0, requestedAmount: 50000, approvedAmount: 0 },
        { type: null, projects: 1, approved: 0, requestedAmount: 0, approvedAmount: 0 },
      ],
    });
  });
});
