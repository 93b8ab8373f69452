import { describe, expect, it } from 'vitest';
import {
  AssignEvaluatorsDocument,
  CloseReviewRoundDocument,
  CompareRevisionsDocument,
  DeclareConflictDocument,
  DistrictProgramRoundsDocument,
  MyAssignmentsDocument,
  NodeDocument,
  OpenReviewRoundDocument,
  ProjectReviewDocument,
  RecordDecisionDocument,
  RoundRankingDocument,
  SaveRevisionDocument,
  SaveScorecardDocument,
  SubmitProjectDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { districtStaff, person, revisionInput } from './support/factories.js';
import { assign, evaluators, openRound, projectUnderReview, scoresFor, submitScorecard, submittedProject } from './support/lifecycle.js';

const app = useTestApp();

describe('opening and closing rounds', () => {
  it('is for those who run the programme: a park’s staff may not open or close a round of their district’s programme, its district’s staff may', async () => {
    const { program, staff: parkStaff, round } = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
    const district = await districtStaff(app());
    const rounds = async () => ((await app().admin.data(DistrictProgramRoundsDocument, { programId: program.id })).node as { reviewRounds: { totalCount: number } }).reviewRounds.totalCount;
    expect(await rounds()).toBe(1);

    const opened = await parkStaff.client.data(OpenReviewRoundDocument, { input: { programId: program.id, kind: 'CLOSING', name: '结项评估' } });
    expect(opened.openReviewRound).toEqual({
      round: null,
      userErrors: [{ code: 'OUTSIDE_WORKPLACE', field: ['input', 'programId'], message: `${program.name} is a district programme: only the district’s staff open and close its review rounds.` }],
    });
    const closed = await parkStaff.client.data(CloseReviewRoundDocument, { input: { roundId: round.id } });
    expect(closed.closeReviewRound).toEqual({
      round: null,
      userErrors: [{ code: 'OUTSIDE_WORKPLACE', field: ['input', 'roundId'], message: `${program.name} is a district programme: only the district’s staff open and close its review rounds.` }],
    });
    expect(await rounds()).toBe(1);

    // The district's staff run it: the round refused to the park's staff was still open.
    const closing = await openRound(district.client, program.id, 'CLOSING', '结项评估');
    expect(closing).toMatchObject({ kind: 'CLOSING', closedAt: null });
    const done = await district.client.data(CloseReviewRoundDocument, { input: { roundId: round.id } });
    expect(done.closeReviewRound.userErrors).toEqual([]);
    expect(done.closeReviewRound.round?.closedAt).toBeTruthy();
    expect(await rounds()).toBe(2);
  });
});

describe('assigning evaluators', () => {
  it('needs the programme’s minimum of evaluators with the EVALUATOR role and no tie to the applicant', async () => {
    const submitted = await submittedProject(app(), { minEvaluators: 3 });
    const staff = await districtStaff(app());
    const round = await openRound(staff.client, submitted.program.id);
    const [a, b, c] = await evaluators(app(), 3);
    const mentor = await person(app(), ['MENTOR']);
    const insider = await person(app(), ['EVALUATOR', 'APPLICANT'], submitted.organization.id);
    const input = { roundId: round.id, projectId: submitted.project.id };

    const tooFew = await staff.client.data(AssignEvaluatorsDocument, { input: { ...input, evaluatorIds: [a.id, b.id] } });
    expect(tooFew.assignEvaluators.userErrors.map((e) => e.code)).toEqual(['NOT_ENOUGH_EVALUATORS']);
    const wrong = await staff.client.data(AssignEvaluatorsDocument, { input: { ...input, evaluatorIds: [a.id, mentor.id, insider.id, a.id] } });
    expect(wrong.assignEvaluators.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['WRONG_ROLE', 'input.evaluatorIds.1'],
      ['CONFLICT_OF_INTEREST', 'input.evaluatorIds.2'],
      ['DUPLICATE', 'input.evaluatorIds.3'],
    ]);
    const review = await staff.client.data(ProjectReviewDocument, { id: submitted.project.id });
    expect(review.project).toMatchObject({ status: 'SUBMITTED', proposalReview: { progress: { active: 0 } } });

    const ok = await staff.client.data(AssignEvaluatorsDocument, { input: { ...input, evaluatorIds: [a.id, b.id, c.id] } });
    expect(ok.assignEvaluators).toMatchObject({ userErrors: [], project: { status: 'UNDER_REVIEW' } });
    const again = await staff.client.data(AssignEvaluatorsDocument, { input: { ...input, evaluatorIds: [a.id] } });
    expect(again.assignEvaluators.userErrors.map((e) => e.code)).toEqual(['DUPLICATE']);
  });

  it('refuses projects that are not submitted and rounds that are closed', async () => {
    const { project, program, staff, districtStaff: district, round } = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
    const closing = await openRound(district.client, program.id, 'CLOSING');
    const [x] = await evaluators(app(), 1);
    const wrongKind = await staff.client.data(AssignEvaluatorsDocument, { input: { roundId: closing.id, projectId: project.id, evaluatorIds: [x.id] } });
    expect(wrongKind.assignEvaluators.userErrors.map((e) => e.code)).toEqual(['INVALID_STATUS']);
    await district.client.data(CloseReviewRoundDocument, { input: { roundId: round.id } });
    const closed = await staff.client.data(AssignEvaluatorsDocument, { input: { roundId: round.id, projectId: project.id, evaluatorIds: [x.id] } });
    expect(closed.assignEvaluators.userErrors.map((e) => e.code)).toEqual(['ROUND_CLOSED']);
  });
});

