import { GraphQLObjectType, isAbstractType } from 'graphql';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  AttentionAssignmentsDueDocument,
  AttentionOpenActionItemsDocument,
  AttentionOverdueAssignmentsDocument,
  AttentionReportsDueDocument,
  AttentionReturnedReportsDocument,
  AttentionWarningVisitsDocument,
  OpenProjectClosingDocument,
  NodeDocument,
  MentorDashboardDocument,
  ProjectBoardDocument,
  ProjectDetailPageDocument,
  OrganizationDocument,
  ProjectBoardWithRecordDocument,
  ProjectOrganizationsBriefDocument,
  ProjectOrganizationTwiceDocument,
  ProjectRevisionsTwiceDocument,
  ProjectTeamOfDocument,
  ProjectTeamTwiceDocument,
  ProjectFlagsBoardDocument,
  ProjectHistoryBoardDocument,
  ProjectTitlesCountedDocument,
  ProjectTitlesPageDocument,
  RecordDecisionDocument,
  RoundRankingDocument,
  RoundRankingWithRecordDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
} from './generated/graphql.js';
import type { ProjectBoardQuery, ProjectOrganizationsBriefQuery, ProjectOrganizationTwiceQuery, ProjectTeamTwiceQuery, RoundRankingQuery, ProjectTitlesCountedQuery, ProjectTitlesPageQuery } from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { PREPARED_PER_CONNECTION, readRows } from '../src/shared/read.js';
import { decodeId } from '../src/shared/node-id.js';
import type { Client } from './support/client.js';
import { applicantOrganization, districtStaff, home, person, program, project, revision } from './support/factories.js';
import { assign, evaluators, openRound, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

/** The statements `work` sends, as the server logged them. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const before = app().statements.length;
  await app().countStatements(work);
  return app().statements.slice(before);
}
const PROJECTS = 50;
let mentor: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  const call = await program(app());
  const staff = [await person(app(), ['STAFF']), await person(app(), ['STAFF'])];
  const mentors = [await person(app(), ['MENTOR']), await person(app(), ['MENTOR']), await person(app(), ['MENTOR'])];
  mentor = mentors[0];
  const organizations = await Promise.all(Array.from({ length: 5 }, () => applicantOrganization(app())));
  for (let i = 0; i < PROJECTS; i++) {
    const { applicant } = organizations[i % organizations.length];
    const created = await project(applicant.client, call.id, `社区项目 ${i}`);
    await revision(applicant.client, created.id);
    await staff[0].client.data(AssignProjectTeamDocument, {
      input: { projectId: created.id, leadStaffId: staff[i % 2].id, mentorIds: [mentors[i % 3].id, mentors[(i + 1) % 3].id] },
    });
  }
}, 120_000);

describe('listing projects with their organisation, current revision, mentors and lead staff', () => {
  it('takes the same small number of SQL statements for 5 projects as for 50', async () => {
    const counts: Record<number, number> = {};
    for (const first of [5, 50]) {
      let board: Awaited<ReturnType<ReturnType<typeof app>['admin']['data']>> | undefined;
      counts[first] = await app().countStatements(async () => {
        board = await app().admin.data(ProjectBoardDocument, { first });
      });
      const { projects } = board as { projects: { totalCount: number; nodes: { organization: unknown; currentRevision: unknown; mentors: unknown[]; leadStaff: unknown }[] } };
      expect(projects.totalCount).toBe(PROJECTS);
      expect(projects.nodes).toHaveLength(first);
      for (const node of projects.nodes) {
        expect(node.organization).not.toBeNull();
        expect(node.currentRevision).not.toBeNull();
        expect(node.leadStaff).not.toBeNull();
        expect(node.mentors).toHaveLength(2);
      }
    }
    console.log(`SQL statements per project board page: ${JSON.stringify(counts)}`);
    expect(counts[50]).toBe(counts[5]);
    // The page with its count, its organisations and their districts, current revisions and teams (project.queries.ts).
    // The administrator's viewer was read by an earlier request, and is kept (app/viewer-cache.ts).
    expect(counts[50]).toBe(1);
  });

  it('lists revisions and closing blockers of many projects in the same number of statements as of few', async () => {
    const counts: number[] = [];
    for (const first of [5, 50]) {
      counts.push(
        await app().countStatements(async () => {
          const projects = (await app().admin.data(ProjectHistoryBoardDocument, { first })).projects!;
          expect(projects.nodes).toHaveLength(first);
          for (const node of projects.nodes) {
            expect(node.revisions).toMatchObject({ totalCount: 1, nodes: [{ number: 1 }] });
            expect(node.closingBlockers).toEqual([]);
          }
        }),
      );
    }
    expect(counts[1]).toBe(counts[0]);
  });
});


/** Where the wrapped resolvers count the promises they answer with, while fieldsAnsweringLater records. */
let recording: Record<string, number> | null = null;

/**
 * Wraps every resolver of the server's schema below the root, and every type's resolveType, once,
 * before any query of this file runs: a compiled query keeps the resolvers it was compiled with.
 * Fields without a resolver are read as they are and cannot answer with a promise.
 */
function wrapResolvers() {
  const schema = app().server.schema;
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const count = (name: string, value: unknown) => {
    if (recording && value instanceof Promise) recording[name] = (recording[name] ?? 0) + 1;
    return value;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    // An interface or union that names a value's type with a promise (`Node.resolveType`).
    if (isAbstractType(type) && type.resolveType) {
      const original = type.resolveType;
      type.resolveType = (...args) => count(`${type.name}.resolveType`, original(...args)) as ReturnType<typeof original>;
    }
    if (!(type instanceof GraphQLObjectType) || roots.has(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const original = field.resolve;
      if (original) field.resolve = (source, args, context, info) => count(`${type.name}.${field.name}`, original(source, args, context, info));
    }
  }
}
beforeAll(wrapResolvers);

/** The fields below the root that answered with a promise while `work` ran, by `Type.field`. */
async function fieldsAnsweringLater(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const later: Record<string, number> = {};
  recording = later;
  try {
    await work();
  } finally {
    recording = null;
  }
  return later;
}

describe("a page's nested fields", () => {
  // What a page shows of its items is read with it and primed into the request's loaders (project.queries.ts):
  // the fields then answer at once, and graphql-js completes the list without a promise per field, which is
  // most of what a board costs beyond its SQL.
  it('answer at once on the project board and the mentor dashboard', async () => {
    const board = await fieldsAnsweringLater(async () => {
      const { projects } = await app().admin.data(ProjectBoardDocument, { first: 50 });
      expect(projects!.nodes).toHaveLength(50);
      expect(projects!.nodes.every((node) => node.organization?.district && node.mentors.length === 2 && node.leadStaff)).toBe(true);
    });
    expect(board).toEqual({});
    const dashboard = await fieldsAnsweringLater(async () => {
      const { projects } = await mentor.client.data(MentorDashboardDocument, { first: 50 });
      expect(projects!.nodes.length).toBeGreaterThan(0);
      expect(projects!.nodes.every((node) => node.currentRevision && node.proposalReview?.progress && Array.isArray(node.openActionItems))).toBe(true);
    });
    expect(dashboard).toEqual({});
  });

  it('wait for their batch where the page did not read them with it, and are counted then', async () => {
    // A page of each project's revisions is read for all the page's projects in one batch after the page: a promise per project.
    const later = await fieldsAnsweringLater(async () => {
      const { projects } = await app().admin.data(ProjectHistoryBoardDocument, { first: 5 });
      expect(projects!.nodes).toHaveLength(5);
    });
    expect(later['Project.revisions']).toBe(5);
  });
});

describe('interfaces and unions', () => {
  it("name a value's type at once: a node's, and each event's details", async () => {
    const { projects } = await app().admin.data(ProjectBoardDocument, { first: 1 });
    const id = projects!.nodes[0].id;
    const later = await fieldsAnsweringLater(async () => {
      const { node } = await app().admin.data(NodeDocument, { id });
      expect(node).toMatchObject({ id, __typename: 'Project' });
      const { project: shown } = await app().admin.data(ProjectDetailPageDocument, { id });
      expect(shown!.events!.nodes.some((event) => event.details)).toBe(true);
    });
    expect(Object.keys(later).filter((name) => name.endsWith('.resolveType'))).toEqual([]);
  });
});

describe("a project's page and node(id:)", () => {
  it('cost the same statements for a project with a short history as for one with a long one', async () => {
    const call = await program(app());
    const staff = await person(app(), ['STAFF']);
    const mentors = [await person(app(), ['MENTOR']), await person(app(), ['MENTOR'])];
    const { applicant } = await applicantOrganization(app());
    const ids: string[] = [];
    for (const revisions of [1, 12]) {
      const created = await project(applicant.client, call.id, `历史长短 ${revisions}`);
      for (let n = 0; n < revisions; n++) await revision(applicant.client, created.id, { changeNote: `第${n + 1}稿` });
      await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, leadStaffId: staff.id, mentorIds: mentors.map((mentor) => mentor.id) } });
      ids.push(created.id);
    }
    const pages: number[] = [];
    const nodes: number[] = [];
    const events: number[] = [];
    for (const id of ids) {
      pages.push(
        await app().countStatements(async () => {
          const { project: shown } = await staff.client.data(ProjectDetailPageDocument, { id });
          expect(shown!.mentors).toHaveLength(2);
          events.push(shown!.events!.totalCount);
        }),
      );
      nodes.push(
        await app().countStatements(async () => {
          const { node } = await staff.client.data(NodeDocument, { id });
          expect(node).toMatchObject({ id, __typename: 'Project' });
        }),
      );
    }
    console.log(`SQL statements for a project's page (${events.join(' and ')} events): ${pages.join(', ')}; for node(id:): ${nodes.join(', ')}`);
    expect(events[1]).toBeGreaterThan(events[0] + 10);
    // One statement: the project with its programme, organisation, team and current revision (readProjects), and in
    // it the page of revisions with their authors and the page of events with their actors (folded pages). Nothing
    // grows with the history. The viewer is kept from the first request.
    expect(pages).toEqual([1, 1]);
    // The row.
    expect(nodes).toEqual([1, 1]);
  });
});

