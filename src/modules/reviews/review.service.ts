import { LockMode, ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { projectForMutation } from '../projects/project.service.js';
import { Role, requireViewer } from '../../shared/auth.js';
import { workplacesOf } from '../../shared/workplaces.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { MAX_ITEMS, MAX_LENGTH } from '../../shared/input-limits.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { fire } from '../lifecycle/lifecycle.service.js';
import { ProjectAction } from '../lifecycle/project-status.machine.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Program } from '../programs/program.entity.js';
import { ProjectStatus } from '../projects/project.entity.js';
import { weightedTotal } from './aggregation.js';
import { AssignmentStatus, ReviewAssignment } from './review-assignment.entity.js';
import { DAYS_TO_SCORE, platformDateAfter } from './review-due-dates.js';
import { isCalendarDate, platformDate } from '../coaching/due-dates.js';
import type { AssignEvaluatorsInput, CloseReviewRoundInput, DeclareConflictInput, OpenReviewRoundInput, SaveScorecardInput } from './review.inputs.js';
import { canAssignEvaluators, canDeclareConflict, canManageReviews, canOpenRound, canRunRound, canSaveScorecard, canSeeRound } from './review.permissions.js';
import { enforce, requireAllowed } from '../../shared/permission.js';
import { factsOf, summarizeReview } from './review-progress.js';
import { publicAggregate } from './review.queries.js';
import { ReviewRound, RoundKind } from './review-round.entity.js';

async function roundForMutation(ctx: Context, globalId: string): Promise<ReviewRound> {
  const id = decodeId(globalId, 'ReviewRound');
  const round = id ? await ctx.em.findOne(ReviewRound, { id }) : null;
  if (!round || !(await canSeeRound(ctx, round))) fail(UserErrorCode.NOT_FOUND, 'input.roundId', 'No review round you can see has that ID.');
  return round;
}

export async function openRound(ctx: Context, input: OpenReviewRoundInput) {
  const viewer = requireAllowed(ctx.viewer, canManageReviews, 'open review rounds');
  const checks = new Checks();
  checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.title);
  const programId = decodeId(input.programId, 'Program');
  const program = programId ? await ctx.em.findOne(Program, { id: programId }) : null;
  checks.check(!!program, UserErrorCode.NOT_FOUND, 'input.programId', 'No programme has that ID.');
  checks.throwIfAny();
  enforce(canOpenRound(viewer, program!), 'input.programId');
  const round = ctx.em.create(ReviewRound, { program: program!, kind: input.kind, name: input.name.trim(), openedBy: ref(Person, viewer.id), createdAt: ctx.now });
  await ctx.em.flush();
  return { round };
}

export async function closeRound(ctx: Context, input: CloseReviewRoundInput) {
  requireAllowed(ctx.viewer, canManageReviews, 'close review rounds');
  const round = await roundForMutation(ctx, input.roundId);
  const program = await ctx.em.findOneOrFail(Program, { id: round.program.id });
  enforce(canRunRound(ctx.viewer, round, program), 'input.roundId');
  round.closedAt = ctx.now;
  await ctx.em.flush();
  return { round };
}

