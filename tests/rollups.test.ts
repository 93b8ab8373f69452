import { beforeAll, describe, expect, it } from 'vitest';
import {
  CloseProjectDocument,
  DistrictFunnelProjectsDocument,
  DistrictRollupDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  OpenProjectClosingDocument,
  ParkFunnelDocument,
  ParkFunnelProjectsDocument,
  ParksDocument,
  ParksFunnelsDocument,
  ProgramStatisticsDocument,
  RecordDecisionDocument,
  ReviewServiceReportDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
  type FunnelFiguresFragment,
  type FunnelFigure,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { home, organization, park, person, place, program, project, revision, type TestPerson } from './support/factories.js';
import { assign, evaluators, openRound, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();

/** What the fixture built: the places, the people, and the title of each project by what happened to it. */
interface World {
  nanshan: string;
  longgang: string;
  parkA: string;
  parkB: string;
  parkC: string;
  nanshanProgram: string;
  longgangProgram: string;
  districtStaff: TestPerson;
  parkAStaff: TestPerson;
  longgangStaff: TestPerson;
  mentor: TestPerson;
  evaluator: TestPerson;
  applicant: TestPerson;
}
let world: World;

/**
 * 南山区 has park A (the home park) and park B; 龙岗区 has park C. The 南山区 programme has projects
 * coached by A (delivered, rejected, draft), by B (closed EXCELLENT, draft), by no park (submitted)
 * and by C (a 龙岗区 organisation under 南山区’s programme: a 南山区 project, coached by C). The 龙岗区
 * programme has one submitted project coached by C.
 */
beforeAll(async () => {
  const { districtId: nanshan, parkId: parkA } = await home(app());
  const nanshanStreet = await place(app(), nanshan, 'STREET', '南山街道');
  const parkB = await park(app(), { name: '南山街道社会创新园', placeId: nanshanStreet, streetIds: [nanshanStreet] });
  const longgang = await place(app(), null, 'DISTRICT', '龙岗区');
  const henggang = await place(app(), longgang, 'STREET', '横岗街道');
  const parkC = await park(app(), { name: '横岗创新园', placeId: henggang, streetIds: [henggang] });

  const districtStaff = await person(app(), ['STAFF'], undefined, { parkIds: [], districtIds: [nanshan] });
  const longgangStaff = await person(app(), ['STAFF'], undefined, { parkIds: [], districtIds: [longgang] });
  const parkAStaff = await person(app(), ['STAFF']);
  const mentor = await person(app(), ['MENTOR']);
  const [evaluator] = await evaluators(app(), 1);
  const nanshanProgram = (await program(app(), { minEvaluators: 1 })).id;
  const longgangProgram = (await program(app(), { districtId: longgang, minEvaluators: 1 })).id;
  const proposalRound = await openRound(districtStaff.client, nanshanProgram);
  const closingRound = await openRound(districtStaff.client, nanshanProgram, 'CLOSING', '结项评估');

  let applicant!: TestPerson;
  const start = async (programId: string, title: string, coachedBy: { parkId: string | null; placeId?: string }) => {
    const org = await organization(app(), coachedBy);
    applicant = await person(app(), ['APPLICANT'], org.id);
    const created = await project(applicant.client, programId, title);
    await revision(applicant.client, created.id);
    return { id: created.id, client: applicant.client };
  };
  const staff = districtStaff.client;
  const ok = async (result: Promise<Record<string, { userErrors: unknown[] }>>) => {
    for (const payload of Object.values(await result)) expect(payload.userErrors).toEqual([]);
  };
  const coach = (projectId: string) =>
    ok(staff.data(LogCoachingSessionDocument, { input: { projectId, heldAt: yesterday(), mode: 'ON_SITE', durationMinutes: 60, topics: ['方案设计'], notes: '梳理服务流程' } }));
  const submit = (p: { id: string; client: Client }) => ok(p.client.data(SubmitProjectDocument, { input: { projectId: p.id } }));
  const review = async (p: { id: string; client: Client }, roundId: string, score: number, rubric?: string[]) => {
    const [{ assignmentId }] = await assign(staff, roundId, p.id, [evaluator]);
    await submitScorecard(evaluator, assignmentId, score, rubric);
  };
  const deliver = async (p: { id: string; client: Client }) => {
    await submit(p);
    await review(p, proposalRound.id, 88);
    await ok(staff.data(RecordDecisionDocument, { input: { projectId: p.id, outcome: 'APPROVED', grantAmount: 50000 } }));
    await ok(staff.data(StartProjectDeliveryDocument, { input: { projectId: p.id } }));
  };
  const visit = (projectId: string) =>
    ok(staff.data(LogSupervisionVisitDocument, { input: { projectId, visitedAt: yesterday(), kind: 'SITE_VISIT', findings: '活动开展规范', riskLevel: 'NORMAL' } }));
  const report = async (p: { id: string; client: Client }, period: string, personTimes: number, satisfactionRate: number) => {
    const submitted = await p.client.data(SubmitServiceReportDocument, {
      input: { projectId: p.id, period, personTimes, satisfactionRate, sessionsHeld: 4, volunteers: 6, volunteerHours: 20, spending: 5000, narrative: '开展社区活动', indicatorActuals: [] },
    });
    expect(submitted.submitServiceReport.userErrors).toEqual([]);
    await ok(staff.data(ReviewServiceReportDocument, { input: { reportId: submitted.submitServiceReport.report!.id, accept: true } }));
  };

  // Park A: delivered (coached, two visits, two accepted reports), rejected, a coached draft.
  const delivered = await start(nanshanProgram, 'A1 复能者俱乐部', { parkId: parkA });
  await coach(delivered.id);
  await deliver(delivered);
  await visit(delivered.id);
  await visit(delivered.id);
  await report(delivered, '2026-09', 120, 95);
  await report(delivered, '2026-10', 80, 85);
  const rejected = await start(nanshanProgram, 'A2 商户联盟新模式', { parkId: parkA });
  await submit(rejected);
  await review(rejected, proposalRound.id, 70);
  await ok(staff.data(RecordDecisionDocument, { input: { projectId: rejected.id, outcome: 'REJECTED', rationale: '与主题不符' } }));
  const draft = await start(nanshanProgram, 'A3 居民共治空间', { parkId: parkA });
  await coach(draft.id);

  // Park B: closed EXCELLENT (one visit, one accepted report), a draft.
  const closed = await start(nanshanProgram, 'B1 京剧唱响六约北', { parkId: parkB, placeId: nanshanStreet });
  await coach(closed.id);
  await deliver(closed);
  await visit(closed.id);
  await report(closed, '2026-09', 300, 90);
  await ok(staff.data(OpenProjectClosingDocument, { input: { projectId: closed.id } }));
  await review(closed, closingRound.id, 95, ['outcomes', 'finance']);
  const closing = await staff.data(CloseProjectDocument, { input: { projectId: closed.id } });
  expect(closing.closeProject.project).toMatchObject({ status: 'CLOSED', finalGrade: 'EXCELLENT' });
  await start(nanshanProgram, 'B2 同心南园邻里互助会', { parkId: parkB, placeId: nanshanStreet });

  // No park, and park C under 南山区's programme; then 龙岗区's own programme.
  await submit(await start(nanshanProgram, 'N1 家庭幸福经营学院', { parkId: null }));
  await start(nanshanProgram, 'C1 美好生活 龙岭花开', { parkId: parkC, placeId: henggang });
  const longgangProject = await start(longgangProgram, 'C2 六约北社区治理', { parkId: parkC, placeId: henggang });
  await submit(longgangProject);

  world = { nanshan, longgang, parkA, parkB, parkC, nanshanProgram, longgangProgram, districtStaff, parkAStaff, longgangStaff, mentor, evaluator, applicant };
}, 180_000);

/** A funnel with the figures given and zero elsewhere. */
function funnel(figures: Partial<Omit<FunnelFiguresFragment, 'closedByGrade'>> & { excellent?: number } = {}): FunnelFiguresFragment {
  const { excellent = 0, ...rest } = figures;
  return {
    projectCount: 0, coached: 0, applied: 0, approved: 0, inDelivery: 0, closed: 0,
    closedByGrade: [{ grade: 'EXCELLENT', count: excellent }, { grade: 'GOOD', count: 0 }, { grade: 'PASS', count: 0 }, { grade: 'FAIL', count: 0 }],
    supervisionVisits: 0, visitedProjects: 0, personTimes: 0, acceptedReports: 0, reportingProjects: 0, averageSatisfaction: null,
    ...rest,
  };
}

const COUNTED = ['projectCount', 'coached', 'applied', 'approved', 'inDelivery', 'closed', 'supervisionVisits', 'visitedProjects', 'personTimes', 'acceptedReports', 'reportingProjects'] as const;

describe('district roll-ups and park funnels', () => {
  it('gives each park its figures side by side, and district totals that are the sum of the rows', async () => {
    const { districtRollup: rollup } = await world.districtStaff.client.data(DistrictRollupDocument, { districtId: world.nanshan });
    const nanshanParks = (await app().admin.data(ParksDocument, { districtId: world.nanshan, first: 10 })).parks!.nodes.map((p) => p.id);
    // The district's parks in the parks list's order (by name), then the other district's park that coached one of its projects.
    expect(rollup!.parks.map((row) => row.park.id)).toEqual([...nanshanParks, world.parkC]);
    const row = (parkId: string) => rollup!.parks.find((r) => r.park.id === parkId)!.funnel;

    expect(row(world.parkA)).toEqual(funnel({
      projectCount: 3, coached: 2, applied: 2, approved: 1, inDelivery: 1,
      supervisionVisits: 2, visitedProjects: 1, personTimes: 200, acceptedReports: 2, reportingProjects: 1, averageSatisfaction: 90,
    }));
    expect(row(world.parkB)).toEqual(funnel({
      projectCount: 2, coached: 1, applied: 1, approved: 1, closed: 1, excellent: 1,
      supervisionVisits: 1, visitedProjects: 1, personTimes: 300, acceptedReports: 1, reportingProjects: 1, averageSatisfaction: 90,
    }));
    expect(row(world.parkC)).toEqual(funnel({ projectCount: 1 }));
    expect(rollup!.withoutPark).toEqual(funnel({ projectCount: 1, applied: 1 }));

    const rows = [...rollup!.parks.map((r) => r.funnel), rollup!.withoutPark];
    for (const figure of COUNTED) expect(rollup!.totals[figure], figure).toBe(rows.reduce((sum, r) => sum + r[figure], 0));
    rollup!.totals.closedByGrade.forEach(({ grade, count }, i) => expect(count, grade).toBe(rows.reduce((sum, r) => sum + r.closedByGrade[i].count, 0)));
    // The mean satisfaction is over the reports: (95 + 85 + 90) / 3.
    expect(rollup!.totals.averageSatisfaction).toBe(90);
    expect(rollup!.totals).toMatchObject({ projectCount: 7, coached: 3, applied: 4, approved: 2, personTimes: 500 });

    // 龙岗区: its own programme's project; park C's project under 南山区's programme is 南山区's.
    const { districtRollup: longgang } = await world.longgangStaff.client.data(DistrictRollupDocument, { districtId: world.longgang });
    expect(longgang!.parks.map((r) => [r.park.id, r.funnel.projectCount])).toEqual([[world.parkC, 1]]);
    expect(longgang!.totals).toEqual(funnel({ projectCount: 1, applied: 1 }));
  });

  it('narrows to a programme or a year', async () => {
    const rollup = async (variables: { programId?: string; year?: number }) =>
      (await app().admin.data(DistrictRollupDocument, { districtId: world.nanshan, ...variables })).districtRollup!.totals.projectCount;
    expect(await rollup({ programId: world.nanshanProgram })).toBe(7);
    expect(await rollup({ programId: world.longgangProgram })).toBe(0);
    expect(await rollup({ year: new Date().getFullYear() })).toBe(7);
    expect(await rollup({ year: 2001 })).toBe(0);
    const parkC = await app().admin.data(ParkFunnelDocument, { id: world.parkC });
    expect(parkC.node).toMatchObject({ funnel: { projectCount: 2, applied: 1 } });
    const parkCLonggang = await app().admin.data(ParkFunnelDocument, { id: world.parkC, programId: world.longgangProgram });
    expect(parkCLonggang.node).toMatchObject({ funnel: { projectCount: 1, applied: 1 } });
  });

  it('drills each figure down to exactly the projects it counts', async () => {
    const expected: Partial<Record<FunnelFigure, Record<string, string[]>>> = {
      ALL: { A: ['A1 复能者俱乐部', 'A2 商户联盟新模式', 'A3 居民共治空间'], B: ['B1 京剧唱响六约北', 'B2 同心南园邻里互助会'], C: ['C1 美好生活 龙岭花开'], none: ['N1 家庭幸福经营学院'] },
      COACHED: { A: ['A1 复能者俱乐部', 'A3 居民共治空间'], B: ['B1 京剧唱响六约北'], C: [], none: [] },
      APPLIED: { A: ['A1 复能者俱乐部', 'A2 商户联盟新模式'], B: ['B1 京剧唱响六约北'], C: [], none: ['N1 家庭幸福经营学院'] },
      APPROVED: { A: ['A1 复能者俱乐部'], B: ['B1 京剧唱响六约北'], C: [], none: [] },
      IN_DELIVERY: { A: ['A1 复能者俱乐部'], B: [], C: [], none: [] },
      CLOSED_EXCELLENT: { A: [], B: ['B1 京剧唱响六约北'], C: [], none: [] },
      CLOSED_GOOD: { A: [], B: [], C: [], none: [] },
      VISITED: { A: ['A1 复能者俱乐部'], B: ['B1 京剧唱响六约北'], C: [], none: [] },
      REPORTED: { A: ['A1 复能者俱乐部'], B: ['B1 京剧唱响六约北'], C: [], none: [] },
    };
    const { districtRollup: counts } = await world.districtStaff.client.data(DistrictRollupDocument, { districtId: world.nanshan });
    const countOf = (f: FunnelFiguresFragment, figure: FunnelFigure) =>
      ({ ALL: f.projectCount, COACHED: f.coached, APPLIED: f.applied, APPROVED: f.approved, IN_DELIVERY: f.inDelivery, CLOSED: f.closed, VISITED: f.visitedProjects, REPORTED: f.reportingProjects })[figure as string] ??
      f.closedByGrade.find((g) => `CLOSED_${g.grade}` === figure)!.count;
    const label = (parkId: string) => (parkId === world.parkA ? 'A' : parkId === world.parkB ? 'B' : 'C');
    for (const [figure, byRow] of Object.entries(expected) as [FunnelFigure, Record<string, string[]>][]) {
      const { districtRollup: drill } = await world.districtStaff.client.data(DistrictFunnelProjectsDocument, { districtId: world.nanshan, figure, first: 20 });
      for (const [i, r] of drill!.parks.entries()) {
        expect(r.funnel.projects.nodes.map((p) => p.title), `${figure} ${label(r.park.id)}`).toEqual(byRow[label(r.park.id)]);
        expect(r.funnel.projects.totalCount).toBe(countOf(counts!.parks[i].funnel, figure));
      }
      expect(drill!.withoutPark.projects.nodes.map((p) => p.title), `${figure} no park`).toEqual(byRow.none);
      expect(drill!.withoutPark.projects.totalCount).toBe(countOf(counts!.withoutPark, figure));
      expect(drill!.totals.projects.nodes.map((p) => p.title).sort()).toEqual(Object.values(byRow).flat().sort());
      expect(drill!.totals.projects.totalCount).toBe(countOf(counts!.totals, figure));
    }
  });

  it('pages through a figure’s projects with cursors that outlive the request', async () => {
    const page = (after?: string | null) => world.parkAStaff.client.data(ParkFunnelProjectsDocument, { id: world.parkA, figure: 'COACHED', first: 1, after });
    const first = (await page()).node as { funnel: { projects: { totalCount: number; nodes: { title: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    expect(first.funnel.projects).toMatchObject({ totalCount: 2, nodes: [{ title: 'A1 复能者俱乐部' }], pageInfo: { hasNextPage: true } });
    const second = (await page(first.funnel.projects.pageInfo.endCursor)).node as typeof first;
    expect(second.funnel.projects).toMatchObject({ nodes: [{ title: 'A3 居民共治空间' }], pageInfo: { hasNextPage: false } });
    // A cursor belongs to its figure's list.
    const other = await world.parkAStaff.client.errorCode(ParkFunnelProjectsDocument, { id: world.parkA, figure: 'APPLIED', first: 1, after: first.funnel.projects.pageInfo.endCursor });
    expect(other).toBe('BAD_USER_INPUT');
  });

  it('shows a park’s staff their park only, a district’s staff their district and its parks, and refuses everyone else', async () => {
    const { parkAStaff, districtStaff, longgangStaff, mentor, evaluator, applicant } = world;
    const parkFunnel = async (client: Client, id: string) => (await client.data(ParkFunnelDocument, { id })).node as { funnel: { projectCount: number } } | null;
    expect(await parkFunnel(parkAStaff.client, world.parkA)).toMatchObject({ funnel: { projectCount: 3 } });
    expect(await parkAStaff.client.errorCode(ParkFunnelDocument, { id: world.parkB })).toBe('FORBIDDEN');
    expect(await parkAStaff.client.errorCode(DistrictRollupDocument, { districtId: world.nanshan })).toBe('FORBIDDEN');
    expect(await parkFunnel(districtStaff.client, world.parkB)).toMatchObject({ funnel: { projectCount: 2 } });
    expect(await districtStaff.client.errorCode(ParkFunnelDocument, { id: world.parkC })).toBe('FORBIDDEN');
    expect(await districtStaff.client.errorCode(DistrictRollupDocument, { districtId: world.longgang })).toBe('FORBIDDEN');
    expect(await parkFunnel(longgangStaff.client, world.parkC)).toMatchObject({ funnel: { projectCount: 2 } });
    expect(await parkFunnel(app().admin, world.parkA)).toMatchObject({ funnel: { projectCount: 3 } });
    for (const outsider of [mentor, evaluator, applicant]) {
      expect(await outsider.client.errorCode(DistrictRollupDocument, { districtId: world.nanshan })).toBe('FORBIDDEN');
      expect(await outsider.client.errorCode(ParkFunnelDocument, { id: world.parkA })).toBe('FORBIDDEN');
    }
  });

  it('scopes programme statistics to the projects the viewer’s parks and districts cover', async () => {
    const counted = async (client: Client) => (await client.data(ProgramStatisticsDocument, { id: world.nanshanProgram })).program!.statistics!.projects;
    expect(await counted(app().admin)).toBe(7);
    expect(await counted(world.districtStaff.client)).toBe(7);
    expect(await counted(world.parkAStaff.client)).toBe(3);
    // 龙岗区's staff see park C's project under 南山区's programme, through their park.
    expect(await counted(world.longgangStaff.client)).toBe(1);
  });

  it('reads a district roll-up in the same number of statements for 2 parks as for 6', async () => {
    const futian = await place(app(), null, 'DISTRICT', '福田区');
    const streets = await Promise.all(['华富街道', '莲花街道', '园岭街道', '南园街道', '福田街道', '沙头街道'].map((name) => place(app(), futian, 'STREET', name)));
    const counts: Record<number, number> = {};
    const listCounts: Record<number, number> = {};
    for (const [i, street] of streets.entries()) {
      await park(app(), { name: `福田区第${i + 1}创新园`, placeId: street, streetIds: [street] });
      if (i !== 1 && i !== 5) continue;
      counts[i + 1] = await app().countStatements(async () => {
        const { districtRollup } = await app().admin.data(DistrictRollupDocument, { districtId: futian });
        expect(districtRollup!.parks).toHaveLength(i + 1);
      });
      listCounts[i + 1] = await app().countStatements(async () => {
        const { parks } = await app().admin.data(ParksFunnelsDocument, { districtId: futian, first: 10 });
        expect(parks!.nodes.map((p) => p.funnel!.projectCount)).toEqual(Array(i + 1).fill(0));
      });
    }
    console.log(`SQL statements per district roll-up (viewer lookup included): ${JSON.stringify(counts)}; per parks list with funnels: ${JSON.stringify(listCounts)}`);
    expect(counts[6]).toBe(counts[2]);
    expect(listCounts[6]).toBe(listCounts[2]);
    // The viewer (a new park changes the parks of its district's people, so every kept viewer was forgotten: see
    // app/viewer-cache.ts), the district, the roll-up with its totals, the parks.
    expect(counts[6]).toBeLessThanOrEqual(4);
  });
});
