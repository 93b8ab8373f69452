import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  CreatePersonDocument,
  EventsPageDocument,
  PeoplePageDocument,
  ProgramRevisionsPageDocument,
  ProjectRevisionsDocument,
  ProjectsPageDocument,
  SubmitProjectDocument,
  type PageInfoFieldsFragment,
  type ProjectOrder,
} from './generated/graphql.js';
import { TEST_PASSWORD, useTestApp } from './support/app.js';
import { applicantOrganization, person, program, project, revision, type TestPerson } from './support/factories.js';

const app = useTestApp();

interface Connection {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: PageInfoFieldsFragment;
}
type PageRequest = { first?: number; after?: string; last?: number; before?: string };
type Direction = 'forwards' | 'backwards';

/**
 * Reads a list a page at a time, forwards (first/after) or backwards (last/before), and runs
 * `between` after every page but the last. Returns the ids in list order and each page's pageInfo.
 */
async function walk(direction: Direction, size: number, load: (page: PageRequest) => Promise<Connection>, between: () => Promise<unknown> = async () => {}) {
  const ids: string[] = [];
  const pages: PageInfoFieldsFragment[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await load(direction === 'forwards' ? { first: size, after: cursor } : { last: size, before: cursor });
    const pageIds = page.edges.map((edge) => edge.node.id);
    if (direction === 'forwards') ids.push(...pageIds);
    else ids.unshift(...pageIds);
    pages.push(page.pageInfo);
    const more = direction === 'forwards' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return { ids, pages };
    if (pages.length > 30) throw new Error('the walk does not end');
    cursor = (direction === 'forwards' ? page.pageInfo.endCursor : page.pageInfo.startCursor)!;
    await between();
  }
}

/** The first page read has nothing behind it, the last nothing ahead; every page between has both. */
function expectEnds(pages: PageInfoFieldsFragment[], direction: Direction) {
  const ahead = pages.map((page) => (direction === 'forwards' ? page.hasNextPage : page.hasPreviousPage));
  const behind = pages.map((page) => (direction === 'forwards' ? page.hasPreviousPage : page.hasNextPage));
  expect(ahead).toEqual(pages.map((_, i) => i < pages.length - 1));
  expect(behind).toEqual(pages.map((_, i) => i > 0));
}

const ids = (connection: Connection) => connection.edges.map((edge) => edge.node.id);

/** A programme with one applicant organisation and `count` projects in it. */
async function programWithProjects(count: number) {
  const call = await program(app());
  const { applicant } = await applicantOrganization(app());
  for (let i = 0; i < count; i++) await project(applicant.client, call.id, `社区项目 ${i}`);
  return { programId: call.id, applicant };
}

async function projectsPage(programId: string, page: PageRequest & { order?: ProjectOrder }) {
  return (await app().admin.data(ProjectsPageDocument, { programId, ...page })).projects!;
}

