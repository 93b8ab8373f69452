import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  ChangePasswordDocument,
  DeactivatePersonDocument,
  LoginDocument,
  LogoutDocument,
  LogoutEverywhereDocument,
  PeopleDocument,
  PersonDocument,
  ProjectEventsLiveDocument,
  ReactivatePersonDocument,
  ResetPasswordDocument,
  SetPersonRolesDocument,
  ViewerDocument,
} from './generated/graphql.js';
import { TEST_PASSWORD, useTestApp } from './support/app.js';
import { Client } from './support/client.js';
import { applicantOrganization, person, program, project, revision, setWorkplaces, type TestPerson } from './support/factories.js';
import { connectLive, hearOne, pause, subscribe } from './support/live.js';

const app = useTestApp({ SESSION_CHECK_MS: '200', WS_MAX_OPERATIONS: '3', WS_MAX_CONNECTIONS_PER_PERSON: '2', WS_MAX_REPLAY: '3' });
const open: { dispose(): unknown }[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) await client.dispose();
});

const NEW_PASSWORD = 'a brand new passphrase';

/** Whether a token still opens the API. */
async function works(token: string | null): Promise<boolean> {
  const result = await new Client(app().url, token).request(ViewerDocument);
  return result.data?.viewer != null;
}

async function secondSession(someone: TestPerson) {
  return app().login(someone.email);
}

/** A mentor of a project with a saved revision, listening to its events over WebSocket. */
async function listeningMentor() {
  const staff = await person(app(), ['STAFF']);
  const mentor = await person(app(), ['MENTOR']);
  const { applicant } = await applicantOrganization(app());
  const created = await project(applicant.client, (await program(app())).id);
  await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });
  const live = connectLive(app().url, mentor.client.token);
  open.push(live.client);
  const events = subscribe(live.client, ProjectEventsLiveDocument, { projectIds: [created.id] });
  await hearOne(events, () => revision(applicant.client, created.id));
  return { mentor, applicant, project: created, live, events };
}