describe("a revision's summary", () => {
  it('answers a selection of its number and amount, and the whole revision a selection of its text, in one operation', async () => {
    const { projects } = await app().admin.data(ProjectRevisionsTwiceDocument, { first: 10 });
    expect(projects!.nodes).toHaveLength(10);
    for (const node of projects!.nodes) {
      expect(node.brief!.id).toBe(node.full!.id);
      expect(node.brief!.number).toBe(node.full!.number);
      expect(node.brief!.requestedAmount).toBe(node.full!.budgetLines.reduce((sum, line) => sum + line.amount, 0));
      expect(node.full!.summary.length).toBeGreaterThan(0);
      expect(node.full!.objectives.length).toBeGreaterThan(0);
    }
  });
});

describe("a project's summary", () => {
  it('reads only the columns a board shows of its projects, and shows them as a page of whole projects does', async () => {
    let board: ProjectBoardQuery | undefined;
    const page = (await statementsOf(async () => (board = await app().admin.data(ProjectBoardDocument, { first: 20 })))).find((sql) => sql.includes('page_cursor'))!;
    expect(page).toBeDefined();
    expect(page).not.toMatch(/community_served|focus_area|select e\.\*,/);
    const whole = await app().admin.data(ProjectBoardWithRecordDocument, { first: 20 });
    expect(whole.projects!.nodes.every((node) => node.communityServed.length > 0 && node.updatedAt)).toBe(true);
    expect(board!.projects!.nodes).toEqual(whole.projects!.nodes.map(({ focusArea: _f, communityServed: _c, updatedAt: _u, ...node }) => node));
  });
});

