import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { isStaffOver } from '../projects/project.permissions.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { DecisionCondition } from './decision-condition.entity.js';
import { Decision } from './decision.entity.js';
import { MarkConditionMetInput, RecordDecisionInput } from './decision.inputs.js';
import { decisionsOf } from './decision.queries.js';
import * as decisions from './decision.service.js';
import { DecisionConditionViewerCan } from './decision.viewer-can.js';
import { ConditionPayload, DecisionPayload } from './decision.types.js';

@Resolver(() => Decision)
export class DecisionResolver {
  @Mutation(() => DecisionPayload, { description: 'Record the outcome of a proposal review (staff). Two concurrent decisions on one project: one wins, the other gets CONFLICT.' })
  recordDecision(@Ctx() ctx: Context, @Arg('input', () => RecordDecisionInput, { description: 'The project, outcome, grant, conditions and rationale.' }) input: RecordDecisionInput) {
    return runMutation(ctx, DecisionPayload, (tx) => decisions.recordDecision(tx, input));
  }

  @Mutation(() => ConditionPayload, { description: 'Mark a condition of a conditional approval met; the last one approves the project (staff).' })
  markConditionMet(@Ctx() ctx: Context, @Arg('input', () => MarkConditionMetInput, { description: 'The condition met.' }) input: MarkConditionMetInput) {
    return runMutation(ctx, ConditionPayload, (tx) => decisions.markConditionMet(tx, input));
  }

  @FieldResolver(() => [DecisionCondition], { description: 'The conditions of a conditional approval, in the order given; empty otherwise.' })
  conditions(@Root() decision: Decision) {
    return decision.conditions.isInitialized() ? decision.conditions.getItems() : decision.conditions.load().then((c) => c.getItems());
  }

  @FieldResolver(() => ProposalRevision, { description: 'The revision decided on.' })
  revision(@Ctx() ctx: Context, @Root() decision: Decision) {
    return ctx.loaders.byId(ProposalRevision).load(decision.revision.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The staff member who decided (shown to the staff of the project’s park or district).' })
  async decidedBy(@Ctx() ctx: Context, @Root() decision: Decision) {
    const project = await ctx.loaders.byId(Project).load(decision.project.id);
    return isStaffOver(ctx.viewer, project!) ? ctx.loaders.byId(Person).load(decision.decidedBy.id) : null;
  }
}

@Resolver(() => DecisionCondition)
export class DecisionConditionResolver {
  @FieldResolver(() => DecisionConditionViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() condition: DecisionCondition) {
    return new DecisionConditionViewerCan(ctx, condition);
  }
}

@Resolver(() => Project)
export class ProjectDecisionResolver {
  @FieldResolver(() => [Decision], { description: 'Decisions on this project, newest first.' })
  decisions(@Ctx() ctx: Context, @Root() project: Project) {
    return decisionsOf(ctx, project);
  }
}