describe('ending sessions over HTTP', () => {
  it('logout ends only the token it is sent with', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const other = await secondSession(mentor);
    expect((await mentor.client.data(LogoutDocument)).logout).toEqual({ endedSessions: 1, userErrors: [] });
    expect(await works(mentor.client.token)).toBe(false);
    expect(await mentor.client.errorCode(LogoutDocument)).toBe('UNAUTHENTICATED');
    expect(await works(other.token)).toBe(true);
  });

  it('sign-out everywhere ends every token of the person, and only theirs', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const bystander = await person(app(), ['MENTOR']);
    const other = await secondSession(mentor);
    expect((await other.data(LogoutEverywhereDocument)).logoutEverywhere.endedSessions).toBe(2);
    expect(await works(mentor.client.token)).toBe(false);
    expect(await works(other.token)).toBe(false);
    expect(await works(bystander.client.token)).toBe(true);
  });

  it('changing one’s password needs the current one and a strong new one, ends earlier tokens and gives a new one', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const other = await secondSession(mentor);
    const wrong = await mentor.client.data(ChangePasswordDocument, { input: { currentPassword: 'not my password', newPassword: NEW_PASSWORD } });
    expect(wrong.changePassword).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'] }] });
    for (const weak of ['1111111111', '          ', 'password12', mentor.email]) {
      const refused = await mentor.client.data(ChangePasswordDocument, { input: { currentPassword: TEST_PASSWORD, newPassword: weak } });
      expect(refused.changePassword.userErrors).toMatchObject([{ code: 'WEAK_PASSWORD', field: ['input', 'newPassword'] }]);
    }
    expect(await works(other.token)).toBe(true);

    const changed = await mentor.client.data(ChangePasswordDocument, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.changePassword.userErrors).toEqual([]);
    expect(await works(mentor.client.token)).toBe(false);
    expect(await works(other.token)).toBe(false);
    expect(await works(changed.changePassword.token!)).toBe(true);
    const oldPassword = await app().anonymous.data(LoginDocument, { input: { email: mentor.email, password: TEST_PASSWORD } });
    expect(oldPassword.login.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    await app().login(mentor.email, NEW_PASSWORD);
  });

  it('an administrator’s password reset ends the person’s sessions; nobody else may reset', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const staff = await person(app(), ['STAFF']);
    const byStaff = await staff.client.errorCode(ResetPasswordDocument, { input: { personId: mentor.id, newPassword: NEW_PASSWORD } });
    expect(byStaff).toBe('FORBIDDEN');
    expect(await works(mentor.client.token)).toBe(true);
    const reset = await app().admin.data(ResetPasswordDocument, { input: { personId: mentor.id, newPassword: NEW_PASSWORD } });
    expect(reset.resetPassword.userErrors).toEqual([]);
    expect(await works(mentor.client.token)).toBe(false);
    await app().login(mentor.email, NEW_PASSWORD);
  });

  it('a deactivated person cannot use their tokens or sign in, keeps their history, and can be reactivated', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const deactivated = await app().admin.data(DeactivatePersonDocument, { input: { personId: mentor.id } });
    expect(deactivated.deactivatePerson).toEqual({ person: { id: mentor.id, active: false }, userErrors: [] });
    expect(await works(mentor.client.token)).toBe(false);
    const login = await app().anonymous.data(LoginDocument, { input: { email: mentor.email, password: TEST_PASSWORD } });
    expect(login.login).toMatchObject({ token: null, userErrors: [{ code: 'ACCOUNT_DEACTIVATED' }] });
    expect((await app().admin.data(PersonDocument, { id: mentor.id })).person).toMatchObject({ id: mentor.id });
    const people = await app().admin.data(PeopleDocument, { role: 'MENTOR', first: 100 });
    expect(people.people!.nodes.map((p) => p.id)).toContain(mentor.id);

    const self = await app().admin.data(ViewerDocument);
    const selfDeactivation = await app().admin.data(DeactivatePersonDocument, { input: { personId: self.viewer!.id } });
    expect(selfDeactivation.deactivatePerson.userErrors.map((e) => e.code)).toEqual(['WRONG_ROLE']);

    await app().admin.data(ReactivatePersonDocument, { input: { personId: mentor.id } });
    expect(await works((await app().login(mentor.email)).token)).toBe(true);
    // Reactivation does not bring the ended sessions back.
    expect(await works(mentor.client.token)).toBe(false);
  });
});

describe('ending sessions closes open WebSockets', () => {
  const endings: Record<string, (mentor: TestPerson) => Promise<unknown>> = {
    logout: (mentor) => mentor.client.data(LogoutDocument),
    'sign-out everywhere from another device': async (mentor) => (await secondSession(mentor)).data(LogoutEverywhereDocument),
    'a password change': (mentor) => mentor.client.data(ChangePasswordDocument, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } }),
    'an administrator’s password reset': (mentor) => app().admin.data(ResetPasswordDocument, { input: { personId: mentor.id, newPassword: NEW_PASSWORD } }),
  };
  for (const [ending, end] of Object.entries(endings)) {
    it(`closes the socket with 4401 after ${ending}`, async () => {
      const { mentor, live } = await listeningMentor();
      await end(mentor);
      expect(await live.closed).toMatchObject({ code: 4401, reason: 'Session ended: sign in again' });
    });
  }

  it('closes the socket with 4401 when the person is deactivated, or deleted', async () => {
    const first = await listeningMentor();
    await app().admin.data(DeactivatePersonDocument, { input: { personId: first.mentor.id } });
    expect(await first.live.closed).toMatchObject({ code: 4401 });

    const second = await listeningMentor();
    const db = new pg.Client({ connectionString: app().databaseUrl });
    await db.connect();
    try {
      await db.query('delete from project_mentor where mentor_id = (select id from person where email = $1)', [second.mentor.email]);
      await db.query('delete from person where email = $1', [second.mentor.email]);
    } finally {
      await db.end();
    }
    expect(await second.live.closed).toMatchObject({ code: 4401 });
  });

  it('closes the socket with 4010 when the person’s roles change, and hears nothing after', async () => {
    const { mentor, applicant, project: watched, live, events } = await listeningMentor();
    await app().admin.data(SetPersonRolesDocument, { input: { personId: mentor.id, roles: ['EVALUATOR'] } });
    expect(await live.closed).toMatchObject({ code: 4010, reason: 'Your rights changed: reconnect' });
    const heard = events.received.length;
    await revision(applicant.client, watched.id);
    await pause(300);
    expect(events.received.length).toBe(heard);
  });

  it('closes the socket with 4010 when the parks the person works for change', async () => {
    const staff = await person(app(), ['STAFF']);
    const live = connectLive(app().url, staff.client.token);
    open.push(live.client);
    subscribe(live.client, ProjectEventsLiveDocument, {});
    await pause(200);
    await setWorkplaces(app(), staff.id, []);
    expect(await live.closed).toMatchObject({ code: 4010, reason: 'Your rights changed: reconnect' });
  });
});