describe("an organisation's summary", () => {
  it('answers a selection of its name, kind and district, and the whole organisation a selection of its contacts, in one operation', async () => {
    let shown: ProjectOrganizationTwiceQuery | undefined;
    const statements = await app().countStatements(async () => (shown = await app().admin.data(ProjectOrganizationTwiceDocument, { first: 10 })));
    const nodes = shown!.projects!.nodes;
    expect(nodes).toHaveLength(10);
    for (const { brief, full } of nodes) {
      expect([brief!.id, brief!.name, brief!.district]).toEqual([full!.id, full!.name, full!.district]);
      expect(brief!.kind).toMatch(/^[A-Z_]+$/);
      expect(full!.contactName.length).toBeGreaterThan(0);
    }
    // The page, which read the whole organisation once for both selections; then each street's places (the viewer is kept).
    expect(statements).toBeLessThanOrEqual(3);
  });

  it('reads only the summary where a page shows only that, and answers it like the whole organisation', async () => {
    let brief: ProjectOrganizationsBriefQuery | undefined;
    const page = (await statementsOf(async () => (brief = await app().admin.data(ProjectOrganizationsBriefDocument, { first: 10 })))).find((sql) => sql.includes('prefetch_organization'))!;
    expect(page).toBeDefined();
    expect(page).not.toContain('contact_name');
    for (const node of brief!.projects!.nodes) {
      const { organization } = await app().admin.data(OrganizationDocument, { id: node.organization!.id });
      expect(node.organization).toEqual({ id: organization!.id, name: organization!.name, kind: organization!.kind, district: organization!.district });
    }
  });
});

