import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../src/shared/auth.js';
import { fromGlobalId } from '../src/shared/node-id.js';
import {
  CreatePersonDocument,
  LoginDocument,
  PeopleDocument,
  PersonDocument,
  SetPersonRolesDocument,
  ViewerDocument,
} from './generated/graphql.js';
import { ADMIN_EMAIL, TEST_PASSWORD, TEST_TOKEN_SECRET, useTestApp } from './support/app.js';
import { Client } from './support/client.js';
import { organization, person } from './support/factories.js';

const app = useTestApp();

describe('login', () => {
  it('returns a token that identifies the viewer', async () => {
    const result = await app().anonymous.data(LoginDocument, { input: { email: ` ${ADMIN_EMAIL.toUpperCase()} `, password: TEST_PASSWORD } });
    expect(result.login.userErrors).toEqual([]);
    expect(result.login.viewer).toMatchObject({ name: 'Administrator', roles: ['ADMIN'] });
    expect(new Date(result.login.expiresAt!).getTime()).toBeGreaterThan(Date.now());
    const viewer = await new Client(app().url, result.login.token).data(ViewerDocument);
    expect(viewer.viewer).toMatchObject({ id: result.login.viewer!.id, email: ADMIN_EMAIL });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrongPassword = await app().anonymous.data(LoginDocument, { input: { email: ADMIN_EMAIL, password: 'not the password' } });
    const unknownEmail = await app().anonymous.data(LoginDocument, { input: { email: 'nobody@test.incubator.cn', password: 'not the password' } });
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword.login).toMatchObject({ token: null, viewer: null, userErrors: [{ code: 'INVALID_CREDENTIALS', field: null }] });
  });

  it('has no viewer without a token, and refuses protected queries with UNAUTHENTICATED', async () => {
    expect((await app().anonymous.data(ViewerDocument)).viewer).toBeNull();
    expect(await app().anonymous.errorCode(PeopleDocument, {})).toBe('UNAUTHENTICATED');
  });

  it('rejects an expired token and a tampered one', async () => {
    const viewer = await app().admin.data(ViewerDocument);
    const personId = fromGlobalId(viewer.viewer!.id)!.id;
    const expired = await app().sessionToken(personId, 60, Date.now() - 61_000);
    expect(await new Client(app().url, expired).errorCode(PeopleDocument, {})).toBe('UNAUTHENTICATED');

    const valid = await app().sessionToken(personId, 60);
    expect((await new Client(app().url, valid).data(PeopleDocument, {})).people!.totalCount).toBeGreaterThan(0);
    const sessionId = JSON.parse(Buffer.from(valid.split('.')[0], 'base64url').toString()).sid;
    const forged = signToken('another-secret-another-secret-another-secret', personId, sessionId, 60).token;
    expect(await new Client(app().url, forged).errorCode(PeopleDocument, {})).toBe('UNAUTHENTICATED');

    // A token already accepted (its claims kept, see verifyToken) with its signature changed is still refused, and
    // the kept claims still expire.
    const [body, signature] = valid.split('.');
    const altered = `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(await new Client(app().url, altered).errorCode(PeopleDocument, {})).toBe('UNAUTHENTICATED');
    expect(await new Client(app().url, `${body}.${signature}.`).errorCode(PeopleDocument, {})).toBe('UNAUTHENTICATED');
    expect((await new Client(app().url, valid).data(PeopleDocument, {})).people!.totalCount).toBeGreaterThan(0);
    expect(verifyToken(TEST_TOKEN_SECRET, valid)?.sid).toBe(sessionId);
    expect(verifyToken(TEST_TOKEN_SECRET, valid, Date.now() + 61_000)).toBeNull();
    expect(verifyToken('another-secret-another-secret-another-secret', valid)).toBeNull();
  });

  it('stores only a salted hash: two people with the same password get different hashes', async () => {
    const pg = await import('pg');
    const a = await person(app(), ['MENTOR']);
    const b = await person(app(), ['MENTOR']);
    const db = new pg.default.Client({ connectionString: app().databaseUrl });
    await db.connect();
    const { rows } = await db.query('select password_hash from person where email = any($1)', [[a.email, b.email]]);
    await db.end();
    expect(rows).toHaveLength(2);
    expect(rows[0].password_hash).toMatch(/^scrypt\$/);
    expect(rows[0].password_hash).not.toContain(TEST_PASSWORD);
    expect(rows[0].password_hash).not.toEqual(rows[1].password_hash);
  });
});

describe('people and roles', () => {
  it('lets an admin create a person who can then sign in', async () => {
    const org = await organization(app());
    const created = await app().admin.data(CreatePersonDocument, {
      input: { email: 'Chen.Applicant@Test.Incubator.cn', name: '陈申报', password: TEST_PASSWORD, roles: ['APPLICANT'], organizationId: org.id },
    });
    expect(created.createPerson).toMatchObject({ userErrors: [], person: { name: '陈申报', email: 'chen.applicant@test.incubator.cn', roles: ['APPLICANT'], organization: { id: org.id } } });
    const client = await app().login('chen.applicant@test.incubator.cn');
    expect((await client.data(ViewerDocument)).viewer?.organization?.name).toBe(org.name);
  });

  it('refuses invalid people with coded errors and writes nothing', async () => {
    const before = (await app().admin.data(PeopleDocument, {})).people!.totalCount;
    const result = await app().admin.data(CreatePersonDocument, {
      input: { email: 'not-an-email', name: ' ', password: 'short', roles: ['APPLICANT'] },
    });
    expect(result.createPerson.person).toBeNull();
    expect(result.createPerson.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_FORMAT', 'input.email'],
      ['REQUIRED', 'input.name'],
      ['WEAK_PASSWORD', 'input.password'],
      ['REQUIRED', 'input.organizationId'],
    ]);
    const duplicate = await app().admin.data(CreatePersonDocument, { input: { email: ADMIN_EMAIL, name: 'Again', password: TEST_PASSWORD, roles: ['STAFF'] } });
    expect(duplicate.createPerson.userErrors.map((e) => e.code)).toEqual(['DUPLICATE']);
    expect((await app().admin.data(PeopleDocument, {})).people!.totalCount).toBe(before);
  });

  it('lets only admins create people and assign roles', async () => {
    const staff = await person(app(), ['STAFF']);
    expect(await staff.client.errorCode(CreatePersonDocument, { input: { email: 'x@test.incubator.cn', name: 'X', password: TEST_PASSWORD, roles: ['ADMIN'] } })).toBe('FORBIDDEN');
    expect(await staff.client.errorCode(SetPersonRolesDocument, { input: { personId: staff.id, roles: ['ADMIN'] } })).toBe('FORBIDDEN');
  });

  it('applies a role change to the person’s next request', async () => {
    const mentor = await person(app(), ['MENTOR']);
    expect(await mentor.client.errorCode(PeopleDocument, {})).toBe('FORBIDDEN');
    const changed = await app().admin.data(SetPersonRolesDocument, { input: { personId: mentor.id, roles: ['MENTOR', 'STAFF'] } });
    expect(changed.setPersonRoles).toMatchObject({ userErrors: [], person: { roles: ['MENTOR', 'STAFF'] } });
    expect((await mentor.client.data(PeopleDocument, { role: 'MENTOR' })).people!.nodes.map((p) => p.id)).toContain(mentor.id);
  });

  it('shows a person’s email to themselves and staff only', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const other = await person(app(), ['EVALUATOR']);
    expect((await mentor.client.data(PersonDocument, { id: mentor.id })).person!.email).toBe(mentor.email);
    expect(await other.client.errorCode(PersonDocument, { id: mentor.id })).toBe('NOT_FOUND');
    expect((await app().admin.data(PersonDocument, { id: mentor.id })).person!.email).toBe(mentor.email);
  });

  it('pages through people with cursors and bounds the page size', async () => {
    const first = await app().admin.data(PeopleDocument, { first: 2 });
    expect(first.people!.nodes).toHaveLength(2);
    expect(first.people!.pageInfo.hasNextPage).toBe(true);
    const second = await app().admin.data(PeopleDocument, { first: 2, after: first.people!.pageInfo.endCursor });
    expect(second.people!.nodes.map((p) => p.id)).not.toContain(first.people!.nodes[0].id);
    expect(second.people!.totalCount).toBe(first.people!.totalCount);
    expect(await app().admin.errorCode(PeopleDocument, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await app().admin.errorCode(PeopleDocument, { after: 'bm90LWEtY3Vyc29y' })).toBe('BAD_USER_INPUT');
  });
});