export async function assignEvaluators(ctx: Context, input: AssignEvaluatorsInput) {
  requireAllowed(ctx.viewer, canManageReviews, 'assign evaluators');
  const round = await roundForMutation(ctx, input.roundId);
  const project = await projectForMutation(ctx, input.projectId);
  enforce(canAssignEvaluators(ctx.viewer, round, project));
  const program = await ctx.em.findOneOrFail(Program, { id: project.program.id });
  const revision = round.kind === RoundKind.PROPOSAL ? project.currentRevision ?? null : null;

  const checks = new Checks();
  const ids: string[] = [];
  checks.list(input.evaluatorIds, 'input.evaluatorIds', {
    label: 'evaluators', max: MAX_ITEMS.evaluators, required: 'Name at least one evaluator.',
    each: (gid, at) => {
      const id = decodeId(gid, 'Person');
      checks.check(!!id, UserErrorCode.INVALID_ID, at, 'That is not a person ID.');
      ids.push(id ?? '');
    },
  });
  const today = platformDate(ctx.now);
  const dueDate = input.dueDate?.trim() ?? platformDateAfter(ctx.now, DAYS_TO_SCORE);
  if (checks.check(isCalendarDate(dueDate), UserErrorCode.INVALID_FORMAT, 'input.dueDate', 'A due date is a real date written YYYY-MM-DD.')) {
    checks.check(dueDate >= today, UserErrorCode.OUT_OF_RANGE, 'input.dueDate', `A due date is today (${today}) or later.`) && checks.date(dueDate, 'input.dueDate', 'A due date');
  }
  checks.throwIfAny();
  const [people, existing, workplaces, coachingPark] = await Promise.all([
    ctx.em.find(Person, { id: { $in: ids } }),
    ctx.em.find(ReviewAssignment, { project, round: { kind: round.kind }, revision }, { populate: ['round'] }),
    workplacesOf(ctx.em, ids),
    project.park ? ctx.em.findOne(Park, { id: project.park.id }, { populate: ['operator'] }) : null,
  ]);
  // Evaluators are a district's pool: the programme's district, or for a platform-wide programme the project's.
  const poolDistrictId = program.district?.id ?? project.district?.id ?? null;
  const operator = coachingPark?.operator?.getEntity() ?? null;
  ids.forEach((id, i) => {
    const field = `input.evaluatorIds.${i}`;
    const person = people.find((p) => p.id === id);
    if (!checks.check(!!person, UserErrorCode.NOT_FOUND, field, 'No person has that ID.')) return;
    if (!checks.check(person!.roles.includes(Role.EVALUATOR), UserErrorCode.WRONG_ROLE, field, `${person!.name} is not an evaluator.`)) return;
    if (!checks.check(person!.organization?.id !== project.organization.id, UserErrorCode.CONFLICT_OF_INTEREST, field, `${person!.name} belongs to the applicant organisation.`)) return;
    if (operator && !checks.check(person!.organization?.id !== operator.id, UserErrorCode.CONFLICT_OF_INTEREST, field,
      `${person!.name} belongs to ${operator.name}, the operator of ${coachingPark!.name}, the park coaching ${project.title}.`)) return;
    if (!checks.check(poolDistrictId !== null && workplaces.get(id)!.districtIds.includes(poolDistrictId), UserErrorCode.OUTSIDE_WORKPLACE, field,
      `${person!.name} is not in the expert pool of the programme’s district.`)) return;
    checks.check(!existing.some((a) => a.evaluator.id === id) && ids.indexOf(id) === i, UserErrorCode.DUPLICATE, field, `${person!.name} is already assigned to this project’s review.`);
  });
  checks.throwIfAny();
  const active = existing.filter((a) => a.status !== AssignmentStatus.RECUSED).length + ids.length;
  if (active < program.minEvaluators) {
    fail(UserErrorCode.NOT_ENOUGH_EVALUATORS, 'input.evaluatorIds', `${program.name} needs at least ${program.minEvaluators} evaluators per project; this would make ${active}.`);
  }

  const assignments = ids.map((id) => {
    const assignment = ctx.em.create(ReviewAssignment, { round, project, evaluator: ref(Person, id), revision, dueDate, createdAt: ctx.now });
    recordEvent(ctx, project, EventType.EVALUATOR_ASSIGNED, { evaluatorId: id, details: { roundId: toGlobalId('ReviewRound', round.id), assignmentId: toGlobalId('ReviewAssignment', assignment.id), kind: round.kind } });
    return assignment;
  });
  await ctx.em.flush();
  if (project.status === ProjectStatus.SUBMITTED) await fire(ctx, project, ProjectAction.START_REVIEW, { details: { roundId: toGlobalId('ReviewRound', round.id) } });
  await ctx.em.flush();
  return { assignments, project };
}

/** Loads an assignment for a mutation, round and project included; anyone else's is reported as not found (see canDeclareConflict). */
async function assignmentForMutation(ctx: Context, globalId: string): Promise<ReviewAssignment> {
  const id = decodeId(globalId, 'ReviewAssignment');
  // Locked, so a scorecard submitted twice at once is final for the second request.
  const assignment = id ? await ctx.em.findOne(ReviewAssignment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!assignment) fail(UserErrorCode.NOT_FOUND, 'input.assignmentId', 'You have no assignment with that ID.');
  await ctx.em.populate(assignment, ['round', 'project']);
  return assignment;
}