describe('scorecards', () => {
  it('checks every score against its criterion and submits only complete cards, which are then final', async () => {
    const { assignments } = await projectUnderReview(app(), { program: { minEvaluators: 1 } });
    const { evaluator, assignmentId } = assignments[0];
    const bad = await evaluator.client.data(SaveScorecardDocument, {
      input: {
        assignmentId,
        scores: [
          { criterionKey: 'need', score: 31, comment: '超出' },
          { criterionKey: 'budget', score: 5, comment: '' },
          { criterionKey: 'design', score: -1 },
        ],
        submit: true,
      },
    });
    expect(bad.saveScorecard.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['SCORE_OUT_OF_RANGE', 'input.scores.0.score'],
      ['INVALID_FORMAT', 'input.scores.1.criterionKey'],
      ['SCORE_OUT_OF_RANGE', 'input.scores.2.score'],
      ['REQUIRED', 'input.scores.2.comment'],
      ['INCOMPLETE_SCORECARD', 'input.scores'],
      ['REQUIRED', 'input.recommendation'],
    ]);
    const draft = await evaluator.client.data(SaveScorecardDocument, { input: { assignmentId, scores: [{ criterionKey: 'need', score: 25 }] } });
    expect(draft.saveScorecard.assignment).toMatchObject({ status: 'ASSIGNED', total: null, scores: [{ criterionKey: 'need', score: 25 }] });

    const submitted = await submitScorecard(evaluator, assignmentId, 87.5);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', total: 87.5, recommendation: 'APPROVE' });
    const later = await evaluator.client.data(SaveScorecardDocument, { input: { assignmentId, scores: scoresFor(99), recommendation: 'APPROVE', submit: true } });
    expect(later.saveScorecard.userErrors.map((e) => e.code)).toEqual(['SCORECARD_FINAL']);
  });

  it('lets an evaluator touch only their own assignments', async () => {
    const { assignments } = await projectUnderReview(app(), { program: { minEvaluators: 2 } });
    const [first, second] = assignments;
    const other = await second.evaluator.client.data(SaveScorecardDocument, { input: { assignmentId: first.assignmentId, scores: scoresFor(80) } });
    expect(other.saveScorecard.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const mine = await second.evaluator.client.data(MyAssignmentsDocument, {});
    expect(mine.myAssignments!.nodes.map((a) => a.id)).toEqual([second.assignmentId]);
  });

  it('marks scorecards on an older revision stale: they stay visible but no longer count', async () => {
    const { project, applicant, staff, assignments, round } = await projectUnderReview(app(), { program: { minEvaluators: 2 } });
    for (const { evaluator, assignmentId } of assignments) await submitScorecard(evaluator, assignmentId, 80);
    const requested = await staff.client.data(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'REVISION_REQUESTED', rationale: '请补充需求调研数据' } });
    expect(requested.recordDecision.project?.status).toBe('REVISION_REQUESTED');

    const revised = await applicant.client.data(SaveRevisionDocument, { input: revisionInput(project.id, { changeNote: '补充需求调研数据' }) });
    expect(revised.saveRevision.userErrors).toEqual([]);
    await applicant.client.data(SubmitProjectDocument, { input: { projectId: project.id } });
    const review = await staff.client.data(ProjectReviewDocument, { id: project.id });
    expect(review.project!.proposalReview!.progress).toEqual({ active: 0, submitted: 0, recused: 0, stale: 2, required: 2 });
    expect(review.project!.scorecards.map((s) => s.stale)).toEqual([true, true]);

    // The same evaluators may score the new revision.
    const reassigned = await assign(staff.client, round.id, project.id, assignments.map((a) => a.evaluator));
    const stale = await assignments[0].evaluator.client.data(SaveScorecardDocument, { input: { assignmentId: assignments[0].assignmentId, scores: scoresFor(90) } });
    expect(stale.saveScorecard.userErrors.map((e) => e.code)).toEqual(['SCORECARD_FINAL']);
    await submitScorecard(reassigned[0].evaluator, reassigned[0].assignmentId, 90);
    const after = await staff.client.data(ProjectReviewDocument, { id: project.id });
    expect(after.project!.proposalReview!.progress).toMatchObject({ active: 2, submitted: 1, stale: 2 });
  });

  it('refuses a scorecard for a revision that is no longer current', async () => {
    const { project, applicant, assignments } = await projectUnderReview(app(), { program: { minEvaluators: 2 } });
    await submitScorecard(assignments[0].evaluator, assignments[0].assignmentId, 80);
    const override = await app().admin.data(RecordDecisionDocument, { input: { projectId: project.id, outcome: 'REVISION_REQUESTED', rationale: '补充预算', overrideReason: '评审会时间已到,按已提交评分决定' } });
    expect(override.recordDecision.decision?.overrideReason).toBe('评审会时间已到,按已提交评分决定');
    await applicant.client.data(SaveRevisionDocument, { input: revisionInput(project.id) });
    await applicant.client.data(SubmitProjectDocument, { input: { projectId: project.id } });
    const late = await assignments[1].evaluator.client.data(SaveScorecardDocument, {
      input: { assignmentId: assignments[1].assignmentId, scores: scoresFor(70), recommendation: 'REVISE', submit: true },
    });
    expect(late.saveScorecard.userErrors.map((e) => e.code)).toEqual(['STALE_REVISION']);
  });
});

