import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from '../src/app/mikro-orm.config.js';
import {
  CreateParkDocument,
  CreatePlaceDocument,
  MoveOrganizationDocument,
  OrganizationPlaceDocument,
  ParksDocument,
  ProjectPlaceDocument,
  ProjectsDocument,
  SetWorkplacesDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { adminQuery, databaseUrl } from './support/postgres.js';
import { applicantOrganization, home, park, person, place, program, project, revision, type Home, type TestPerson } from './support/factories.js';

const app = useTestApp();

let nanshan: Home;
let longgangId: string;
let henggangId: string;
let hengganParkId: string;
let districtStaff: TestPerson;

beforeAll(async () => {
  nanshan = await home(app());
  longgangId = await place(app(), null, 'DISTRICT', '龙岗区');
  henggangId = await place(app(), longgangId, 'STREET', '横岗街道');
  hengganParkId = await park(app(), { name: '横岗创新园', placeId: henggangId, streetIds: [henggangId] });
  districtStaff = await person(app(), ['STAFF'], undefined, { parkIds: [], districtIds: [longgangId] });
});

describe('the tree of places', () => {
  it('is built by administrators, level below level, names unique under their parent', async () => {
    const community = await app().admin.data(CreatePlaceDocument, { input: { parentId: henggangId, level: 'COMMUNITY', name: '六约北社区' } });
    expect(community.createPlace).toMatchObject({ userErrors: [], place: { name: '六约北社区', level: 'COMMUNITY', fullName: '龙岗区横岗街道六约北社区' } });

    const refusals = await Promise.all([
      app().admin.data(CreatePlaceDocument, { input: { parentId: henggangId, level: 'DISTRICT', name: '倒挂区' } }),
      app().admin.data(CreatePlaceDocument, { input: { level: 'COMMUNITY', name: '无街道社区' } }),
      app().admin.data(CreatePlaceDocument, { input: { parentId: henggangId, level: 'COMMUNITY', name: '六约北社区' } }),
    ]);
    expect(refusals.map((r) => r.createPlace.userErrors.map((e) => e.code))).toEqual([['INVALID_PLACE'], ['INVALID_PLACE'], ['DUPLICATE']]);
    expect(await districtStaff.client.errorCode(CreatePlaceDocument, { input: { parentId: henggangId, level: 'COMMUNITY', name: '四联社区' } })).toBe('FORBIDDEN');
  });
});

describe('parks and who works where', () => {
  it('lets a district’s staff open parks and staff them within their district only', async () => {
    const bantian = await place(app(), longgangId, 'STREET', '坂田街道');
    const opened = await districtStaff.client.data(CreateParkDocument, { input: { name: '坂田创新园', placeId: bantian, streetIds: [bantian] } });
    expect(opened.createPark).toMatchObject({ userErrors: [], park: { name: '坂田创新园', district: { name: '龙岗区' }, streets: [{ name: '坂田街道' }] } });

    const elsewhere = await districtStaff.client.data(CreateParkDocument, { input: { name: '南头第二园', placeId: nanshan.streetId, streetIds: [nanshan.streetId] } });
    expect(elsewhere.createPark.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_WORKPLACE']);
    const foreignStreet = await districtStaff.client.data(CreateParkDocument, { input: { name: '越界园', placeId: bantian, streetIds: [nanshan.streetId] } });
    expect(foreignStreet.createPark.userErrors).toEqual([{ code: 'INVALID_PLACE', field: ['input', 'streetIds', '0'], message: expect.stringContaining('南头街道') }]);

    // A person working in both districts: the district's staff change only what lies in their district.
    const colleague = await person(app(), ['STAFF'], undefined, { parkIds: [nanshan.parkId, hengganParkId] });
    const moved = await districtStaff.client.data(SetWorkplacesDocument, { input: { personId: colleague.id, parkIds: [opened.createPark.park!.id], districtIds: [] } });
    expect(moved.setWorkplaces.userErrors).toEqual([]);
    expect(moved.setWorkplaces.person!.parks!.map((p) => p.name).sort()).toEqual(['坂田创新园', (await app().admin.data(ParksDocument, { districtId: nanshan.districtId })).parks!.nodes[0].name].sort());
    const beyond = await districtStaff.client.data(SetWorkplacesDocument, { input: { personId: colleague.id, parkIds: [nanshan.parkId], districtIds: [nanshan.districtId] } });
    expect(beyond.setWorkplaces.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['OUTSIDE_WORKPLACE', 'input.parkIds.0'],
      ['OUTSIDE_WORKPLACE', 'input.districtIds.0'],
    ]);
    const { applicant } = await applicantOrganization(app());
    const wrongRole = await districtStaff.client.data(SetWorkplacesDocument, { input: { personId: applicant.id, parkIds: [hengganParkId], districtIds: [] } });
    expect(wrongRole.setWorkplaces.userErrors.map((e) => e.code)).toEqual(['WRONG_ROLE']);
    const parkStaff = await person(app(), ['STAFF']);
    expect(await parkStaff.client.errorCode(SetWorkplacesDocument, { input: { personId: colleague.id, parkIds: [], districtIds: [] } })).toBe('FORBIDDEN');
  });
});

describe('an organisation moving between parks', () => {
  it('keeps its history; its projects keep the park that coached them', async () => {
    const { organization: org, applicant } = await applicantOrganization(app());
    const call = await program(app());
    const coached = await project(applicant.client, call.id);
    await revision(applicant.client, coached.id);
    const nanshanStaff = await person(app(), ['STAFF']);
    const hengganStaff = await person(app(), ['STAFF'], undefined, { parkIds: [hengganParkId] });
    expect((await hengganStaff.client.request(ProjectPlaceDocument, { id: coached.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Park staff hand it to a park of another district: refused; a park of its own district: done.
    const across = await nanshanStaff.client.data(MoveOrganizationDocument, { input: { organizationId: org.id, parkId: hengganParkId, reason: '迁至横岗' } });
    expect(across.moveOrganization.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_WORKPLACE']);
    const moved = await app().admin.data(MoveOrganizationDocument, { input: { organizationId: org.id, parkId: hengganParkId, reason: '服务地迁至横岗街道' } });
    expect(moved.moveOrganization.userErrors).toEqual([]);
    expect(moved.moveOrganization.organization!.park!.name).toBe('横岗创新园');
    expect(moved.moveOrganization.organization!.parkHistory!.map((m) => [m.fromPark?.id ?? null, m.toPark?.id ?? null, m.reason])).toEqual([
      [null, nanshan.parkId, null],
      [nanshan.parkId, hengganParkId, '服务地迁至横岗街道'],
    ]);
    const again = await app().admin.data(MoveOrganizationDocument, { input: { organizationId: org.id, parkId: hengganParkId } });
    expect(again.moveOrganization.userErrors.map((e) => e.code)).toEqual(['ALREADY_DONE']);

    // The project stays with the park that coached it: its staff still see it and its organisation.
    expect((await nanshanStaff.client.data(ProjectPlaceDocument, { id: coached.id })).project!.park!.id).toBe(nanshan.parkId);
    const seenByOldPark = (await nanshanStaff.client.data(OrganizationPlaceDocument, { id: org.id })).organization!;
    expect(seenByOldPark).toMatchObject({ park: { name: '横岗创新园' }, viewerCan: { update: false, move: false } });
    // The new park sees the organisation (and may edit it), not the project another park coached.
    expect((await hengganStaff.client.data(OrganizationPlaceDocument, { id: org.id })).organization!.viewerCan).toEqual({ update: true, move: true });
    expect((await hengganStaff.client.request(ProjectPlaceDocument, { id: coached.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await hengganStaff.client.data(ProjectsDocument, {})).projects!.totalCount).toBe(0);
  });
});

describe('the district key', () => {
  it('is on every row that belongs to a district, filled from its parent', async () => {
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, (await program(app())).id);
    await revision(applicant.client, created.id);
    const db = new pg.Client({ connectionString: app().databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'district_id' order by table_name`,
      );
      const tables = rows.map((row) => row.table_name);
      expect(tables).toEqual(expect.arrayContaining(['organization', 'program', 'project', 'proposal_revision', 'lifecycle_event', 'review_assignment', 'decision', 'service_report', 'park']));
      for (const table of tables.filter((t) => !['place', 'program', 'district_member'].includes(t))) {
        const missing = await db.query(`select count(*)::int as n from "${table}" where district_id is null`);
        expect([table, missing.rows[0].n]).toEqual([table, 0]);
      }
      // The event rows carry exactly their project's district.
      const { rows: [events] } = await db.query(`select count(*)::int as n, count(*) filter (where e.district_id = p.district_id)::int as keyed from lifecycle_event e join project p on p.id = e.project_id`);
      expect(events.n).toBeGreaterThanOrEqual(2);
      expect(events.keyed).toBe(events.n);
    } finally {
      await db.end();
    }
  });
});

describe('the migration of free-text addresses', () => {
  const name = `incubator_places_migration_${process.pid}`;
  afterAll(() => adminQuery(`drop database if exists "${name}" with (force)`));

  it('puts every organisation in the tree with its names exactly as written', async () => {
    await adminQuery(`drop database if exists "${name}" with (force)`);
    await adminQuery(`create database "${name}"`);
    const orm = await MikroORM.init(ormConfig({ url: databaseUrl(name), poolSize: 2 }));
    try {
      await orm.getMigrator().up({ to: 'Migration20261130130000' });
      const rows = [
        ['深圳市南山区四十九度大榕树社会服务社', '南山区', '南头街道', '田厦社区'],
        ['南山区阳光社工服务中心', '南山区', '南头街道', null],
        ['南园居民互助会', '南山区', '南山街道', '南园社区'],
        ['区级枢纽组织', '南山区', null, null],
        ['六约北社区居委会', '龙岗区', '横岗街道', '六约北社区'],
        ['四联社区工作站', ' 龙岗区', '横岗街道', '四联社区'],
      ];
      for (const [org, district, street, community] of rows) {
        await orm.em.getConnection().execute(
          `insert into organization (id, name, kind, credit_code, district, street, community, contact_name, contact_phone)
           values (gen_random_uuid(), ?, 'RESIDENT_GROUP', null, ?, ?, ?, '联系人', '0755-1234567')`,
          [org, district, street, community],
        );
      }
      await orm.getMigrator().up();
      const migrated: { name: string; district: string; street: string | null; community: string | null }[] = await orm.em.getConnection().execute(
        `select o.name, d.name as district,
                (select s.name from place s where s.level = 'STREET' and s.id in (p.id, p.parent_id)) as street,
                case when p.level = 'COMMUNITY' then p.name end as community
           from organization o join place p on p.id = o.place_id join place d on d.id = o.district_id order by o.name`,
      );
      expect(migrated.map((m) => [m.name, m.district, m.street, m.community]).sort()).toEqual(rows.map((r) => [...r]).sort());
      const districts: { n: number }[] = await orm.em.getConnection().execute(`select count(*)::int as n from place where level = 'DISTRICT'`);
      expect(districts[0].n).toBe(3); // 南山区, 龙岗区 and " 龙岗区" as written: names are kept exactly
    } finally {
      await orm.close(true);
    }
  });
});
