import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignEvaluatorsDocument,
  DistrictAttentionDocument,
  DistrictNodeDocument,
  DistrictOrganizationsDocument,
  DistrictPeopleDocument,
  DistrictProgramRoundsDocument,
  DistrictProjectDocument,
  DistrictProjectsDocument,
  DistrictRankingDocument,
  LogCoachingSessionDocument,
  MoveOrganizationDocument,
  ProjectEventsLiveDocument,
  SubmitProjectDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, home, organization, park, person, place, program, project, revision, type TestPerson } from './support/factories.js';
import { assign, openRound, submitScorecard } from './support/lifecycle.js';
import { connectLive, hearOne, pause, subscribe } from './support/live.js';

/**
 * Two districts, three parks: 南头 and 南山 in district A (南山区), 横岗 in district B (龙岗区). Each
 * park has its staff and an applicant organisation with a submitted project; district A's programme
 * takes the projects of both its parks, district B's the third. One evaluator is in both districts'
 * pools. Everyone asks for everything; only what their parks and districts cover comes back.
 */
const app = useTestApp();

interface Applicant {
  organizationId: string;
  applicant: TestPerson;
  projectId: string;
}

const w: {
  districtA: string; districtB: string; parkA1: string; parkA2: string; parkB: string; operatorId: string; operatorName: string;
  staffA1: TestPerson; staffA2: TestPerson; staffB: TestPerson; districtStaffA: TestPerson; mentorA1: TestPerson;
  sharedEvaluator: TestPerson; poolAEvaluator: TestPerson;
  a1: Applicant; a2: Applicant; b: Applicant;
  programA: string; programB: string; roundA: string;
} = {} as never;

async function submitted(client: TestPerson['client'], programId: string) {
  const created = await project(client, programId);
  await revision(client, created.id);
  const result = await client.data(SubmitProjectDocument, { input: { projectId: created.id } });
  expect(result.submitProject.userErrors).toEqual([]);
  return created.id;
}

async function applicantIn(parkId: string, placeId: string, programId: string): Promise<Applicant> {
  const org = await organization(app(), { parkId, placeId });
  const applicant = await person(app(), ['APPLICANT'], org.id);
  return { organizationId: org.id, applicant, projectId: await submitted(applicant.client, programId) };
}

