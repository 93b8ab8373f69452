import { beforeAll, describe, expect, it } from 'vitest';
import { AssignProjectTeamDocument, ProjectBoardDocument, ProjectHistoryBoardDocument } from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, person, program, project, revision } from './support/factories.js';

const app = useTestApp();
const PROJECTS = 50;

beforeAll(async () => {
  const call = await program(app());
  const staff = [await person(app(), ['STAFF']), await person(app(), ['STAFF'])];
  const mentors = [await person(app(), ['MENTOR']), await person(app(), ['MENTOR']), await person(app(), ['MENTOR'])];
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
    console.log(`SQL statements per project board page (viewer lookup included): ${JSON.stringify(counts)}`);
    expect(counts[50]).toBe(counts[5]);
    // The viewer lookup, the page with its count, organisations, revisions, and the teams (lead staff and mentors).
    expect(counts[50]).toBeLessThanOrEqual(5);
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

