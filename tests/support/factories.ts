import { expect } from 'vitest';
import { creditCodeCheckCharacter } from '../../src/modules/organizations/credit-code.js';
import {
  CreateOrganizationDocument,
  CreateParkDocument,
  CreatePersonDocument,
  CreatePlaceDocument,
  PlacesDocument,
  SetWorkplacesDocument,
  CreateProgramDocument,
  CreateProjectDocument,
  SaveRevisionDocument,
  type CreateOrganizationInput,
  type CreateParkInput,
  type PlaceLevel,
  type CreateProgramInput,
  type Role,
  type SaveRevisionInput,
} from '../generated/graphql.js';
import { TEST_PASSWORD, type TestApp } from './app.js';
import type { Client } from './client.js';

let sequence = 0;
const next = () => `${process.pid}-${++sequence}`;
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A unique, valid unified social credit code (a Shenzhen 南山区 social organisation). */
export function creditCode(): string {
  const n = ++sequence * 7919 + process.pid;
  let body = '';
  for (let i = 0, v = n; i < 9; i++, v = Math.floor(v / 31)) body = ALPHABET[v % 31] + body;
  const prefix = `52440305${body}`;
  return prefix + creditCodeCheckCharacter(prefix);
}

export interface TestPerson {
  id: string;
  email: string;
  name: string;
  client: Client;
}

/** The places and the park most tests work in: 南山区 › 南头街道 › 田厦社区, and a park serving the street. */
export interface Home {
  districtId: string;
  streetId: string;
  communityId: string;
  parkId: string;
}

const homes = new WeakMap<TestApp, Promise<Home>>();

/** A district with a street, a community and a park, created once per test app. */
export function home(app: TestApp): Promise<Home> {
  let found = homes.get(app);
  if (!found) {
    found = (async () => {
      const district = await place(app, null, 'DISTRICT', '南山区');
      const street = await place(app, district, 'STREET', '南头街道');
      const community = await place(app, street, 'COMMUNITY', '田厦社区');
      const parkId = await park(app, { name: `南头街道社会创新园 ${next()}`, placeId: street, streetIds: [street] });
      return { districtId: district, streetId: street, communityId: community, parkId };
    })();
    homes.set(app, found);
  }
  return found;
}

/** A place (by name under its parent, created when missing): its ID. */
export async function place(app: TestApp, parentId: string | null, level: PlaceLevel, name: string): Promise<string> {
  const existing = await app.admin.data(PlacesDocument, { parentId, level });
  const known = existing.places!.find((p) => p.name === name);
  if (known) return known.id;
  const result = await app.admin.data(CreatePlaceDocument, { input: { parentId, level, name } });
  expect(result.createPlace.userErrors).toEqual([]);
  return result.createPlace.place!.id;
}

export async function park(app: TestApp, input: CreateParkInput): Promise<string> {
  const result = await app.admin.data(CreateParkDocument, { input });
  expect(result.createPark.userErrors).toEqual([]);
  return result.createPark.park!.id;
}

/** Puts a person to work: staff and mentors in parks, staff and evaluators in districts. */
export async function setWorkplaces(app: TestApp, personId: string, parkIds: string[], districtIds: string[] = []) {
  const result = await app.admin.data(SetWorkplacesDocument, { input: { personId, parkIds, districtIds } });
  expect(result.setWorkplaces.userErrors).toEqual([]);
}

/**
 * A signed-in person. Staff and mentors work for the home park, evaluators are in the home
 * district's pool, unless `workplaces` says otherwise.
 */
export async function person(app: TestApp, roles: Role[], organizationId?: string, workplaces?: { parkIds: string[]; districtIds?: string[] }): Promise<TestPerson> {
  const id = next();
  const email = `${roles[0].toLowerCase()}-${id}@test.incubator.cn`;
  const name = `${roles[0]} ${id}`;
  const result = await app.admin.data(CreatePersonDocument, { input: { email, name, password: TEST_PASSWORD, roles, organizationId } });
  expect(result.createPerson.userErrors).toEqual([]);
  const personId = result.createPerson.person!.id;
  if (workplaces) {
    await setWorkplaces(app, personId, workplaces.parkIds, workplaces.districtIds ?? []);
  } else if (roles.some((role) => role === 'STAFF' || role === 'MENTOR' || role === 'EVALUATOR')) {
    const { parkId, districtId } = await home(app);
    const inPark = roles.some((role) => role === 'STAFF' || role === 'MENTOR');
    await setWorkplaces(app, personId, inPark ? [parkId] : [], roles.includes('EVALUATOR') ? [districtId] : []);
  }
  return { id: personId, email, name, client: await app.login(email) };
}

