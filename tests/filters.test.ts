import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  CreateProjectDocument,
  FilteredProjectsDocument,
  OrganizationFilteredProjectsDocument,
  ProgramFilteredProjectsDocument,
  SubmitProjectDocument,
  type FilteredProjectsQuery,
  type ProjectFilter,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { home, organization, person, place, program, revision, type TestPerson } from './support/factories.js';

const app = useTestApp();

async function create(client: Client, programId: string, title: string, focusArea: string, organizationId: string) {
  const result = await client.data(CreateProjectDocument, { input: { programId, title, focusArea, communityServed: '南山区南头街道', organizationId } });
  expect(result.createProject.userErrors).toEqual([]);
  return result.createProject.project!.id;
}

/**
 * Two organisations in two districts, four projects told apart by every filter, and seven more
 * (社区花园 0–6) to page through.
 */
let staff: TestPerson;
let otherStaff: TestPerson;
let mentor: TestPerson;
let otherMentor: TestPerson;
let applicant: TestPerson;
let programId: string;
let nanshanId: string;
const ids: Record<string, string> = {};
const gardens: string[] = [];

beforeAll(async () => {
  const call = await program(app());
  programId = call.id;
  [staff, otherStaff, mentor, otherMentor] = await Promise.all([
    person(app(), ['STAFF']), person(app(), ['STAFF']), person(app(), ['MENTOR']), person(app(), ['MENTOR']),
  ]);
  const nanshan = await organization(app(), { name: '深圳市温馨社工服务中心', placeId: (await home(app())).districtId });
  const longgang = await organization(app(), { name: '龙岗区益民社会工作服务社', placeId: await place(app(), null, 'DISTRICT', '龙岗区') });
  nanshanId = nanshan.id;
  applicant = await person(app(), ['APPLICANT'], nanshan.id);
  const longgangApplicant = await person(app(), ['APPLICANT'], longgang.id);
  ids.antiDrug = await create(applicant.client, programId, '反毒馨生志愿者培育', '禁毒宣传', nanshan.id);
  ids.elders = await create(applicant.client, programId, '长者关爱行动', '社区治理', nanshan.id);
  ids.opera = await create(longgangApplicant.client, programId, '京剧唱响六约北', '社区治理', longgang.id);
  ids.family = await create(longgangApplicant.client, programId, 'Family Happiness 100%_club', '精神康复', longgang.id);
  await revision(applicant.client, ids.antiDrug);
  await revision(applicant.client, ids.elders, { summary: '旧方案:社区长者茶话会。' });
  await revision(applicant.client, ids.elders, { summary: '为南头古城的独居长者提供上门探访。' });
  await revision(longgangApplicant.client, ids.family, { summary: 'Peer support for families facing mental illness.' });
  await applicant.client.data(SubmitProjectDocument, { input: { projectId: ids.antiDrug } });
  await longgangApplicant.client.data(SubmitProjectDocument, { input: { projectId: ids.family } });
  const team = async (projectId: string, leadStaffId: string | null, mentorIds: string[]) => {
    const result = await staff.client.data(AssignProjectTeamDocument, { input: { projectId, leadStaffId, mentorIds } });
    expect(result.assignProjectTeam.userErrors).toEqual([]);
  };
  await team(ids.antiDrug, staff.id, [mentor.id]);
  await team(ids.opera, staff.id, []);
  await team(ids.family, otherStaff.id, [mentor.id]);
  await team(ids.elders, null, [otherMentor.id]);
  for (let i = 0; i < 7; i++) gardens.push(await create(staff.client, programId, `社区花园 ${i}`, '精神康复', longgang.id));
}, 120_000);

const nameOf = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0] ?? (gardens.includes(id) ? 'garden' : id);

async function matching(client: Client, filter: ProjectFilter): Promise<string[]> {
  const result = await client.data(FilteredProjectsDocument, { filter, programId, first: 100 });
  expect(result.projects!.totalCount).toBe(result.projects!.nodes.length);
  return result.projects!.nodes.map((node) => nameOf(node.id)).sort();
}

