import { beforeAll, describe, expect, it } from 'vitest';
import {
  ActivityDetailDocument,
  ActivityPublicDocument,
  CancelActivityRegistrationDocument,
  CheckInToActivityDocument,
  CreateParkActivityDocument,
  ParkActivitiesDocument,
  RecordActivityHeadcountDocument,
  RecordActivitySatisfactionDocument,
  RegisterForActivityDocument,
  type CreateParkActivityInput,
  type RegisterForActivityInput,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, districtStaff, home, organization, park, person, place, program, project, type Home, type TestPerson } from './support/factories.js';

const app = useTestApp();

let here: Home;
let staff: TestPerson;
let applicant: TestPerson;
/** The applicant's organisation: the unit their registrations name. */
let applicantUnit: string;
let mentor: TestPerson;
let district: TestPerson;
let otherStaff: TestPerson;
let otherApplicant: TestPerson;
let otherParkId: string;
let streets: { xili: string; shekou: string; shekouCommunity: string };

beforeAll(async () => {
  here = await home(app());
  staff = await person(app(), ['STAFF']);
  mentor = await person(app(), ['MENTOR']);
  district = await districtStaff(app());
  const ours = await applicantOrganization(app());
  applicant = ours.applicant;
  applicantUnit = ours.organization.name;
  const xili = await place(app(), here.districtId, 'STREET', '西丽街道');
  const shekou = await place(app(), here.districtId, 'STREET', '蛇口街道');
  const shekouCommunity = await place(app(), shekou, 'COMMUNITY', '湾厦社区');
  streets = { xili, shekou, shekouCommunity };
  otherParkId = await park(app(), { name: `西丽街道社会创新园 ${Date.now()}`, placeId: xili, streetIds: [xili] });
  otherStaff = await person(app(), ['STAFF'], undefined, { parkIds: [otherParkId] });
  const otherOrganization = await organization(app(), { parkId: otherParkId });
  otherApplicant = await person(app(), ['APPLICANT'], otherOrganization.id);
});

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

function activityInput(overrides: Partial<CreateParkActivityInput> = {}): CreateParkActivityInput {
  return {
    parkId: here.parkId,
    kind: 'TRAINING_COURSE',
    title: '社会心理服务骨干人才培训班',
    topic: '心理热线与危机干预',
    sessions: [
      { startsAt: at('2022-06-10', 14), endsAt: at('2022-06-10', 16), mode: 'ONLINE' },
      { startsAt: at('2022-06-03', 14), endsAt: at('2022-06-03', 16), mode: 'ON_SITE', venue: '横岗创新园多功能厅' },
      { startsAt: at('2022-06-17', 14), endsAt: at('2022-06-17', 16), mode: 'ON_SITE' },
    ],
    ...overrides,
  };
}

async function create(by: TestPerson, overrides: Partial<CreateParkActivityInput> = {}) {
  const result = await by.client.data(CreateParkActivityDocument, { input: activityInput(overrides) });
  expect(result.createParkActivity.userErrors).toEqual([]);
  return result.createParkActivity.activity!;
}

async function registered(by: TestPerson, input: RegisterForActivityInput) {
  const result = await by.client.data(RegisterForActivityDocument, { input });
  expect(result.registerForActivity.userErrors).toEqual([]);
  return result.registerForActivity.registration!;
}

async function checkIn(sessionId: string, who: { registrationId?: string; personId?: string; guest?: { name: string; unit?: string; streetId?: string } }) {
  return (await staff.client.data(CheckInToActivityDocument, { input: { sessionId, ...who } })).checkInToActivity;
}