beforeAll(async () => {
  const h = await home(app());
  w.districtA = h.districtId;
  w.parkA1 = h.parkId;
  const streetA2 = await place(app(), h.districtId, 'STREET', '南山街道');
  const communityA2 = await place(app(), streetA2, 'COMMUNITY', '荔湾社区');
  w.districtB = await place(app(), null, 'DISTRICT', '龙岗区');
  const streetB = await place(app(), w.districtB, 'STREET', '横岗街道');
  const communityB = await place(app(), streetB, 'COMMUNITY', '六约北社区');
  // 南山创新园 is run by an operator organisation whose staff also sit on expert panels.
  const operator = await organization(app(), { name: '龙岗区众智公共服务创新中心', placeId: h.communityId, parkId: h.parkId });
  w.operatorId = operator.id;
  w.operatorName = operator.name;
  w.parkA2 = await park(app(), { name: '南山街道社会创新园', placeId: streetA2, streetIds: [streetA2], operatorId: operator.id });
  w.parkB = await park(app(), { name: '横岗创新园', placeId: streetB, streetIds: [streetB] });

  w.staffA1 = await person(app(), ['STAFF']);
  w.staffA2 = await person(app(), ['STAFF'], undefined, { parkIds: [w.parkA2] });
  w.staffB = await person(app(), ['STAFF'], undefined, { parkIds: [w.parkB] });
  w.districtStaffA = await person(app(), ['STAFF'], undefined, { parkIds: [], districtIds: [w.districtA] });
  w.mentorA1 = await person(app(), ['MENTOR']);
  w.sharedEvaluator = await person(app(), ['EVALUATOR'], undefined, { parkIds: [], districtIds: [w.districtA, w.districtB] });
  w.poolAEvaluator = await person(app(), ['EVALUATOR']);

  w.programA = (await program(app(), { minEvaluators: 1 })).id;
  w.programB = (await program(app(), { minEvaluators: 1, districtId: w.districtB, funder: '龙岗区民政局' })).id;
  w.a1 = await applicantIn(w.parkA1, h.communityId, w.programA);
  w.a2 = await applicantIn(w.parkA2, communityA2, w.programA);
  w.b = await applicantIn(w.parkB, communityB, w.programB);

  // District A runs its programme's round; each park assigns its own project's evaluators from the pool.
  w.roundA = (await openRound(w.districtStaffA.client, w.programA)).id;
  const [first] = await assign(w.staffA1.client, w.roundA, w.a1.projectId, [w.sharedEvaluator]);
  const [second] = await assign(w.staffA2.client, w.roundA, w.a2.projectId, [w.poolAEvaluator]);
  await submitScorecard(w.sharedEvaluator, first.assignmentId, 81);
  await submitScorecard(w.poolAEvaluator, second.assignmentId, 93);
});

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe('a project by ID, across parks and districts', () => {
  it('answers NOT_FOUND and no data to everyone whose parks and districts do not cover it', async () => {
    const outsiders: [string, TestPerson, string][] = [
      ['park A2 staff, park A1’s project', w.staffA2, w.a1.projectId],
      ['park B staff, park A1’s project', w.staffB, w.a1.projectId],
      ['park A1 staff, park A2’s project', w.staffA1, w.a2.projectId],
      ['park A1 staff, district B’s project', w.staffA1, w.b.projectId],
      ['district A staff, district B’s project', w.districtStaffA, w.b.projectId],
      ['a mentor of park A1, a project they do not mentor', w.mentorA1, w.a1.projectId],
      ['an applicant, another park’s project', w.a1.applicant, w.a2.projectId],
      ['the shared evaluator, a project not assigned to them', w.sharedEvaluator, w.b.projectId],
    ];
    for (const [who, viewer, projectId] of outsiders) {
      for (const result of [
        await viewer.client.request(DistrictProjectDocument, { id: projectId }),
        await viewer.client.request(DistrictNodeDocument, { id: projectId }),
      ]) {
        expect(Object.values(result.data ?? {}).filter((value) => value !== null), who).toEqual([]);
        expect(result.errors?.map((e) => e.extensions?.code), who).toEqual(['NOT_FOUND']);
      }
    }
  });

  it('shows it to its park’s staff, its district’s staff and its evaluator', async () => {
    for (const [viewer, projectId] of [
      [w.staffA1, w.a1.projectId], [w.staffA2, w.a2.projectId], [w.staffB, w.b.projectId],
      [w.districtStaffA, w.a1.projectId], [w.districtStaffA, w.a2.projectId], [w.sharedEvaluator, w.a1.projectId],
    ] as const) {
      expect((await viewer.client.data(DistrictProjectDocument, { id: projectId })).project?.id).toBe(projectId);
    }
  });
});

describe('lists', () => {
  it('give each park’s staff their park’s projects and organisations, a district’s staff its parks’', async () => {
    const projects = async (viewer: TestPerson) => ids((await viewer.client.data(DistrictProjectsDocument)).projects!.nodes);
    expect(await projects(w.staffA1)).toEqual([w.a1.projectId]);
    expect(await projects(w.staffA2)).toEqual([w.a2.projectId]);
    expect(await projects(w.staffB)).toEqual([w.b.projectId]);
    expect((await projects(w.districtStaffA)).sort()).toEqual([w.a1.projectId, w.a2.projectId].sort());

    const organizations = async (viewer: TestPerson) => ids((await viewer.client.data(DistrictOrganizationsDocument)).organizations!.nodes);
    expect(await organizations(w.staffA2)).toEqual([w.a2.organizationId]);
    expect(await organizations(w.staffB)).toEqual([w.b.organizationId]);
    expect((await organizations(w.districtStaffA)).sort()).toEqual([w.a1.organizationId, w.a2.organizationId, w.operatorId].sort());
  });

  it('give a park’s staff the people of their park, their district’s pool and their organisations, with no one from elsewhere', async () => {
    const people = async (viewer: TestPerson) => (await viewer.client.data(DistrictPeopleDocument)).people!.nodes;
    const seenByB = ids(await people(w.staffB));
    expect(seenByB).toEqual(expect.arrayContaining([w.staffB.id, w.sharedEvaluator.id, w.b.applicant.id]));
    for (const hidden of [w.staffA1, w.staffA2, w.districtStaffA, w.mentorA1, w.poolAEvaluator, w.a1.applicant]) expect(seenByB).not.toContain(hidden.id);
    const seenByA1 = await people(w.staffA1);
    expect(ids(seenByA1)).toEqual(expect.arrayContaining([w.staffA1.id, w.mentorA1.id, w.sharedEvaluator.id, w.poolAEvaluator.id, w.districtStaffA.id, w.a1.applicant.id]));
    expect(ids(seenByA1)).not.toContain(w.staffB.id);
    expect(seenByA1.find((p) => p.id === w.poolAEvaluator.id)?.email).toBe(w.poolAEvaluator.email);
  });
});