describe('filters on projects', () => {
  it('by several statuses', async () => {
    expect(await matching(staff.client, { statuses: ['SUBMITTED'] })).toEqual(['antiDrug', 'family']);
    expect(await matching(staff.client, { statuses: ['DRAFT', 'SUBMITTED'] })).toHaveLength(11);
    expect(await matching(staff.client, { statuses: ['APPROVED', 'IN_PROGRESS'] })).toEqual([]);
  });

  it('by lead staff, and “mine” for staff and mentors', async () => {
    expect(await matching(staff.client, { leadStaffId: staff.id })).toEqual(['antiDrug', 'opera']);
    expect(await matching(otherStaff.client, { leadStaffId: staff.id })).toEqual(['antiDrug', 'opera']);
    expect(await matching(staff.client, { mine: true })).toEqual(['antiDrug', 'opera']);
    expect(await matching(otherStaff.client, { mine: true })).toEqual(['family']);
    expect(await matching(mentor.client, { mine: true })).toEqual(['antiDrug', 'family']);
    expect(await matching(applicant.client, { mine: true })).toEqual([]);
    expect(await matching(staff.client, { mine: false })).toHaveLength(11);
  });

  it('by mentor, within what the viewer may see', async () => {
    expect(await matching(staff.client, { mentorId: mentor.id })).toEqual(['antiDrug', 'family']);
    expect(await matching(staff.client, { mentorId: otherMentor.id })).toEqual(['elders']);
    expect(await matching(mentor.client, {})).toEqual(['antiDrug', 'family']);
    // Another mentor's projects stay invisible to this one, filter or not.
    expect(await matching(mentor.client, { mentorId: otherMentor.id })).toEqual([]);
  });

  it('by focus area and district', async () => {
    expect(await matching(staff.client, { focusArea: '社区治理' })).toEqual(['elders', 'opera']);
    expect(await matching(staff.client, { district: '南山区' })).toEqual(['antiDrug', 'elders']);
    expect(await matching(staff.client, { district: '福田区' })).toEqual([]);
  });

  it('searches titles, organisation names and current summaries, in Chinese and ignoring case', async () => {
    expect(await matching(staff.client, { search: '京剧' })).toEqual(['opera']);
    expect(await matching(staff.client, { search: '温馨社工' })).toEqual(['antiDrug', 'elders']);
    expect(await matching(staff.client, { search: '南头古城' })).toEqual(['elders']);
    expect(await matching(staff.client, { search: '过来人' })).toEqual(['antiDrug']);
    expect(await matching(staff.client, { search: 'HAPPINESS' })).toEqual(['family']);
    expect(await matching(staff.client, { search: 'mental illness' })).toEqual(['family']);
    // Only the current revision's summary counts.
    expect(await matching(staff.client, { search: '茶话会' })).toEqual([]);
  });

  it('searches with one character, and takes % and _ literally', async () => {
    expect(await matching(staff.client, { search: '馨' })).toEqual(['antiDrug', 'elders']);
    expect(await matching(staff.client, { search: '剧' })).toEqual(['opera']);
    expect(await matching(staff.client, { search: '%' })).toEqual(['family']);
    expect(await matching(staff.client, { search: '_' })).toEqual(['family']);
    expect(await matching(staff.client, { search: '0%_c' })).toEqual(['family']);
    expect(await matching(staff.client, { search: '  京剧  ' })).toEqual(['opera']);
  });

  it('combines filters with each other and with the visibility rule', async () => {
    expect(await matching(staff.client, { statuses: ['DRAFT'], district: '龙岗区', focusArea: '社区治理' })).toEqual(['opera']);
    expect(await matching(staff.client, { search: '社', district: '南山区', statuses: ['SUBMITTED'] })).toEqual(['antiDrug']);
    expect(await matching(staff.client, { mentorId: mentor.id, leadStaffId: staff.id })).toEqual(['antiDrug']);
    expect(await matching(applicant.client, { search: '京剧' })).toEqual([]);
    expect(await matching(applicant.client, { search: '长者' })).toEqual(['elders']);
    expect(await matching(applicant.client, { focusArea: '社区治理' })).toEqual(['elders']);
  });

  it('filters a programme’s and an organisation’s projects too', async () => {
    const inProgram = await staff.client.data(ProgramFilteredProjectsDocument, { id: programId, filter: { search: '花园', statuses: ['DRAFT'] } });
    expect(inProgram.program!.projects.nodes.map((node) => node.id).sort()).toEqual([...gardens].sort());
    const inOrganization = await staff.client.data(OrganizationFilteredProjectsDocument, { id: nanshanId, filter: { focusArea: '社区治理' } });
    expect(inOrganization.organization!.projects!.nodes.map((node) => node.id)).toEqual([ids.elders]);
  });

  it('refuses an oversized, empty or malformed filter', async () => {
    const refused = (filter: ProjectFilter) => staff.client.errorCode(FilteredProjectsDocument, { filter, programId });
    expect(await refused({ search: '长'.repeat(101) })).toBe('BAD_USER_INPUT');
    expect(await refused({ search: '   ' })).toBe('BAD_USER_INPUT');
    expect(await refused({ mentorId: programId })).toBe('BAD_USER_INPUT');
    expect(await refused({ district: '区'.repeat(51) })).toBe('BAD_USER_INPUT');
    expect(await matching(staff.client, { search: '长'.repeat(100) })).toEqual([]);
  });
});