describe("a team's summary", () => {
  it("answers a selection of names, and the whole team a selection of emails, in one operation and the page's statement", async () => {
    let shown: ProjectTeamTwiceQuery | undefined;
    const statements = await app().countStatements(async () => (shown = await app().admin.data(ProjectTeamTwiceDocument, { first: 10 })));
    const nodes = shown!.projects!.nodes;
    expect(nodes).toHaveLength(10);
    for (const node of nodes) {
      expect(node.brief.map((mentor) => [mentor.id, mentor.name])).toEqual(node.full.map((mentor) => [mentor.id, mentor.name]));
      expect(node.full.every((mentor) => mentor.email?.includes('@'))).toBe(true);
      expect(node.leadStaff?.email).toContain('@');
    }
    expect(nodes.some((node) => node.brief.length > 0)).toBe(true);
    // The page, which read the whole team once for both selections (the viewer is kept).
    expect(statements).toBe(1);
  });

  it("answers a project's names apart from a page, and a mentor's permission from it", async () => {
    const { projects } = await mentor.client.data(MentorDashboardDocument, { first: 50 });
    expect(projects!.nodes.length).toBeGreaterThan(0);
    const id = projects!.nodes[0].id;
    const { project: shown } = await mentor.client.data(ProjectTeamOfDocument, { id });
    expect(shown!.mentors.map((person) => person.id)).toContain(mentor.id);
  });
});

