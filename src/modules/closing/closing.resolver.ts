import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { runMutation } from '../../shared/mutation.js';
import { ProjectActionInput } from '../projects/project.inputs.js';
import { ProjectPayload } from '../projects/project.types.js';
import { CloseProjectInput } from './closing.inputs.js';
import * as closing from './closing.service.js';

@Resolver()
export class ClosingResolver {
  @Mutation(() => ProjectPayload, { description: 'APPROVED → IN_PROGRESS: delivery starts (staff).' })
  startProjectDelivery(@Ctx() ctx: Context, @Arg('input', () => ProjectActionInput, { description: 'The approved project (`reason` is not used).' }) input: ProjectActionInput) {
    return runMutation(ctx, ProjectPayload, (tx) => closing.startDelivery(tx, input));
  }

  @Mutation(() => ProjectPayload, { description: 'IN_PROGRESS → CLOSING_REVIEW. Open follow-ups and unaccepted reports block it unless a reason is given (staff).' })
  openProjectClosing(@Ctx() ctx: Context, @Arg('input', () => ProjectActionInput, { description: 'The project in delivery, and the reason to proceed over blockers if any.' }) input: ProjectActionInput) {
    return runMutation(ctx, ProjectPayload, (tx) => closing.openClosing(tx, input));
  }

  @Mutation(() => ProjectPayload, { description: 'CLOSING_REVIEW → CLOSED with the grade the closing score earns (staff).' })
  closeProject(@Ctx() ctx: Context, @Arg('input', () => CloseProjectInput, { description: 'The project in closing review.' }) input: CloseProjectInput) {
    return runMutation(ctx, ProjectPayload, (tx) => closing.closeProject(tx, input));
  }

  @Mutation(() => ProjectPayload, { description: 'IN_PROGRESS → TERMINATED, with the reason (staff).' })
  terminateProject(@Ctx() ctx: Context, @Arg('input', () => ProjectActionInput, { description: 'The project in delivery and the reason, required.' }) input: ProjectActionInput) {
    return runMutation(ctx, ProjectPayload, (tx) => closing.terminate(tx, input));
  }
}
