import { describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  LogCoachingSessionDocument,
  MentorDashboardDocument,
  RoundRankingDocument,
  SubmitProjectDocument,
} from './generated/graphql.js';
import { useTestApp, type TestApp } from './support/app.js';
import { applicantOrganization, districtStaff, person, program, project, revision } from './support/factories.js';
import { assign, evaluators, openRound, submitScorecard } from './support/lifecycle.js';

const app = useTestApp();

/** A round of `count` submitted projects from a few organisations, each scored by one evaluator. */
async function scoredRound(test: TestApp, count: number) {
  const call = await program(test, { minEvaluators: 1, aggregationRule: 'MEAN' });
  const staff = await districtStaff(test);
  const round = await openRound(staff.client, call.id);
  const [evaluator] = await evaluators(test, 1);
  const organizations = await Promise.all(Array.from({ length: 4 }, () => applicantOrganization(test)));
  for (let i = 0; i < count; i++) {
    const { applicant } = organizations[i % organizations.length];
    const created = await project(applicant.client, call.id, `社区项目 ${count}-${i}`);
    await revision(applicant.client, created.id);
    await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
    const [{ assignmentId }] = await assign(staff.client, round.id, created.id, [evaluator]);
    await submitScorecard(evaluator, assignmentId, 60 + ((i * 7) % 40));
  }
  return { staff, round };
}

describe('the round leaderboard', () => {
  it('costs the same few SQL statements for 10 projects as for 100', async () => {
    const small = await scoredRound(app(), 10);
    const large = await scoredRound(app(), 100);
    const counts: number[] = [];
    for (const { staff, round } of [small, large]) {
      let entries = 0;
      counts.push(
        await app().countStatements(async () => {
          const result = await staff.client.data(RoundRankingDocument, { id: round.id });
          entries = result.reviewRound!.ranking!.length;
          for (const entry of result.reviewRound!.ranking!) {
            expect(entry.project.organization?.name).toBeTruthy();
            expect(entry.project.currentRevision?.number).toBe(1);
            expect(entry.scorecardCount).toBe(1);
          }
          expect(result.reviewRound!.ranking![0].rank).toBe(1);
        }),
      );
      expect([10, 100]).toContain(entries);
    }
    console.log(`SQL statements for the leaderboard (10 projects, 100 projects): ${counts.join(', ')}`);
    expect(counts[1]).toBe(counts[0]);
    // The round, its programme (whether the viewer runs it: canSeeRound), the scorecards' facts, and the projects with
    // their organisations and current revisions (readProjects). The viewer is kept from the first request.
    expect(counts[1]).toBe(4);
  }, 240_000);
});

describe('a mentor’s dashboard', () => {
  it('shows each project’s status, latest revision, open action items and review progress in a fixed number of statements', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const staff = await districtStaff(app());
    const call = await program(app(), { minEvaluators: 1 });
    const round = await openRound(staff.client, call.id);
    const [evaluator] = await evaluators(app(), 1);
    const counts: Record<number, number> = {};
    let mentored = 0;
    for (const target of [3, 12]) {
      for (; mentored < target; mentored++) {
        const { applicant } = await applicantOrganization(app());
        const created = await project(applicant.client, call.id, `导师项目 ${mentored}`);
        await revision(applicant.client, created.id);
        await staff.client.data(AssignProjectTeamDocument, { input: { projectId: created.id, mentorIds: [mentor.id] } });
        await mentor.client.data(LogCoachingSessionDocument, {
          input: {
            projectId: created.id, heldAt: new Date(Date.now() - 86_400_000).toISOString(), mode: 'ONLINE', durationMinutes: 60,
            topics: ['需求调研'], notes: '讨论服务对象需求', actionItems: [{ description: '补充调研数据', dueDate: '2026-12-31' }],
          },
        });
        if (mentored % 2 === 0) {
          await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
          await assign(staff.client, round.id, created.id, [evaluator]);
        }
      }
      let rows = 0;
      counts[target] = await app().countStatements(async () => {
        const dashboard = await mentor.client.data(MentorDashboardDocument, { first: 50 });
        rows = dashboard.projects!.nodes.length;
        for (const node of dashboard.projects!.nodes) {
          expect(node.currentRevision?.number).toBe(1);
          expect(node.openActionItems).toHaveLength(1);
          expect(node.proposalReview!.progress.required).toBe(1);
        }
        expect(dashboard.projects!.nodes.filter((n) => n.status === 'UNDER_REVIEW').length).toBe(Math.ceil(target / 2));
      });
      expect(rows).toBe(target);
    }
    console.log(`SQL statements for a mentor dashboard (3 projects, 12 projects): ${counts[3]}, ${counts[12]}`);
    expect(counts[12]).toBe(counts[3]);
    // The page with its revisions, teams, open action items, programmes and assignments (project.queries.ts); the
    // mentor's viewer is kept from the first request.
    expect(counts[12]).toBe(1);
  }, 120_000);
});