describe('walking a list while rows are added and removed', () => {
  it('reads every project once, newest first, while new projects are created between pages', async () => {
    const { programId, applicant } = await programWithProjects(8);
    const before = ids(await projectsPage(programId, { first: 100 }));
    const created: string[] = [];
    const { ids: seen, pages } = await walk('forwards', 3, (page) => projectsPage(programId, page), async () => {
      // New projects go to the top, ahead of what was read: counted by offset, they would push read rows onto the next page.
      for (let i = 0; i < 2; i++) created.push((await project(applicant.client, programId)).id);
    });
    expect(seen).toEqual(before);
    expectEnds(pages, 'forwards');
    // Reading back from the first page's start finds exactly the projects created meanwhile, newest first.
    const newer = await projectsPage(programId, { last: 100, before: pages[0].startCursor! });
    expect(ids(newer)).toEqual([...created].reverse());
    expect(newer.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('reads every project once backwards, oldest first, while new projects are appended behind the walk', async () => {
    const { programId, applicant } = await programWithProjects(7);
    const before = ids(await projectsPage(programId, { first: 100, order: 'OLDEST_FIRST' }));
    const created: string[] = [];
    const { ids: seen, pages } = await walk('backwards', 3, (page) => projectsPage(programId, { ...page, order: 'OLDEST_FIRST' }), async () => {
      created.push((await project(applicant.client, programId)).id);
    });
    expect(seen).toEqual(before);
    expectEnds(pages, 'backwards');
    const appended = await projectsPage(programId, { first: 100, after: pages[0].endCursor!, order: 'OLDEST_FIRST' });
    expect(ids(appended)).toEqual(created);
    expect(appended.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  describe('people by name, with a person deleted as the walk goes', () => {
    let database: pg.Client;
    beforeAll(async () => {
      database = new pg.Client({ connectionString: app().databaseUrl });
      await database.connect();
      return () => database.end();
    });

    const mentor = async (name: string) => {
      const input = { name, email: `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}@test.incubator.cn`, password: TEST_PASSWORD, roles: ['MENTOR' as const] };
      const result = await app().admin.data(CreatePersonDocument, { input });
      expect(result.createPerson.userErrors).toEqual([]);
      return result.createPerson.person!.id;
    };
    const deletePerson = (globalId: string) => database.query('delete from person where id = $1', [Buffer.from(globalId, 'base64url').toString().split(':')[1]]);
    const mentorsPage = async (page: PageRequest) => (await app().admin.data(PeoplePageDocument, { role: 'MENTOR', ...page })).people!;

    it('neither repeats nor skips anyone, forwards or backwards', async () => {
      for (let i = 10; i < 20; i++) await mentor(`mentor${i}a`);
      for (const direction of ['forwards', 'backwards'] as const) {
        const before = ids(await mentorsPage({ first: 100 }));
        const added: string[] = [];
        let step = 0;
        const { ids: seen, pages } = await walk(direction, 3, async (page) => {
          const connection = await mentorsPage(page);
          // The row the next cursor points at goes: its cursor still marks the place.
          if (step++ === 1) await deletePerson((direction === 'forwards' ? connection.edges.at(-1) : connection.edges[0])!.node.id);
          return connection;
        }, async () => {
          // One name sorts behind the walk (already read), one ahead of it (still to come) and of the names added so far.
          if (direction === 'forwards') {
            await mentor(`mentor05s${step}`);
            added.push(await mentor(`mentor95s${step}`));
          } else {
            await mentor(`mentor99s${step}`);
            added.push(await mentor(`mentor00s${99 - step}`));
          }
        });
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.filter((id) => before.includes(id))).toEqual(before);
        expect(seen.filter((id) => !before.includes(id)).sort()).toEqual([...added].sort());
        expectEnds(pages, direction);
      }
    });
  });
});

describe('the audit trail newest first', () => {
  let projectId: string;
  let staff: TestPerson;

  beforeAll(async () => {
    const { programId, applicant } = await programWithProjects(0);
    staff = await person(app(), ['STAFF']);
    projectId = (await project(applicant.client, programId)).id;
    for (let i = 0; i < 40; i++) {
      const result = await staff.client.data(AssignProjectTeamDocument, { input: { projectId, leadStaffId: i % 2 ? staff.id : null } });
      expect(result.assignProjectTeam.userErrors).toEqual([]);
    }
    await revision(applicant.client, projectId);
    expect((await applicant.client.data(SubmitProjectDocument, { input: { projectId } })).submitProject.userErrors).toEqual([]);
  }, 60_000);

  const events = async (page: PageRequest & { order?: 'OLDEST_FIRST' | 'NEWEST_FIRST' }) =>
    (await staff.client.data(EventsPageDocument, { id: projectId, ...page })).project!.events;

  it('gives the newest event as the first item of one request', async () => {
    const newest = await events({ first: 1, order: 'NEWEST_FIRST' });
    expect(newest.totalCount).toBe(43);
    expect(newest.edges.map((edge) => edge.node.type)).toEqual(['STATUS_CHANGED']);
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // The same event is the last one of the trail oldest first.
    const last = await events({ last: 1 });
    expect(ids(last)).toEqual(ids(newest));
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it('refuses an event cursor on the revisions, and a newest-first cursor oldest first', async () => {
    const cursor = (await events({ first: 1, order: 'NEWEST_FIRST' })).pageInfo.endCursor!;
    expect(await staff.client.errorCode(ProjectRevisionsDocument, { id: projectId, after: cursor })).toBe('BAD_USER_INPUT');
    expect(await staff.client.errorCode(EventsPageDocument, { id: projectId, after: cursor })).toBe('BAD_USER_INPUT');
  });

  it('reads the same trail every way: oldest first forwards and backwards, newest first the other way round', async () => {
    const oldestFirst = await walk('forwards', 20, (page) => events(page));
    expect(oldestFirst.ids).toHaveLength(43);
    expect(oldestFirst.pages).toHaveLength(3);
    expectEnds(oldestFirst.pages, 'forwards');
    const backwards = await walk('backwards', 20, (page) => events(page));
    expect(backwards.ids).toEqual(oldestFirst.ids);
    expectEnds(backwards.pages, 'backwards');
    const newestFirst = await walk('forwards', 20, (page) => events({ ...page, order: 'NEWEST_FIRST' }));
    expect(newestFirst.ids).toEqual([...oldestFirst.ids].reverse());
    expectEnds(newestFirst.pages, 'forwards');
  });
});

describe('pages of every project in a list (revisions)', () => {
  it('applies the cursor within each project, backwards as forwards, in as many statements', async () => {
    const { programId, applicant } = await programWithProjects(3);
    const { projects } = await app().admin.data(ProgramRevisionsPageDocument, { programId, first: 1 });
    for (const { id } of projects!.nodes) for (let i = 0; i < 3; i++) await revision(applicant.client, id);
    const revisionsPage = async (page: PageRequest & { order?: 'OLDEST_FIRST' | 'NEWEST_FIRST' }) =>
      (await app().admin.data(ProgramRevisionsPageDocument, { programId, ...page })).projects!.nodes;
    const numbers = (nodes: Awaited<ReturnType<typeof revisionsPage>>) => nodes.map((node) => node.revisions.edges.map((edge) => edge.node.number));

    const newest = await revisionsPage({ first: 1 });
    expect(numbers(newest)).toEqual([[3], [3], [3]]);
    expect(newest.map((node) => node.revisions.pageInfo)).toMatchObject(Array(3).fill({ hasPreviousPage: false, hasNextPage: true }));
    // One project's cursor marks the same place in every project's list: after number 3.
    const next = await revisionsPage({ first: 1, after: newest[0].revisions.pageInfo.endCursor! });
    expect(numbers(next)).toEqual([[2], [2], [2]]);
    const oldest = await revisionsPage({ last: 1 });
    expect(numbers(oldest)).toEqual([[1], [1], [1]]);
    expect(oldest.map((node) => node.revisions.pageInfo)).toMatchObject(Array(3).fill({ hasPreviousPage: true, hasNextPage: false }));
    expect(numbers(await revisionsPage({ last: 2, order: 'OLDEST_FIRST' }))).toEqual([[2, 3], [2, 3], [2, 3]]);

    const statements = async (page: PageRequest) => app().countStatements(() => revisionsPage(page));
    expect(await statements({ last: 2, before: oldest[0].revisions.pageInfo.startCursor! })).toBe(await statements({ first: 2 }));
  });

  it('neither repeats nor skips a revision when one is saved between pages', async () => {
    const { programId, applicant } = await programWithProjects(1);
    const { projects } = await app().admin.data(ProgramRevisionsPageDocument, { programId, first: 1 });
    const projectId = projects!.nodes[0].id;
    for (let i = 0; i < 3; i++) await revision(applicant.client, projectId);
    const page = async (request: PageRequest) => (await app().admin.data(ProjectRevisionsDocument, { id: projectId, ...request })).project!.revisions;
    const first = await page({ first: 2 });
    expect(first.nodes.map((node) => node.number)).toEqual([3, 2]);
    await revision(applicant.client, projectId);
    const second = await page({ first: 2, after: first.pageInfo.endCursor! });
    expect(second.nodes.map((node) => node.number)).toEqual([1]);
    expect(second).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
  });
});

describe('cursors and page sizes that are refused', () => {
  let programId: string;
  let valid: string;
  beforeAll(async () => {
    ({ programId } = await programWithProjects(2));
    valid = (await projectsPage(programId, { first: 1 })).pageInfo.endCursor!;
  });

  const encode = (text: string) => Buffer.from(text).toString('base64url');
  const refused = (page: PageRequest & { order?: ProjectOrder }) => app().admin.errorCode(ProjectsPageDocument, { programId, ...page });

  it('accepts the cursor it gave out', async () => {
    expect(ids(await projectsPage(programId, { first: 1, after: valid }))).toHaveLength(1);
  });

  it('refuses malformed and tampered cursors with BAD_USER_INPUT', async () => {
    const [version, list, values] = Buffer.from(valid, 'base64url').toString().split('|');
    const [time, id] = JSON.parse(values) as [string, string];
    for (const cursor of [
      'not a cursor!',
      encode('offset:3'),
      `${valid}=`,
      encode(`v2|${list}|${values}`),
      encode(`${version}|${list}|not json`),
      encode(`${version}|${list}|${JSON.stringify([time])}`),
      encode(`${version}|${list}|${JSON.stringify([time, id, id])}`),
      encode(`${version}|${list}|${JSON.stringify([time, 'not-a-uuid'])}`),
      encode(`${version}|${list}|${JSON.stringify(['2026-02-31T00:00:00.000000Z', id])}`),
      encode(`${version}|${list}|${JSON.stringify([Date.parse(time), id])}`),
    ]) {
      expect(await refused({ after: cursor }), cursor).toBe('BAD_USER_INPUT');
      expect(await refused({ last: 1, before: cursor }), cursor).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a cursor of another list, or of another order of the same list', async () => {
    const personCursor = (await app().admin.data(PeoplePageDocument, { first: 1 })).people!.pageInfo.endCursor!;
    expect(await refused({ after: personCursor })).toBe('BAD_USER_INPUT');
    expect(await refused({ after: valid, order: 'TITLE' })).toBe('BAD_USER_INPUT');
    expect(await refused({ before: valid, order: 'OLDEST_FIRST' })).toBe('BAD_USER_INPUT');
  });

  it('refuses first with last, and page sizes outside 1–100', async () => {
    expect(await refused({ first: 1, last: 1 })).toBe('BAD_USER_INPUT');
    for (const size of [0, 101, -1]) {
      expect(await refused({ first: size })).toBe('BAD_USER_INPUT');
      expect(await refused({ last: size })).toBe('BAD_USER_INPUT');
    }
    expect((await projectsPage(programId, { last: 100 })).edges).toHaveLength(2);
  });
});