/** A staff member of the home district (and so of every park under it): those who run the district's programmes and open their review rounds. */
export async function districtStaff(app: TestApp): Promise<TestPerson> {
  const { parkId, districtId } = await home(app);
  return person(app, ['STAFF'], undefined, { parkIds: [parkId], districtIds: [districtId] });
}

/** An organisation in the home community, coached by the home park unless `overrides` say otherwise. */
export async function organization(app: TestApp, overrides: Partial<CreateOrganizationInput> = {}) {
  const { communityId, parkId } = await home(app);
  const result = await app.admin.data(CreateOrganizationDocument, {
    input: {
      name: `深圳市测试社工服务中心 ${next()}`,
      kind: 'SOCIAL_WORK_AGENCY',
      creditCode: creditCode(),
      placeId: communityId,
      parkId,
      contactName: '陈主任',
      contactPhone: '0755-26661234',
      ...overrides,
    },
  });
  expect(result.createOrganization.userErrors).toEqual([]);
  return result.createOrganization.organization!;
}

const DAY = 24 * 3600 * 1000;

export function programInput(overrides: Partial<CreateProgramInput> = {}): CreateProgramInput {
  return {
    name: `南山区社区公益创投 ${next()}`,
    funder: '南山区民政局',
    // The year of the window below: a programme takes applications within its year ± 1.
    year: new Date().getFullYear(),
    focusAreas: ['精神康复', '禁毒宣传', '社区治理'],
    budgetPool: 1_000_000,
    maxGrant: 100_000,
    applicationsOpenAt: new Date(Date.now() - 10 * DAY).toISOString(),
    applicationsCloseAt: new Date(Date.now() + 30 * DAY).toISOString(),
    proposalRubric: [
      { key: 'need', title: '需求分析', weight: 30, maxScore: 30 },
      { key: 'design', title: '项目设计', weight: 40, maxScore: 40 },
      { key: 'capacity', title: '团队能力', weight: 30, maxScore: 30 },
    ],
    closingRubric: [
      { key: 'outcomes', title: '目标达成', weight: 60, maxScore: 60 },
      { key: 'finance', title: '财务规范', weight: 40, maxScore: 40 },
    ],
    aggregationRule: 'MEAN',
    minEvaluators: 3,
    ...overrides,
  };
}

/** A programme of the home district. */
export async function program(app: TestApp, overrides: Partial<CreateProgramInput> = {}) {
  const { districtId } = await home(app);
  const result = await app.admin.data(CreateProgramDocument, { input: programInput({ districtId, ...overrides }) });
  expect(result.createProgram.userErrors).toEqual([]);
  return result.createProgram.program!;
}

/** An organisation with one signed-in applicant member. */
export async function applicantOrganization(app: TestApp) {
  const org = await organization(app);
  const applicant = await person(app, ['APPLICANT'], org.id);
  return { organization: org, applicant };
}

export async function project(client: Client, programId: string, title = `反毒馨生——"过来人"志愿者培育 ${next()}`) {
  const result = await client.data(CreateProjectDocument, { input: { programId, title, focusArea: '禁毒宣传', communityServed: '南山区南头街道田厦社区' } });
  expect(result.createProject.userErrors).toEqual([]);
  return result.createProject.project!;
}

export function revisionInput(projectId: string, overrides: Partial<SaveRevisionInput> = {}): SaveRevisionInput {
  return {
    projectId,
    summary: '培育"过来人"志愿者,开展社区禁毒宣传与同伴支持。',
    needs: '社区戒毒康复人员缺少持续的同伴支持,居民禁毒知识不足。',
    objectives: ['培育"过来人"志愿者10名', '开展禁毒宣传活动28场'],
    activityPlan: [
      { title: '志愿者培训', period: '2026-03', description: '四次系统培训' },
      { title: '社区宣传', period: '2026-04 至 2026-10', description: '进社区、进校园宣传' },
    ],
    beneficiaries: '戒毒康复人员及其家属、社区居民',
    indicatorTargets: [
      { name: '服务人次', unit: '人次', target: 2595 },
      { name: '活动场次', unit: '场', target: 28 },
      { name: '满意度', unit: '%', target: 90 },
    ],
    budgetLines: [
      { item: '培训费', amount: 30000 },
      { item: '活动物资', amount: 15000.5 },
      { item: '宣传品', amount: 4999.5 },
    ],
    requestedAmount: 50000,
    team: [{ name: '李社工', role: '项目负责人' }],
    ...overrides,
  };
}

export async function revision(client: Client, projectId: string, overrides: Partial<SaveRevisionInput> = {}) {
  const result = await client.data(SaveRevisionDocument, { input: revisionInput(projectId, overrides) });
  expect(result.saveRevision.userErrors).toEqual([]);
  return result.saveRevision.revision!;
}