export async function declareConflict(ctx: Context, input: DeclareConflictInput) {
  requireViewer(ctx.viewer);
  const assignment = await assignmentForMutation(ctx, input.assignmentId);
  enforce(canDeclareConflict(ctx.viewer, assignment), 'input.assignmentId');
  const checks = new Checks();
  checks.text(input.reason, 'input.reason', 'The reason', MAX_LENGTH.reason);
  checks.throwIfAny();
  assignment.status = AssignmentStatus.RECUSED;
  assignment.conflictReason = input.reason.trim();
  recordEvent(ctx, assignment.project.getEntity(), EventType.ASSIGNMENT_RECUSED, {
    evaluatorId: assignment.evaluator.id,
    details: { roundId: toGlobalId('ReviewRound', assignment.round.id), assignmentId: toGlobalId('ReviewAssignment', assignment.id) },
  });
  await ctx.em.flush();
  return { assignment };
}

export async function saveScorecard(ctx: Context, input: SaveScorecardInput) {
  requireViewer(ctx.viewer);
  const assignment = await assignmentForMutation(ctx, input.assignmentId);
  enforce(await canSaveScorecard(ctx, assignment), 'input.assignmentId');
  const round = assignment.round.getEntity();
  const project = assignment.project.getEntity();
  const program = await ctx.em.findOneOrFail(Program, { id: project.program.id });
  const rubric = round.kind === RoundKind.PROPOSAL ? program.proposalRubric : program.closingRubric;

  const checks = new Checks();
  checks.list(input.scores, 'input.scores', {
    label: 'scores', max: MAX_ITEMS.criteria, key: (s) => s.criterionKey, keyField: 'criterionKey',
    each: (s, at) => {
      const criterion = rubric.find((c) => c.key === s.criterionKey);
      if (!checks.check(!!criterion, UserErrorCode.INVALID_FORMAT, `${at}.criterionKey`, `Score one of the rubric’s criteria: ${rubric.map((c) => c.key).join(', ')}.`)) return;
      checks.check(Number.isFinite(s.score) && s.score >= 0 && s.score <= criterion!.maxScore, UserErrorCode.SCORE_OUT_OF_RANGE, `${at}.score`,
        `${criterion!.title} is scored from 0 to ${criterion!.maxScore}; ${s.score} is outside that.`);
      checks.text(s.comment, `${at}.comment`, `The comment on ${criterion!.title}`, MAX_LENGTH.reason, input.submit);
    },
  });
  checks.text(input.comment, 'input.comment', 'The overall comment', MAX_LENGTH.statement, false);
  if (input.submit) {
    const scored = new Set(input.scores.map((s) => s.criterionKey));
    const missing = rubric.filter((c) => !scored.has(c.key));
    checks.check(missing.length === 0, UserErrorCode.INCOMPLETE_SCORECARD, 'input.scores', `Score every criterion before submitting; missing: ${missing.map((c) => c.title).join(', ')}.`);
    if (round.kind === RoundKind.PROPOSAL) checks.check(!!input.recommendation, UserErrorCode.REQUIRED, 'input.recommendation', 'Recommend approve, revise or reject before submitting.');
  }
  checks.throwIfAny();
  // Submissions on one project take turns, so the last of several at once counts all the others and completes the review.
  if (input.submit) await ctx.em.lock(project, LockMode.PESSIMISTIC_WRITE);

  assignment.scores = input.scores.map((s) => ({ criterionKey: s.criterionKey, score: s.score, comment: s.comment?.trim() ?? '' }));
  assignment.recommendation = input.recommendation ?? null;
  assignment.comment = input.comment?.trim() || null;
  if (input.submit) {
    assignment.total = weightedTotal(rubric, assignment.scores);
    assignment.status = AssignmentStatus.SUBMITTED;
    assignment.submittedAt = ctx.now;
    await ctx.em.flush();
    const assignments = await ctx.em.find(ReviewAssignment, { project }, { populate: ['round'] });
    const { progress, aggregate } = summarizeReview(assignments.map(factsOf), project.currentRevision?.id ?? null, round.kind, program);
    recordEvent(ctx, project, EventType.SCORECARD_SUBMITTED, {
      evaluatorId: assignment.evaluator.id,
      details: { roundId: toGlobalId('ReviewRound', round.id), assignmentId: toGlobalId('ReviewAssignment', assignment.id), submitted: progress.submitted, expected: progress.active },
    });
    if (progress.submitted === progress.active && aggregate.score !== null) {
      const { rule, score, counted, dropped } = publicAggregate(aggregate);
      recordEvent(ctx, project, EventType.REVIEW_COMPLETED, { details: { roundId: toGlobalId('ReviewRound', round.id), kind: round.kind, rule, score, counted, dropped } });
    }
  }
  await ctx.em.flush();
  return { assignment };
}