describe('bounds on WebSockets', () => {
  it('refuses more operations on one socket than WS_MAX_OPERATIONS', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const live = connectLive(app().url, mentor.client.token);
    open.push(live.client);
    const running = [1, 2, 3].map(() => subscribe(live.client, ProjectEventsLiveDocument, {}));
    await pause(200);
    const fourth = subscribe(live.client, ProjectEventsLiveDocument, {});
    expect(JSON.stringify(await fourth.failed())).toContain('TOO_MANY_OPERATIONS');
    expect(running.every((s) => s.errors.length === 0)).toBe(true);
  });

  it('refuses more connections per person than WS_MAX_CONNECTIONS_PER_PERSON', async () => {
    const mentor = await person(app(), ['MENTOR']);
    for (let i = 0; i < 2; i++) {
      const socket = connectLive(app().url, mentor.client.token);
      open.push(socket.client);
      await socket.connected;
    }
    const third = connectLive(app().url, mentor.client.token);
    open.push(third.client);
    expect(await third.closed).toMatchObject({ code: 4429 });
    // Another person is not affected.
    const other = connectLive(app().url, (await person(app(), ['MENTOR'])).client.token);
    open.push(other.client);
    await other.connected;
  });

  it('bounds the events one connection may replay (WS_MAX_REPLAY), and applies the operation limits over WebSocket', async () => {
    const { mentor, applicant, project: watched, events } = await listeningMentor();
    const [{ projectEvents: first }] = await events.waitFor(1);
    for (let i = 0; i < 2; i++) await revision(applicant.client, watched.id);
    const resuming = connectLive(app().url, mentor.client.token);
    open.push(resuming.client);
    const once = subscribe(resuming.client, ProjectEventsLiveDocument, { after: first.cursor });
    await once.waitFor(2);
    const twice = subscribe(resuming.client, ProjectEventsLiveDocument, { after: first.cursor });
    expect(JSON.stringify(await twice.failed())).toContain('WS_MAX_REPLAY');

    const query = (q: string) =>
      new Promise<unknown>((resolve) => {
        resuming.client.subscribe({ query: q }, { next: resolve, error: resolve, complete: () => {} });
      });
    const deep = `{ ${'projects(first:1) { nodes { program { '.repeat(4)} id ${'} } }'.repeat(4)} }`;
    expect(JSON.stringify(await query(deep))).toContain('OPERATION_LIMIT_EXCEEDED');
    expect(JSON.stringify(await query('{ viewer { name } a: viewer { name } }'))).toContain('"a":{"name"');
    const nul = await new Promise<unknown>((resolve) =>
      resuming.client.subscribe({ query: 'query($t: ID!) { node(id: $t) { id } }', variables: { t: 'x\u0000' } }, { next: resolve, error: resolve, complete: () => {} }),
    );
    expect(JSON.stringify(nul)).toContain('control characters');
  });
});