describe('aggregation', () => {
  it('drops the highest and lowest under the trimmed mean, leaves recused evaluators out, and shows which cards counted', async () => {
    const { project, staff, round, assignments } = await projectUnderReview(app(), { program: { minEvaluators: 4, aggregationRule: 'TRIMMED_MEAN' } });
    const recused = await assignments[3].evaluator.client.data(DeclareConflictDocument, { input: { assignmentId: assignments[3].assignmentId, reason: '曾为该机构提供咨询' } });
    expect(recused.declareConflict.assignment?.status).toBe('RECUSED');
    const [replacement] = await evaluators(app(), 1);
    const [extra] = await assign(staff.client, round.id, project.id, [replacement]);
    const totals = [96.8, 99, 70, 96];
    const cards = [...assignments.slice(0, 3), extra];
    for (const [i, { evaluator, assignmentId }] of cards.entries()) await submitScorecard(evaluator, assignmentId, totals[i]);

    const review = await staff.client.data(ProjectReviewDocument, { id: project.id });
    expect(review.project!.proposalReview).toEqual({
      progress: { active: 4, submitted: 4, recused: 1, stale: 0, required: 4 },
      aggregate: { rule: 'TRIMMED_MEAN', score: 96.4, counted: [extra.assignmentId, cards[0].assignmentId], dropped: [cards[2].assignmentId, cards[1].assignmentId], pending: null },
    });
    const conflicted = review.project!.scorecards.find((s) => s.id === assignments[3].assignmentId);
    expect(conflicted).toMatchObject({ status: 'RECUSED', conflictReason: '曾为该机构提供咨询' });
  });

  it('ranks a round’s projects by score, equal scores sharing a rank in a fixed order', async () => {
    const first = await projectUnderReview(app(), { program: { minEvaluators: 1, aggregationRule: 'MEAN' } });
    const programId = first.program.id;
    const round = first.round;
    const scores = [96.4, 90, 90, 75];
    const projects = [first.project];
    const { applicantOrganization, project, revision } = await import('./support/factories.js');
    for (let i = 1; i < scores.length; i++) {
      const { applicant } = await applicantOrganization(app());
      const created = await project(applicant.client, programId, `项目${i}`);
      await revision(applicant.client, created.id);
      await applicant.client.data(SubmitProjectDocument, { input: { projectId: created.id } });
      projects.push(created);
    }
    for (const [i, created] of projects.entries()) {
      const [evaluator] = await evaluators(app(), 1);
      const [{ assignmentId }] = await assign(first.staff.client, round.id, created.id, [evaluator]);
      await submitScorecard(evaluator, assignmentId, scores[i]);
    }
    const ranking = (await first.staff.client.data(RoundRankingDocument, { id: round.id })).reviewRound!.ranking!;
    expect(ranking.map((r) => [r.rank, r.score, r.project.id])).toEqual([
      [1, 96.4, projects[0].id],
      [2, 90, projects[1].id],
      [2, 90, projects[2].id],
      [4, 75, projects[3].id],
    ]);
    expect(await first.applicant.client.errorCode(RoundRankingDocument, { id: round.id })).toBe('NOT_FOUND');
  });
});