describe('activities and their attendance', () => {
  it('counts person-times per session: a duplicate check-in once, walk-ins, a multi-session course, and origins by street', async () => {
    const course = await create(staff, { capacity: 3 });
    expect(course.sessions.map((s) => [s.number, s.startsAt, s.mode])).toEqual([
      [1, at('2022-06-03', 14), 'ON_SITE'], [2, at('2022-06-10', 14), 'ONLINE'], [3, at('2022-06-17', 14), 'ON_SITE'],
    ]);
    expect(course).toMatchObject({ startsAt: at('2022-06-03', 14), endsAt: at('2022-06-17', 16), organizer: expect.stringContaining('南头街道社会创新园') });
    expect(course.viewerCan).toEqual({ register: true, run: true });
    const [s1, s2, s3] = course.sessions.map((s) => s.id);

    // The applicant registers themselves; staff register two guests (one by community: the street comes from it).
    const own = await registered(applicant, { activityId: course.id });
    expect(own).toMatchObject({ name: applicant.name, person: { id: applicant.id }, street: { name: '南头街道' }, community: { name: '田厦社区' }, walkIn: false });
    const guestA = await registered(staff, { activityId: course.id, guest: { name: '李小红', unit: '西丽社区工作站', streetId: streets.xili } });
    const guestB = await registered(staff, { activityId: course.id, guest: { name: '王建国', communityId: streets.shekouCommunity } });
    expect(guestB).toMatchObject({ street: { name: '蛇口街道' }, community: { name: '湾厦社区' }, person: null });
    const full = await staff.client.data(RegisterForActivityDocument, { input: { activityId: course.id, guest: { name: '赵六' } } });
    expect(full.registerForActivity.userErrors).toEqual([expect.objectContaining({ code: 'CAPACITY_REACHED' })]);
    const again = await applicant.client.data(RegisterForActivityDocument, { input: { activityId: course.id } });
    expect(again.registerForActivity.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);

    for (const registration of [own, guestA, guestB]) expect((await checkIn(s1, { registrationId: registration.id })).userErrors).toEqual([]);
    expect((await checkIn(s2, { registrationId: own.id })).userErrors).toEqual([]);
    const twice = await checkIn(s2, { personId: applicant.id });
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_DONE', field: ['input', 'personId'] })]);
    expect((await checkIn(s2, { registrationId: guestA.id })).userErrors).toEqual([]);
    // Walk-ins: a guest of 西丽 in session 2 (beyond the capacity: they are at the door), the mentor in session 3.
    const walkIn = await checkIn(s2, { guest: { name: '陈志强', unit: '西丽社区工作站', streetId: streets.xili } });
    expect(walkIn.userErrors).toEqual([]);
    expect(walkIn.registration).toMatchObject({ walkIn: true, attendedSessions: [2] });
    expect(walkIn.session).toMatchObject({ number: 2, checkedIn: 3, personTimes: 3 });
    const mentorIn = await checkIn(s3, { personId: mentor.id });
    expect(mentorIn.registration).toMatchObject({ walkIn: true, person: { id: mentor.id }, street: null, attendedSessions: [3] });

    // Satisfaction: the applicant's own, and one staff record from a paper form; no one answers for someone else.
    expect((await applicant.client.data(RecordActivitySatisfactionDocument, { input: { registrationId: own.id, satisfaction: 5, feedback: '很实用' } })).recordActivitySatisfaction.userErrors).toEqual([]);
    expect((await staff.client.data(RecordActivitySatisfactionDocument, { input: { registrationId: guestA.id, satisfaction: 4 } })).recordActivitySatisfaction.userErrors).toEqual([]);
    const notTheirs = await applicant.client.data(RecordActivitySatisfactionDocument, { input: { registrationId: guestB.id, satisfaction: 1 } });
    expect(notTheirs.recordActivitySatisfaction.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const outOfRange = await staff.client.data(RecordActivitySatisfactionDocument, { input: { registrationId: guestB.id, satisfaction: 6 } });
    expect(outOfRange.recordActivitySatisfaction.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_RANGE' })]);

    const read = (await staff.client.data(ActivityDetailDocument, { id: course.id })).node;
    if (read?.__typename !== 'ParkActivity') throw new Error('not an activity');
    expect(read.sessions.map((s) => s.personTimes)).toEqual([3, 3, 1]);
    expect(read.attendance).toEqual({
      personTimes: 7,
      participants: 5,
      countedAtDoor: 0,
      streets: [
        { street: { id: streets.xili, name: '西丽街道' }, personTimes: 3 },
        { street: { id: here.streetId, name: '南头街道' }, personTimes: 2 },
        { street: { id: streets.shekou, name: '蛇口街道' }, personTimes: 1 },
      ],
      streetCount: 3,
      unknownOrigin: 1,
      communities: [{ community: { name: '田厦社区' }, personTimes: 2 }, { community: { name: '湾厦社区' }, personTimes: 1 }],
      units: [{ unit: '西丽社区工作站', personTimes: 3 }, { unit: applicantUnit, personTimes: 2 }],
      satisfactionResponses: 2,
      averageSatisfaction: 4.5,
    });
    expect(read.registrations!.totalCount).toBe(5);
    expect(read.registrations!.nodes.find((r) => r.id === own.id)).toMatchObject({ attendedSessions: [1, 2], satisfaction: 5, feedback: '很实用' });
  });

  it('counts everyone at the door of an open activity, never fewer than those checked in by name', async () => {
    const themeDay = await create(staff, {
      kind: 'THEME_DAY', title: '构建亲子和谐关系,创新基层社会治理', openToPublic: true,
      sessions: [{ startsAt: at('2022-05-21', 9), endsAt: at('2022-05-21', 12), mode: 'ON_SITE' }],
    });
    const [session] = themeDay.sessions;
    await checkIn(session.id, { guest: { name: '刘女士', streetId: streets.xili } });
    await checkIn(session.id, { personId: applicant.id });
    const tooFew = await staff.client.data(RecordActivityHeadcountDocument, { input: { sessionId: session.id, headcount: 1 } });
    expect(tooFew.recordActivityHeadcount.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_RANGE', field: ['input', 'headcount'] })]);
    const counted = await staff.client.data(RecordActivityHeadcountDocument, { input: { sessionId: session.id, headcount: 40 } });
    expect(counted.recordActivityHeadcount).toMatchObject({ userErrors: [], session: { headcount: 40, checkedIn: 2, personTimes: 40 } });
    const read = (await staff.client.data(ActivityDetailDocument, { id: themeDay.id })).node;
    if (read?.__typename !== 'ParkActivity') throw new Error('not an activity');
    expect(read.attendance).toMatchObject({ personTimes: 40, participants: 2, countedAtDoor: 38, streetCount: 2, unknownOrigin: 38 });

    const closed = await create(staff);
    const refused = await staff.client.data(RecordActivityHeadcountDocument, { input: { sessionId: closed.sessions[0].id, headcount: 10 } });
    expect(refused.recordActivityHeadcount.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATUS' })]);
    const byApplicant = await applicant.client.data(RecordActivityHeadcountDocument, { input: { sessionId: session.id, headcount: 99 } });
    expect(byApplicant.recordActivityHeadcount.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_ROLE' })]);
    const again = (await staff.client.data(ActivityDetailDocument, { id: themeDay.id })).node;
    expect(again?.__typename === 'ParkActivity' && again.sessions[0].headcount).toBe(40);
  });

  it('cancels and renews registrations, and asks satisfaction only of those who came', async () => {
    const lecture = await create(staff, { kind: 'LECTURE', title: '反诈有我,党员先行', sessions: [{ startsAt: at('2022-07-01', 15), endsAt: at('2022-07-01', 17), mode: 'ON_SITE' }] });
    const own = await registered(applicant, { activityId: lecture.id });
    const early = await applicant.client.data(RecordActivitySatisfactionDocument, { input: { registrationId: own.id, satisfaction: 5 } });
    expect(early.recordActivitySatisfaction.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATUS' })]);
    const cancelled = await applicant.client.data(CancelActivityRegistrationDocument, { input: { registrationId: own.id } });
    expect(cancelled.cancelActivityRegistration.registration!.cancelledAt).not.toBeNull();
    const twice = await applicant.client.data(CancelActivityRegistrationDocument, { input: { registrationId: own.id } });
    expect(twice.cancelActivityRegistration.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_DONE' })]);
    const atDoor = await checkIn(lecture.sessions[0].id, { registrationId: own.id });
    expect(atDoor.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATUS' })]);
    const renewed = await registered(applicant, { activityId: lecture.id });
    expect(renewed).toMatchObject({ id: own.id, cancelledAt: null });
    expect((await checkIn(lecture.sessions[0].id, { registrationId: own.id })).userErrors).toEqual([]);
    const late = await applicant.client.data(CancelActivityRegistrationDocument, { input: { registrationId: own.id } });
    expect(late.cancelActivityRegistration.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATUS' })]);
  });

  it('refuses bad input with coded errors and creates nothing', async () => {
    const count = async () => (await staff.client.data(ParkActivitiesDocument, { parkId: here.parkId, first: 1 })).node;
    const before = await count();
    const bad = async (overrides: Partial<CreateParkActivityInput>, code: string, field: string[]) => {
      const result = await staff.client.data(CreateParkActivityDocument, { input: activityInput(overrides) });
      expect(result.createParkActivity.userErrors).toEqual([expect.objectContaining({ code, field })]);
    };
    await bad({ sessions: [] }, 'REQUIRED', ['input', 'sessions']);
    await bad({ sessions: [{ startsAt: at('2022-06-03', 14), endsAt: at('2022-06-03', 13), mode: 'ON_SITE' }] }, 'INVALID_DATES', ['input', 'sessions', '0', 'endsAt']);
    await bad({ title: '题'.repeat(201) }, 'TOO_LONG', ['input', 'title']);
    await bad({ capacity: 0 }, 'OUT_OF_RANGE', ['input', 'capacity']);
    await bad({ parkId: otherParkId }, 'OUTSIDE_WORKPLACE', ['input', 'parkId']);
    const call = await program(app());
    const foreignProject = await project(otherApplicant.client, call.id, '别园的项目');
    await bad({ kind: 'COACHING_WORKSHOP', projectIds: [foreignProject.id] }, 'OUTSIDE_WORKPLACE', ['input', 'projectIds', '0']);
    await bad({ projectIds: ['not-an-id'] }, 'NOT_FOUND', ['input', 'projectIds', '0']);
    expect(await count()).toEqual(before);

    const course = await create(staff);
    const wrongPlace = await staff.client.data(RegisterForActivityDocument, { input: { activityId: course.id, guest: { name: '张三', streetId: streets.xili, communityId: streets.shekouCommunity } } });
    expect(wrongPlace.registerForActivity.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_PLACE', field: ['input', 'guest', 'communityId'] })]);
    const notAStreet = await staff.client.data(RegisterForActivityDocument, { input: { activityId: course.id, guest: { name: '张三', streetId: streets.shekouCommunity } } });
    expect(notAStreet.registerForActivity.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_PLACE' })]);
    const both = await staff.client.data(CheckInToActivityDocument, { input: { sessionId: course.sessions[0].id, personId: applicant.id, guest: { name: '张三' } } });
    expect(both.checkInToActivity.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_FORMAT' })]);
    const read = (await staff.client.data(ActivityDetailDocument, { id: course.id })).node;
    expect(read?.__typename === 'ParkActivity' && read.registrations!.totalCount).toBe(0);
  });

  it('keeps a park’s activities to its own people: another park sees nothing, the district sees all, applicants see no registrations', async () => {
    const coached = await create(staff, { kind: 'COACHING_WORKSHOP', title: '社区社会组织如何设计公益创投项目辅导会' });
    const elsewhere = await create(otherStaff, { parkId: otherParkId, title: '西丽的培训' });

    const hidden = await otherStaff.client.request(ActivityPublicDocument, { id: coached.id });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const refusedCreate = await otherStaff.client.data(CreateParkActivityDocument, { input: activityInput() });
    expect(refusedCreate.createParkActivity.userErrors).toEqual([expect.objectContaining({ code: 'OUTSIDE_WORKPLACE' })]);
    const refusedCheckIn = await otherStaff.client.data(CheckInToActivityDocument, { input: { sessionId: coached.sessions[0].id, personId: applicant.id } });
    expect(refusedCheckIn.checkInToActivity.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const otherList = await otherStaff.client.request(ParkActivitiesDocument, { parkId: here.parkId });
    expect(otherList.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await otherApplicant.client.request(ActivityPublicDocument, { id: coached.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // The district's staff see both parks' activities and run them.
    for (const [parkId, id] of [[here.parkId, coached.id], [otherParkId, elsewhere.id]]) {
      const list = await district.client.data(ParkActivitiesDocument, { parkId, first: 100 });
      expect(list.node?.__typename === 'Park' && list.node.activities!.nodes.map((n) => n.id)).toContain(id);
    }
    expect((await district.client.data(ActivityPublicDocument, { id: elsewhere.id })).node).toMatchObject({ viewerCan: { run: true } });

    // The applicant and the mentor of the park see the activity, not who came; only staff register others.
    const seen = await applicant.client.request(ActivityDetailDocument, { id: coached.id });
    expect(seen.data?.node).toMatchObject({ id: coached.id, registrations: null, viewerCan: { register: true, run: false } });
    expect(seen.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const forOthers = await applicant.client.data(RegisterForActivityDocument, { input: { activityId: coached.id, guest: { name: '朋友' } } });
    expect(forOthers.registerForActivity.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_ROLE' })]);
    const mine = await registered(mentor, { activityId: coached.id });
    expect((await mentor.client.data(ActivityPublicDocument, { id: coached.id })).node).toMatchObject({ viewerRegistration: { id: mine.id } });

    // The organisations an activity concerned are shown to those who may see them: not to another organisation's applicant.
    const { organization: linked, applicant: member } = await applicantOrganization(app());
    const { applicant: neighbour } = await applicantOrganization(app());
    const exchange = await create(staff, { kind: 'EXCHANGE', organizationIds: [linked.id] });
    const organizationsSeenBy = async (who: TestPerson) => {
      const read = (await who.client.request(ActivityDetailDocument, { id: exchange.id })).data?.node;
      return read?.__typename === 'ParkActivity' ? read.organizations.map((o) => o.id) : null;
    };
    expect(await organizationsSeenBy(staff)).toEqual([linked.id]);
    expect(await organizationsSeenBy(member)).toEqual([linked.id]);
    expect(await organizationsSeenBy(neighbour)).toEqual([]);
  });

  it('lists a park’s activities by start, filtered by kind and period', async () => {
    const own = await park(app(), { name: `南头第二园 ${Date.now()}`, placeId: here.streetId, streetIds: [here.streetId] });
    const parkStaff = await person(app(), ['STAFF'], undefined, { parkIds: [own] });
    const made = [];
    for (const [day, kind] of [['2022-03-01', 'EXCHANGE'], ['2022-08-01', 'THEME_DAY'], ['2022-12-08', 'SITE_OBSERVATION'], ['2023-01-05', 'THEME_DAY']] as const) {
      made.push(await create(parkStaff, { parkId: own, kind, sessions: [{ startsAt: at(day, 9), endsAt: at(day, 11), mode: 'ON_SITE' }] }));
    }
    const list = async (variables: Record<string, unknown>) => {
      const result = await parkStaff.client.data(ParkActivitiesDocument, { parkId: own, ...variables });
      return result.node?.__typename === 'Park' ? result.node.activities!.nodes.map((n) => n.id) : [];
    };
    expect(await list({})).toEqual([...made].reverse().map((a) => a.id));
    expect(await list({ order: 'OLDEST_FIRST', from: at('2022-01-01', 0), to: at('2023-01-01', 0) })).toEqual(made.slice(0, 3).map((a) => a.id));
    expect(await list({ kind: 'THEME_DAY' })).toEqual([made[3].id, made[1].id]);
    const first = await parkStaff.client.data(ParkActivitiesDocument, { parkId: own, first: 2 });
    const page = first.node?.__typename === 'Park' ? first.node.activities! : null;
    expect(page).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    expect(await list({ first: 2, after: page!.pageInfo.endCursor })).toEqual([made[1].id, made[0].id]);
  });
});
