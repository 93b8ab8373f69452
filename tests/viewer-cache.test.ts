import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateOrganizationDocument, LogoutDocument, NodeDocument, PeopleDocument, SetPersonRolesDocument, ViewerDocument } from './generated/graphql.js';
import { connectLive } from './support/live.js';
import { ViewerCache } from '../src/app/viewer-cache.js';
import { Role, type Viewer } from '../src/shared/auth.js';
import { fromGlobalId } from '../src/shared/node-id.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { applicantOrganization, creditCode, home, park, person, place, program, project, type TestPerson } from './support/factories.js';

// Open sockets are checked every minute only: a socket closed sooner was closed by the announcement of its change.
const app = useTestApp({ SESSION_CHECK_MS: '60000' });
let db: pg.Client;
let staff: TestPerson;
let projectId: string;

beforeAll(async () => {
  db = new pg.Client({ connectionString: app().databaseUrl });
  await db.connect();
  staff = await person(app(), ['STAFF']);
  const { applicant } = await applicantOrganization(app());
  projectId = (await project(applicant.client, (await program(app())).id)).id;
}, 60_000);
afterAll(() => db?.end());

/** How many times the viewer's statement was sent while `work` ran. */
async function viewerReads(work: () => Promise<unknown>): Promise<number> {
  const before = app().statements.length;
  await work();
  return app().statements.slice(before).filter((sql) => sql.includes('from auth_session s join person p')).length;
}

/** A change committed by a connection of its own, as another instance (or an operator) would make it; then waits until this instance has heard of it. */
async function changeElsewhere(sql: string, globalIds: string[]): Promise<void> {
  await db.query(sql, globalIds.map((id) => fromGlobalId(id)!.id));
  await app().server.listener!.heard();
}

const seesProject = async (client: Client) => (await client.request(NodeDocument, { id: projectId })).data?.node != null;
const listsPeople = async (client: Client) => (await client.request(PeopleDocument, { first: 1 })).data?.people != null;
const signedIn = async (client: Client) => (await client.data(ViewerDocument)).viewer !== null;

describe('the viewers an instance keeps', () => {
  it('reads a session’s viewer on its first request only', async () => {
    const client = await app().login(staff.email);
    expect(await viewerReads(() => seesProject(client))).toBe(1);
    expect(await viewerReads(() => seesProject(client))).toBe(0);
    expect(await viewerReads(() => seesProject(client))).toBe(0);
  });

  it('applies a change of roles made elsewhere to the next request', async () => {
    const someone = await person(app(), ['STAFF']);
    expect(await listsPeople(someone.client)).toBe(true);
    await changeElsewhere(`update person set roles = '{MENTOR}' where id = $1`, [someone.id]);
    expect(await listsPeople(someone.client)).toBe(false);
    await changeElsewhere(`update person set roles = '{STAFF}' where id = $1`, [someone.id]);
    expect(await listsPeople(someone.client)).toBe(true);
  });

  it('applies a change of parks made elsewhere to the next request', async () => {
    const someone = await person(app(), ['STAFF']);
    const { parkId } = await home(app());
    expect(await seesProject(someone.client)).toBe(true);
    await changeElsewhere('delete from park_member where person_id = $1', [someone.id]);
    expect(await seesProject(someone.client)).toBe(false);
    await changeElsewhere('insert into park_member (person_id, park_id) values ($1, $2)', [someone.id, parkId]);
    expect(await seesProject(someone.client)).toBe(true);
  });

  it('refuses the token at once when its session is ended, or its person deactivated, elsewhere', async () => {
    const ended = await person(app(), ['STAFF']);
    const deactivated = await person(app(), ['STAFF']);
    const bystander = await person(app(), ['STAFF']);
    for (const { client } of [ended, deactivated, bystander]) expect(await signedIn(client)).toBe(true);
    await changeElsewhere('update auth_session set revoked_at = now() where person_id = $1', [ended.id]);
    await changeElsewhere('update person set deactivated_at = now() where id = $1', [deactivated.id]);
    expect(await signedIn(ended.client)).toBe(false);
    expect(await signedIn(deactivated.client)).toBe(false);
    // Only the people named are forgotten.
    expect(await viewerReads(() => signedIn(bystander.client))).toBe(0);
  });

  it('forgets everyone when a park opens: its district’s staff see its organisations on their next request', async () => {
    const district = await place(app(), null, 'DISTRICT', '宝安区');
    const street = await place(app(), district, 'STREET', '新安街道');
    const community = await place(app(), street, 'COMMUNITY', '上合社区');
    const districtStaff = await person(app(), ['STAFF'], undefined, { parkIds: [], districtIds: [district] });
    const bystander = await person(app(), ['STAFF']);
    expect(await signedIn(districtStaff.client)).toBe(true);
    expect(await signedIn(bystander.client)).toBe(true);
    expect(await viewerReads(() => signedIn(bystander.client))).toBe(0);
    // The administrator's mutations: each answers only once this instance has heard of what it changed.
    const parkId = await park(app(), { name: '新安街道社会创新园', placeId: street, streetIds: [street] });
    const created = await app().admin.data(CreateOrganizationDocument, {
      input: { name: '宝安区新安社工服务中心', kind: 'SOCIAL_WORK_AGENCY', creditCode: creditCode(), placeId: community, parkId, contactName: '李主任', contactPhone: '0755-27771234' },
    });
    const organizationId = created.createOrganization.organization!.id;
    expect((await districtStaff.client.data(NodeDocument, { id: organizationId })).node).toMatchObject({ id: organizationId });
    expect(await viewerReads(() => signedIn(bystander.client))).toBe(1);
  });

  it('applies an administrator’s change of roles to the very next request', async () => {
    const someone = await person(app(), ['STAFF']);
    expect(await listsPeople(someone.client)).toBe(true);
    const changed = await app().admin.data(SetPersonRolesDocument, { input: { personId: someone.id, roles: ['EVALUATOR'] } });
    expect(changed.setPersonRoles.userErrors).toEqual([]);
    expect(await listsPeople(someone.client)).toBe(false);
  });

  it('keeps nothing while the listener is down, and keeps again once it listens', async () => {
    const someone = await person(app(), ['STAFF']);
    const listener = app().server.listener!;
    const connections = listener.connections;
    expect(await signedIn(someone.client)).toBe(true);
    listener.dropConnection();
    expect(app().server.viewers!.size).toBe(0);
    expect(await viewerReads(() => signedIn(someone.client))).toBe(1);
    expect(await viewerReads(() => signedIn(someone.client))).toBe(1);
    // Unheard, a change still applies: every request reads its viewer.
    await db.query(`update person set roles = '{MENTOR}' where id = $1`, [fromGlobalId(someone.id)!.id]);
    expect(await listsPeople(someone.client)).toBe(false);
    await expect.poll(() => listener.connections, { timeout: 10_000 }).toBe(connections + 1);
    expect(await viewerReads(() => signedIn(someone.client))).toBe(1);
    expect(await viewerReads(() => signedIn(someone.client))).toBe(0);
  });
});