describe('a district programme’s round', () => {
  it('ranks district-wide; each park sees only its own projects, with their district-wide rank', async () => {
    const ranking = async (viewer: TestPerson) => (await viewer.client.data(DistrictRankingDocument, { roundId: w.roundA })).reviewRound?.ranking;
    expect(await ranking(w.districtStaffA)).toMatchObject([
      { rank: 1, fieldSize: 2, score: 93, project: { id: w.a2.projectId } },
      { rank: 2, fieldSize: 2, score: 81, project: { id: w.a1.projectId } },
    ]);
    expect(await ranking(w.staffA1)).toMatchObject([{ rank: 2, fieldSize: 2, score: 81, project: { id: w.a1.projectId } }]);
    expect(await ranking(w.staffA2)).toMatchObject([{ rank: 1, fieldSize: 2, score: 93, project: { id: w.a2.projectId } }]);
  });

  it('is not there at all for a park none of whose projects take part', async () => {
    const result = await w.staffB.client.request(DistrictRankingDocument, { roundId: w.roundA });
    expect(result.data?.reviewRound ?? null).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const rounds = await w.staffB.client.data(DistrictProgramRoundsDocument, { programId: w.programA });
    expect(rounds.node).toMatchObject({ reviewRounds: { totalCount: 0, nodes: [] } });
    const ownRounds = await w.staffA1.client.data(DistrictProgramRoundsDocument, { programId: w.programA });
    expect(ownRounds.node).toMatchObject({ reviewRounds: { totalCount: 1, nodes: [{ id: w.roundA }] } });
  });
});

describe('attention views', () => {
  it('list only the projects of the viewer’s parks and districts', async () => {
    const attention = async (viewer: TestPerson) => (await viewer.client.data(DistrictAttentionDocument)).attention!;
    expect(ids((await attention(w.staffA1)).undecidedReviews.nodes)).toEqual([w.a1.projectId]);
    expect(ids((await attention(w.staffA2)).undecidedReviews.nodes)).toEqual([w.a2.projectId]);
    expect(ids((await attention(w.districtStaffA)).undecidedReviews.nodes).sort()).toEqual([w.a1.projectId, w.a2.projectId].sort());
    const parkB = await attention(w.staffB);
    expect(parkB.undecidedReviews.totalCount).toBe(0);
    expect(ids(parkB.waitingForEvaluators.nodes)).toEqual([w.b.projectId]);
    expect((await attention(w.staffA1)).waitingForEvaluators.totalCount).toBe(0);
  });
});

describe('live events', () => {
  const open: { dispose(): unknown }[] = [];
  afterAll(async () => {
    for (const client of open) await client.dispose();
  });
  const live = (viewer: TestPerson, variables: { programId?: string }) => {
    const connection = connectLive(app().url, viewer.client.token);
    open.push(connection.client);
    return subscribe(connection.client, ProjectEventsLiveDocument, variables);
  };

  it('reach the staff of the project’s park and district, and no other park’s staff, however they subscribe', async () => {
    const own = live(w.staffA1, {});
    const district = live(w.districtStaffA, { programId: w.programA });
    const neighbours = [live(w.staffA2, {}), live(w.staffA2, { programId: w.programA }), live(w.staffB, {})];
    const coach = () => w.staffA1.client.data(LogCoachingSessionDocument, {
      input: { projectId: w.a1.projectId, heldAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'ONLINE', durationMinutes: 30, topics: ['路演准备'], notes: '准备路演答辩。' },
    });
    await hearOne(own, coach);
    await hearOne(district, coach);
    await pause(300);
    for (const neighbour of neighbours) {
      expect(neighbour.received).toEqual([]);
      expect(neighbour.errors).toEqual([]);
    }
  });
});