describe('counting a list', () => {

  it('counts the whole list only when the operation reads totalCount, through fragments too', async () => {
    let page: ProjectTitlesPageQuery | undefined;
    const uncounted = await statementsOf(async () => (page = await app().admin.data(ProjectTitlesPageDocument, { first: 20 })));
    expect(page!.projects!.nodes).toHaveLength(20);
    expect(page!.projects!.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(uncounted.filter((sql) => /count\(/i.test(sql))).toEqual([]);

    // Past the first page, whether rows precede it is an exists, not a count either.
    let next: typeof page;
    const further = await statementsOf(async () => (next = await app().admin.data(ProjectTitlesPageDocument, { first: 20, after: page!.projects!.pageInfo.endCursor! })));
    expect(next!.projects!.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(further.filter((sql) => /count\(/i.test(sql))).toEqual([]);
    let last: typeof page;
    await statementsOf(async () => (last = await app().admin.data(ProjectTitlesPageDocument, { first: 20, after: next!.projects!.pageInfo.endCursor! })));
    const total = (await app().admin.data(ProjectTitlesCountedDocument, { first: 1 })).projects!.totalCount;
    expect(last!.projects!.nodes).toHaveLength(Math.min(20, total - 40));
    expect(last!.projects!.pageInfo.hasNextPage).toBe(total > 60);
    expect(last!.projects!.pageInfo.hasPreviousPage).toBe(true);

    let counted: ProjectTitlesCountedQuery | undefined;
    const withCount = await statementsOf(async () => (counted = await app().admin.data(ProjectTitlesCountedDocument, { first: 5 })));
    expect(counted!.projects!.totalCount).toBe(total);
    // In the page's own statement: counting costs no statement of its own.
    expect(withCount.filter((sql) => /count\(/i.test(sql))).toHaveLength(1);
    expect(withCount.length).toBe(uncounted.length);
  });
});

describe('every viewerCan flag of a page of projects', () => {
  const STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'IN_PROGRESS', 'CLOSING_REVIEW'] as const;
  let programId: string;
  let viewers: Record<'staff' | 'mentor' | 'applicant', Client>;
  let leaderboard: { roundId: string; district: Client };

  // Every fifth project in each status, so a page of 5 asks every precondition a page of 50 asks.
  beforeAll(async () => {
    const call = await program(app(), { minEvaluators: 1 });
    programId = call.id;
    const [staff, mentor, [evaluator]] = await Promise.all([person(app(), ['STAFF']), person(app(), ['MENTOR']), evaluators(app(), 1)]);
    const { applicant } = await applicantOrganization(app());
    viewers = { staff: staff.client, mentor: mentor.client, applicant: applicant.client };
    const district = await districtStaff(app());
    const proposalRound = await openRound(district.client, call.id);
    const closingRound = await openRound(district.client, call.id, 'CLOSING', '结项评估');
    leaderboard = { roundId: proposalRound.id, district: district.client };
    const created: string[] = [];
    for (let i = 0; i < PROJECTS; i++) {
      const { id } = await project(applicant.client, call.id, `社区项目 ${i}`);
      await revision(applicant.client, id);
      await staff.client.data(AssignProjectTeamDocument, { input: { projectId: id, mentorIds: [mentor.id] } });
      created.push(id);
    }
    await Promise.all(created.map(async (id, i) => {
      const status = STATUSES[i % STATUSES.length];
      if (status === 'DRAFT') return;
      await applicant.client.data(SubmitProjectDocument, { input: { projectId: id } });
      if (status === 'SUBMITTED') return;
      const [{ assignmentId }] = await assign(staff.client, proposalRound.id, id, [evaluator]);
      if (status === 'UNDER_REVIEW') return;
      await submitScorecard(evaluator, assignmentId, 85);
      await staff.client.data(RecordDecisionDocument, { input: { projectId: id, outcome: 'APPROVED', grantAmount: 40000 } });
      await staff.client.data(StartProjectDeliveryDocument, { input: { projectId: id } });
      if (status === 'IN_PROGRESS') return;
      await staff.client.data(OpenProjectClosingDocument, { input: { projectId: id } });
      await assign(staff.client, closingRound.id, id, [evaluator]);
    }));
  }, 240_000);

  it('costs the same statements for 50 projects as for 5, for staff, the mentor and the applicant', async () => {
    const counts: Record<string, number[]> = {};
    for (const [role, client] of Object.entries(viewers)) {
      counts[role] = [];
      await client.data(ProjectFlagsBoardDocument, { first: 1, programId }); // reads the viewer, which is then kept
      for (const first of [5, 50]) {
        counts[role].push(
          await app().countStatements(async () => {
            const { nodes } = (await client.data(ProjectFlagsBoardDocument, { first, programId })).projects!;
            expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(STATUSES));
            expect(nodes.some((n) => Object.values(n.viewerCan).some(Boolean))).toBe(true);
          }),
        );
      }
    }
    console.log(`SQL statements for every viewerCan flag of 5 and of 50 projects: ${JSON.stringify(counts)}`);
    for (const [role, [few, many]] of Object.entries(counts)) expect(`${role}: ${many}`).toBe(`${role}: ${few}`);
    // The page with its count, then one statement each: open rounds, assignments, programmes, open follow-ups, unaccepted reports.
    expect(counts.staff[1]).toBeLessThanOrEqual(6);
  });

  it("reads a leaderboard's projects by their summary and ranks them as with their whole rows", async () => {
    let ranked: RoundRankingQuery | undefined;
    const projects = (await statementsOf(async () => (ranked = await leaderboard.district.data(RoundRankingDocument, { id: leaderboard.roundId })))).find((sql) => /from project e where e\.id = any/.test(sql))!;
    expect(projects).toBeDefined();
    expect(projects).not.toMatch(/community_served|focus_area|select e\.\*/);
    expect(projects).toContain('submitted_at');
    const whole = (await leaderboard.district.data(RoundRankingWithRecordDocument, { id: leaderboard.roundId })).reviewRound!.ranking!;
    expect(whole.every((entry) => entry.project.communityServed.length > 0)).toBe(true);
    expect(ranked!.reviewRound!.ranking!.map((entry) => [entry.rank, entry.score, entry.project.id, entry.project.title, entry.project.organization, entry.project.currentRevision])).toEqual(
      whole.map((entry) => [entry.rank, entry.score, entry.project.id, entry.project.title, entry.project.organization, entry.project.currentRevision]),
    );
  });

  it("answers a round's leaderboard with its projects at once: only the ranking itself waits", async () => {
    const later = await fieldsAnsweringLater(async () => {
      const { reviewRound } = await leaderboard.district.data(RoundRankingDocument, { id: leaderboard.roundId });
      // The 30 projects assigned in the round (20 scored, 10 waiting), each with its organisation and current revision.
      expect(reviewRound!.ranking).toHaveLength(30);
      expect(reviewRound!.ranking!.every((entry) => entry.project.organization && entry.project.currentRevision)).toBe(true);
    });
    expect(later).toEqual({ 'ReviewRound.ranking': 1 });
  });
});

describe('prepared reads', () => {
  it('keep answering when another instance migrates a table under them', async () => {
    const { organization } = await applicantOrganization(app());
    const staff = await person(app(), ['STAFF']);
    // Enough reads for every pooled connection (DB_POOL_SIZE 4) to prepare its lookup of organisations.
    const read = async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => staff.client.data(NodeDocument, { id: organization.id })));
      for (const { node } of answers) expect(node).toMatchObject({ id: organization.id, name: organization.name });
    };
    await read();
    const db = new pg.Client({ connectionString: app().databaseUrl });
    await db.connect();
    try {
      // A prepared select * whose table changed fails with "cached plan must not change result type".
      await db.query('alter table organization add column migrated_meanwhile integer');
      await read();
      await read();
    } finally {
      await db.query('alter table organization drop column if exists migrated_meanwhile');
      await db.end();
    }
    await read();
  });
});

