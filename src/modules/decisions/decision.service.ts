import { LockMode, ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { projectForMutation } from '../projects/project.service.js';
import { Role, requireRole } from '../../shared/auth.js';
import { MAX_ITEMS, MAX_LENGTH } from '../../shared/input-limits.js';
import { formatYuan, toFen } from '../../shared/money.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { enforce } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { fire } from '../lifecycle/lifecycle.service.js';
import { ProjectAction } from '../lifecycle/project-status.machine.js';
import { Person } from '../people/person.entity.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { checkTypeCap, typeOfProject } from '../taxonomy/taxonomy.rules.js';
import { DecisionCondition } from './decision-condition.entity.js';
import { Decision, DecisionOutcome } from './decision.entity.js';
import type { MarkConditionMetInput, RecordDecisionInput } from './decision.inputs.js';
import { DECISION_STEP, canMeetCondition } from './decision.permissions.js';

const approves = (outcome: DecisionOutcome) => outcome === DecisionOutcome.APPROVED || outcome === DecisionOutcome.APPROVED_WITH_CONDITIONS;

/**
 * Staff record the outcome of a proposal review. The transition's precondition demands the
 * programme's minimum of submitted, non-recused scorecards on the current revision; an administrator
 * may decide without them by giving `overrideReason`, which is kept on the decision and the event.
 */
export async function recordDecision(ctx: Context, input: RecordDecisionInput) {
  const viewer = requireRole(ctx.viewer, 'record decisions', Role.ADMIN, Role.STAFF);
  const project = await projectForMutation(ctx, input.projectId);
  const [program, revision, type] = await Promise.all([
    ctx.em.findOneOrFail(Program, { id: project.program.id }),
    project.currentRevision ? ctx.em.findOneOrFail(ProposalRevision, { id: project.currentRevision.id }) : null,
    typeOfProject(ctx.em, project),
  ]);

  const checks = new Checks();
  const conditions = (input.conditions ?? []).map((c) => c.trim());
  const needsRationale = !approves(input.outcome);
  checks.text(input.rationale, 'input.rationale', input.outcome === DecisionOutcome.REVISION_REQUESTED ? 'What must change' : 'The rationale', MAX_LENGTH.statement, needsRationale);
  if (approves(input.outcome)) {
    const grant = input.grantAmount;
    if (checks.amount(grant, 'input.grantAmount', 'An approval’s grant')) {
      if (revision) {
        checks.check(toFen(grant!) <= toFen(revision.requestedAmount), UserErrorCode.GRANT_ABOVE_REQUEST, 'input.grantAmount',
          `The grant ${formatYuan(grant!)} is above the ${formatYuan(revision.requestedAmount)} requested in revision ${revision.number}.`);
      }
      checks.check(toFen(grant!) <= toFen(program.maxGrant), UserErrorCode.REQUEST_ABOVE_MAXIMUM, 'input.grantAmount',
        `The grant ${formatYuan(grant!)} is above the programme’s maximum of ${formatYuan(program.maxGrant)}.`);
      checkTypeCap(checks, type, grant!, 'input.grantAmount', 'The grant');
    }
  } else {
    checks.check(input.grantAmount == null, UserErrorCode.OUT_OF_RANGE, 'input.grantAmount', 'Only an approval carries a grant.');
  }
  if (input.outcome === DecisionOutcome.APPROVED_WITH_CONDITIONS) {
    checks.list(conditions, 'input.conditions', {
      label: 'conditions', max: MAX_ITEMS.conditions, required: 'List the conditions of the approval.', key: (c) => c,
      each: (c, at) => checks.text(c, at, 'A condition', MAX_LENGTH.condition),
    });
  } else {
    checks.check(conditions.length === 0, UserErrorCode.OUT_OF_RANGE, 'input.conditions', 'Only a conditional approval has conditions.');
  }
  checks.throwIfAny();

  const { overridden } = await fire(ctx, project, DECISION_STEP[input.outcome], {
    reason: input.overrideReason,
    reasonField: 'input.overrideReason',
    eventType: EventType.DECISION_RECORDED,
    details: { outcome: input.outcome, grantAmount: input.grantAmount ?? null, revisionNumber: revision?.number ?? null },
  });
  const decision = ctx.em.create(Decision, {
    project,
    revision: revision!,
    outcome: input.outcome,
    grantAmount: approves(input.outcome) ? input.grantAmount! : null,
    rationale: input.rationale?.trim() ?? '',
    overrideReason: overridden ? input.overrideReason!.trim() : null,
    decidedBy: ref(Person, viewer.id),
    createdAt: ctx.now,
  });
  conditions.forEach((text, position) => ctx.em.create(DecisionCondition, { decision, position, text, createdAt: ctx.now }));
  if (approves(input.outcome)) {
    project.approvedGrant = input.grantAmount!;
    project.approvedRevision = ref(revision!);
  }
  await ctx.em.flush();
  return { decision, project };
}

export async function markConditionMet(ctx: Context, input: MarkConditionMetInput) {
  requireRole(ctx.viewer, 'mark conditions met', Role.ADMIN, Role.STAFF);
  const id = decodeId(input.conditionId, 'DecisionCondition');
  // Locked, so a condition marked twice at once is ALREADY_DONE the second time.
  const condition = id ? await ctx.em.findOne(DecisionCondition, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['decision'] }) : null;
  if (!condition) fail(UserErrorCode.NOT_FOUND, 'input.conditionId', 'No condition has that ID.');
  const project = await ctx.em.findOneOrFail(Project, { id: condition.decision.getEntity().project.id });
  enforce(canMeetCondition(ctx.viewer, condition, project), 'input.conditionId');
  condition.metAt = ctx.now;
  condition.metBy = ref(Person, ctx.viewer!.id);
  recordEvent(ctx, project, EventType.CONDITION_MET, { details: { conditionId: toGlobalId('DecisionCondition', condition.id), text: condition.text } });
  await ctx.em.flush();
  const open = await ctx.em.count(DecisionCondition, { decision: condition.decision.id, metAt: null });
  if (open === 0) await fire(ctx, project, ProjectAction.MEET_CONDITIONS);
  await ctx.em.flush();
  return { condition, project };
}