describe('blind review and evaluator identity', () => {
  it('shows an evaluator nothing that names the applicant under blind review', async () => {
    const { project, applicant, organization, assignments, revision } = await projectUnderReview(app(), { program: { minEvaluators: 1, blindReview: true } });
    const evaluator = assignments[0].evaluator;
    const mine = await evaluator.client.data(MyAssignmentsDocument, {});
    expect(mine.myAssignments!.nodes[0].project).toMatchObject({
      id: project.id,
      organization: null,
      currentRevision: { number: 1, team: null, author: null },
    });
    expect(JSON.stringify(mine)).not.toContain(organization.name);
    expect(await evaluator.client.errorCode(NodeDocument, { id: organization.id })).toBe('NOT_FOUND');
    expect(await evaluator.client.errorCode(NodeDocument, { id: applicant.id })).toBe('NOT_FOUND');
    const compared = await evaluator.client.data(CompareRevisionsDocument, { from: revision.id, to: revision.id });
    expect(compared.compareRevisions!.changes).toEqual([]);
  });

  it('shows the applicant organisation to evaluators when review is not blind', async () => {
    const { organization, assignments } = await projectUnderReview(app(), { program: { minEvaluators: 1, blindReview: false } });
    const mine = await assignments[0].evaluator.client.data(MyAssignmentsDocument, {});
    expect(mine.myAssignments!.nodes[0].project.organization?.name).toBe(organization.name);
  });

  it('never tells the applicant or the mentor who scored what', async () => {
    const { project, applicant, staff, assignments } = await projectUnderReview(app(), { program: { minEvaluators: 2 } });
    await submitScorecard(assignments[0].evaluator, assignments[0].assignmentId, 85);
    const seen = await applicant.client.data(ProjectReviewDocument, { id: project.id });
    expect(seen.project!.scorecards).toHaveLength(1);
    expect(seen.project!.scorecards[0]).toMatchObject({ total: 85, evaluator: null, conflictReason: null });
    expect(JSON.stringify(seen)).not.toContain(assignments[0].evaluator.name);
    const byStaff = await staff.client.data(ProjectReviewDocument, { id: project.id });
    expect(byStaff.project!.scorecards.map((s) => s.evaluator?.id).sort()).toEqual(assignments.map((a) => a.evaluator.id).sort());
  });
});