/**
 * The statements the server's pooled connections hold prepared whose text has every one of
 * `fragments`, with how often each ran: each connection holds its own, so enough are asked at once
 * to meet every one of them.
 */
async function preparedHolding(...fragments: string[]): Promise<{ statement: string; executed: number }[]> {
  const em = app().server.database.orm.em.fork();
  const where = fragments.map(() => 'statement like ?').join(' and ');
  const held = await Promise.all(
    Array.from({ length: 8 }, () => readRows<{ statement: string; executed: number }>(em, `select statement, (generic_plans + custom_plans)::int as executed from pg_prepared_statements where ${where}`, fragments.map((fragment) => `%${fragment}%`))),
  );
  return held.flat().sort((a, b) => b.executed - a.executed);
}

/** Enough runs of `read`, four at a time, for PostgreSQL to weigh a generic plan on the connections that prepare its statement. */
async function readOften(read: () => Promise<unknown>): Promise<void> {
  for (let round = 0; round < 4; round++) await Promise.all(Array.from({ length: 4 }, read));
}

describe("a mentor's projects", () => {
  it('are read under one prepared plan that starts from the mentor’s own rows, never from a walk of all projects', async () => {
    await readOften(async () => expect((await mentor.client.data(MentorDashboardDocument, { first: 50 })).projects!.totalCount).toBeGreaterThan(0));
    const [page] = await preparedHolding('project_mentor where mentor_id', 'page_cursor');
    expect(page?.executed).toBeGreaterThan(1);
    // The plan PostgreSQL may settle on for every mentor: the mentor's rows first, each project by its key, then sorted.
    const db = new pg.Client({ connectionString: app().databaseUrl });
    await db.connect();
    try {
      await db.query(`prepare mentor_page as ${page.statement}`);
      await db.query('set plan_cache_mode = force_generic_plan');
      // Its parameters are the mentor's ID, as many times as the scope is read.
      const parameters = new Set(page.statement.match(/\$\d+/g)).size;
      const { rows } = await db.query(`explain execute mentor_page(${Array(parameters).fill(`'${decodeId(mentor.id, 'Person')}'`).join(', ')})`);
      const plan = rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/on project_mentor_mentor_id_project_id_index[^\n]*\n\s+Index Cond: \(mentor_id = \$\d+\)/);
      expect(plan).toMatch(/on project x\b[^\n]*\n\s+Index Cond: \(id = e\.id\)/);
      expect(plan).toMatch(/Sort Key: x\.created_at DESC, x\.id DESC/);
      expect(plan).not.toMatch(/Scan(?: Backward)? using project_created_at_id_index/);
    } finally {
      await db.end();
    }
  });
});