describe('the expert pool and conflicts of interest across parks', () => {
  it('refuses an evaluator from the operator of the park coaching the project', async () => {
    const operatorExpert = await person(app(), ['EVALUATOR'], w.operatorId);
    const project = await submitted(w.a2.applicant.client, w.programA);
    const result = await w.staffA2.client.data(AssignEvaluatorsDocument, { input: { roundId: w.roundA, projectId: project, evaluatorIds: [operatorExpert.id] } });
    expect(result.assignEvaluators.userErrors).toMatchObject([{ code: 'CONFLICT_OF_INTEREST', field: ['input', 'evaluatorIds', '0'] }]);
    expect(result.assignEvaluators.userErrors[0].message).toContain(w.operatorName);
    expect(result.assignEvaluators.userErrors[0].message).toContain('南山街道社会创新园');
    // The same expert reviews for another park of the district, one their organisation does not run.
    const other = await submitted(w.a1.applicant.client, w.programA);
    await assign(w.staffA1.client, w.roundA, other, [operatorExpert]);
  });

  it('refuses an evaluator outside the pool of the programme’s district, and takes one in both pools in either', async () => {
    const districtBOnly = await person(app(), ['EVALUATOR'], undefined, { parkIds: [], districtIds: [w.districtB] });
    const project = await submitted(w.a1.applicant.client, w.programA);
    const refused = await w.staffA1.client.data(AssignEvaluatorsDocument, { input: { roundId: w.roundA, projectId: project, evaluatorIds: [districtBOnly.id] } });
    expect(refused.assignEvaluators.userErrors).toMatchObject([{ code: 'OUTSIDE_WORKPLACE', field: ['input', 'evaluatorIds', '0'] }]);
    expect(refused.assignEvaluators.assignments).toBeNull();

    const roundB = await openRound(app().admin, w.programB);
    await assign(w.staffB.client, roundB.id, w.b.projectId, [w.sharedEvaluator]);
    await assign(w.staffA1.client, w.roundA, project, [w.sharedEvaluator]);
  });

  it('keeps another park’s staff from assigning evaluators to a project they do not cover', async () => {
    const project = await submitted(w.a1.applicant.client, w.programA);
    const result = await w.staffA2.client.data(AssignEvaluatorsDocument, { input: { roundId: w.roundA, projectId: project, evaluatorIds: [w.poolAEvaluator.id] } });
    expect(result.assignEvaluators.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });
});

describe('an organisation that moves from one park to another', () => {
  it('leaves the projects with the park that coached them; the new park sees the organisation and its new projects', async () => {
    const { organization: org, applicant } = await applicantOrganization(app());
    const coached = await submitted(applicant.client, w.programA);
    const moved = await app().admin.data(MoveOrganizationDocument, { input: { organizationId: org.id, parkId: w.parkA2, reason: '迁入南山街道' } });
    expect(moved.moveOrganization.userErrors).toEqual([]);
    const later = await submitted(applicant.client, w.programA);

    const sees = async (viewer: TestPerson, id: string) => !!(await viewer.client.request(DistrictProjectDocument, { id })).data?.project;
    expect([await sees(w.staffA1, coached), await sees(w.staffA1, later)]).toEqual([true, false]);
    expect([await sees(w.staffA2, coached), await sees(w.staffA2, later)]).toEqual([false, true]);
    expect(ids((await w.staffA2.client.data(DistrictOrganizationsDocument)).organizations!.nodes)).toContain(org.id);
    expect(ids((await w.staffA1.client.data(DistrictOrganizationsDocument)).organizations!.nodes)).toContain(org.id);
  });
});