describe('paging through a filtered list', () => {
  const filter: ProjectFilter = { search: '花园', district: '龙岗区' };

  it('visits every match once, forwards and backwards, in the order asked for', async () => {
    for (const order of ['NEWEST_FIRST', 'TITLE'] as const) {
      const whole = await staff.client.data(FilteredProjectsDocument, { filter, order, first: 100 });
      expect(whole.projects!.totalCount).toBe(7);
      const forwards: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const result: FilteredProjectsQuery = await staff.client.data(FilteredProjectsDocument, { filter, order, first: 3, after });
        expect(result.projects!.totalCount).toBe(7);
        forwards.push(...result.projects!.nodes.map((node) => node.id));
        if (!result.projects!.pageInfo.hasNextPage) break;
        after = result.projects!.pageInfo.endCursor;
      }
      expect(forwards).toEqual(whole.projects!.nodes.map((node) => node.id));
      const backwards: string[] = [];
      let before: string | null = null;
      for (let page = 0; page < 10; page++) {
        const result: FilteredProjectsQuery = await staff.client.data(FilteredProjectsDocument, { filter, order, last: 3, before });
        backwards.unshift(...result.projects!.nodes.map((node) => node.id));
        if (!result.projects!.pageInfo.hasPreviousPage) break;
        before = result.projects!.pageInfo.startCursor;
      }
      expect(backwards).toEqual(forwards);
    }
  });

  it('refuses a cursor given out for another filter or order, and takes it back for the same', async () => {
    const first = await staff.client.data(FilteredProjectsDocument, { filter, first: 2 });
    const cursor = first.projects!.pageInfo.endCursor!;
    const again = await staff.client.data(FilteredProjectsDocument, { filter: { district: '龙岗区', search: '花园' }, first: 2, after: cursor });
    expect(again.projects!.nodes).toHaveLength(2);
    for (const other of [{ search: '花园' }, { ...filter, search: '花' }, { ...filter, statuses: ['DRAFT' as const] }, {}]) {
      expect(await staff.client.errorCode(FilteredProjectsDocument, { filter: other, first: 2, after: cursor }), JSON.stringify(other)).toBe('BAD_USER_INPUT');
    }
    expect(await staff.client.errorCode(FilteredProjectsDocument, { filter, order: 'OLDEST_FIRST', first: 2, after: cursor })).toBe('BAD_USER_INPUT');
    const unfiltered = await staff.client.data(FilteredProjectsDocument, { first: 2 });
    expect(await staff.client.errorCode(FilteredProjectsDocument, { filter, first: 2, after: unfiltered.projects!.pageInfo.endCursor })).toBe('BAD_USER_INPUT');
  });
});