describe('attention views of their own rows', () => {
  it('are prepared for an applicant, a mentor and an evaluator, whose rows are always few', async () => {
    const { applicant } = await applicantOrganization(app());
    const evaluator = await person(app(), ['EVALUATOR']);
    await readOften(() => applicant.client.data(AttentionReturnedReportsDocument, { first: 20 }));
    await readOften(() => applicant.client.data(AttentionReportsDueDocument, { first: 20 }));
    await readOften(() => mentor.client.data(AttentionOpenActionItemsDocument, { first: 20 }));
    await readOften(() => evaluator.client.data(AttentionAssignmentsDueDocument, { first: 20 }));
    for (const fragments of [
      ["from service_report s where s.project_id in", "s.status = 'RETURNED'", 'page_cursor'],
      ['generate_series', 'page_cursor'],
      ['from action_item i where i.project_id in', 'page_cursor'],
      ['where a.evaluator_id = $', 'page_cursor'],
    ]) {
      const [view] = await preparedHolding(...fragments);
      expect(view?.executed, fragments[0]).toBeGreaterThan(1);
    }
  });
});

describe("attention views of a staff member's parks", () => {
  it('are prepared with the park or district written in: one plan for each scope, planned once per connection', async () => {
    const { districtId, parkId } = await home(app());
    const parkStaff = await person(app(), ['STAFF']);
    const district = await districtStaff(app());
    for (const staff of [parkStaff, district]) {
      await readOften(() => staff.client.data(AttentionOverdueAssignmentsDocument, { first: 20 }));
      await readOften(() => staff.client.data(AttentionWarningVisitsDocument, { first: 20 }));
    }
    const [park, ofDistrict] = [decodeId(parkId, 'Park')!, decodeId(districtId, 'Place')!];
    for (const view of ['review_assignment', 'supervision_visit']) {
      const held = await preparedHolding(view, 'page_cursor', park);
      // The park's staff member's scope is the park; the district's also covers the district: a statement for each.
      const parkOnly = held.find((each) => !each.statement.includes(ofDistrict));
      const wider = held.find((each) => each.statement.includes(ofDistrict));
      for (const statement of [parkOnly, wider]) {
        expect(statement?.executed, view).toBeGreaterThan(1);
        // Nothing left to send apart: the scope and the date are in the text.
        expect(statement!.statement).not.toMatch(/\$\d/);
      }
    }
  });
});

describe('prepared statements', () => {
  it('keeps at most PREPARED_PER_CONNECTION on each connection, deallocating the least recently used', async () => {
    const em = app().server.database.orm.em.fork();
    const pool = em.getConnection().getKnex().client.pool as { max: number };
    // More distinct statements than every connection of the pool could hold together.
    for (let i = 0; i < PREPARED_PER_CONNECTION * pool.max + 50; i++) {
      const [row] = await readRows<{ n: number }>(em, `select ?::int + ${i} as n`, [1]);
      expect(row.n).toBe(i + 1);
    }
    const [{ held }] = await readRows<{ held: number }>(em, 'select count(*)::int as held from pg_prepared_statements');
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    // A statement deallocated for room is prepared again when it is read again.
    const [again] = await readRows<{ n: number }>(em, 'select ?::int + 0 as n', [1]);
    expect(again.n).toBe(1);
  });
});

describe('rows read by readRows', () => {
  it('are plain objects keyed by column, whatever the columns are called, the last of a repeated name winning', async () => {
    const em = app().server.database.orm.em.fork();
    const rows = await readRows(
      em,
      `select n as "__proto__", n + 1 as "constructor", 'x' || n as "toString", n as id, n * 10 as id,
              'quoted' as "a""b\\c", 'code' as "}; throw new Error('ran'); ({", null::text as "nothing"
         from generate_series(1, 2) n`,
    );
    expect(rows.map((row) => Object.entries(row))).toEqual([
      [['__proto__', 1], ['constructor', 2], ['toString', 'x1'], ['id', 10], ['a"b\\c', 'quoted'], ["}; throw new Error('ran'); ({", 'code'], ['nothing', null]],
      [['__proto__', 2], ['constructor', 3], ['toString', 'x2'], ['id', 20], ['a"b\\c', 'quoted'], ["}; throw new Error('ran'); ({", 'code'], ['nothing', null]],
    ]);
    for (const row of rows) expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    rows[0].id = 99;
    expect(rows[1].id).toBe(20);
    // Columns named otherwise make other objects; none is empty where a statement found no rows.
    expect(await readRows(em, 'select 1 as one where false')).toEqual([]);
    expect(await readRows(em, 'select 1 as one, 2 as two')).toEqual([{ one: 1, two: 2 }]);
  });
});