describe('open WebSockets', () => {
  it('close as soon as their session ends or their rights change, not at the next check', async () => {
    const [leaving, demoted, bystander] = [await person(app(), ['STAFF']), await person(app(), ['STAFF']), await person(app(), ['STAFF'])];
    const [leavingLive, demotedLive, bystanderLive] = [leaving, demoted, bystander].map((someone) => connectLive(app().url, someone.client.token));
    try {
      await Promise.all([leavingLive.connected, demotedLive.connected, bystanderLive.connected]);
      const started = Date.now();
      await leaving.client.data(LogoutDocument);
      await changeElsewhere(`update person set roles = '{MENTOR}' where id = $1`, [demoted.id]);
      expect(await leavingLive.closed).toMatchObject({ code: 4401 });
      expect(await demotedLive.closed).toMatchObject({ code: 4010 });
      expect(Date.now() - started).toBeLessThan(10_000);
      const bystanderClosed = await Promise.race([bystanderLive.closed, new Promise((resolve) => setTimeout(() => resolve('open'), 300))]);
      expect(bystanderClosed).toBe('open');
    } finally {
      for (const live of [leavingLive, demotedLive, bystanderLive]) await live.client.dispose();
    }
  });
});

describe('ViewerCache', () => {
  const viewer = (id: string): Viewer => ({ id, roles: [Role.STAFF], organizationId: null, sessionId: `session-${id}`, parkIds: [], districtIds: [] });
  const hour = () => new Date(Date.now() + 3600_000);

  it('does not keep a viewer read while a change was announced, since the read may predate it', async () => {
    const cache = new ViewerCache();
    cache.setListening(true);
    await cache.viewerOf('s1', async () => {
      cache.changed('someone-else');
      return { viewer: viewer('p1'), expiresAt: hour() };
    });
    expect(cache.size).toBe(0);
    await cache.viewerOf('s1', async () => ({ viewer: viewer('p1'), expiresAt: hour() }));
    expect(cache.size).toBe(1);
  });

  it('keeps no viewer past its session’s expiry or its age limit, nor beyond its size', async () => {
    const cache = new ViewerCache(2, 1000);
    cache.setListening(true);
    let reads = 0;
    const read = (expiresAt: Date) => async () => (reads++, { viewer: viewer('p1'), expiresAt });
    const now = Date.now();
    await cache.viewerOf('s1', read(new Date(now + 500)), now);
    await cache.viewerOf('s1', read(new Date(now + 500)), now + 400);
    expect(reads).toBe(1);
    await cache.viewerOf('s1', read(hour()), now + 600); // past the session's expiry
    expect(reads).toBe(2);
    await cache.viewerOf('s1', read(hour()), now + 1700); // older than maxAgeMs
    expect(reads).toBe(3);
    await cache.viewerOf('s2', read(hour()), now + 1700);
    await cache.viewerOf('s3', read(hour()), now + 1700);
    expect(cache.size).toBe(2);
  });

  it('keeps nothing until its listener listens', async () => {
    const cache = new ViewerCache();
    await cache.viewerOf('s1', async () => ({ viewer: viewer('p1'), expiresAt: hour() }));
    expect(cache.size).toBe(0);
  });
});
