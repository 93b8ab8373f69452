import { LockMode, ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { projectForMutation } from '../projects/project.service.js';
import { requireViewer } from '../../shared/auth.js';
import { MAX_ITEMS, MAX_LENGTH, MAX_SESSION_MINUTES } from '../../shared/input-limits.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { enforce } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { ActionItem } from './action-item.entity.js';
import { CoachingSession } from './coaching-session.entity.js';
import type { LogCoachingSessionInput, SetActionItemDoneInput } from './coaching.inputs.js';
import { canLogCoaching, canSetActionItemDone } from './coaching.permissions.js';
import { isCalendarDate } from './due-dates.js';

export async function logCoachingSession(ctx: Context, input: LogCoachingSessionInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  const project = await projectForMutation(ctx, input.projectId);
  enforce(await canLogCoaching(ctx, project), 'input.projectId');

  const checks = new Checks();
  if (checks.date(input.heldAt, 'input.heldAt', 'The session date')) {
    checks.check(input.heldAt.getTime() <= ctx.now.getTime(), UserErrorCode.OUT_OF_RANGE, 'input.heldAt', 'Log a session once it has been held: the time is in the future.');
  }
  checks.number(input.durationMinutes, 'input.durationMinutes', 'The duration in minutes', { min: 1, max: MAX_SESSION_MINUTES });
  checks.list(input.topics, 'input.topics', {
    label: 'topics', max: MAX_ITEMS.topics, required: 'Give at least one topic.', key: (topic) => topic.trim(),
    each: (topic, at) => checks.text(topic, at, 'A topic', MAX_LENGTH.name),
  });
  checks.text(input.notes, 'input.notes', 'Notes', MAX_LENGTH.document);
  checks.list(input.actionItems, 'input.actionItems', {
    label: 'action items', max: MAX_ITEMS.actionItems, key: (item) => item.description.trim(), keyField: 'description',
    each: (item, at) => {
      checks.text(item.description, `${at}.description`, 'An action item', MAX_LENGTH.reason);
      if (checks.check(isCalendarDate(item.dueDate), UserErrorCode.INVALID_FORMAT, `${at}.dueDate`, 'A due date is a real date written YYYY-MM-DD.')) {
        checks.date(item.dueDate, `${at}.dueDate`, 'A due date');
      }
    },
  });
  let discussedRevision: ProposalRevision | null = null;
  if (input.discussedRevisionId) {
    const revisionId = decodeId(input.discussedRevisionId, 'ProposalRevision');
    if (checks.check(!!revisionId, UserErrorCode.INVALID_ID, 'input.discussedRevisionId', 'That is not a revision ID.')) {
      discussedRevision = await em.findOne(ProposalRevision, { id: revisionId!, project: project.id });
      checks.check(!!discussedRevision, UserErrorCode.NOT_FOUND, 'input.discussedRevisionId', 'Name a revision of this project.');
    }
  }
  checks.throwIfAny();

  const session = em.create(CoachingSession, {
    project,
    coach: ref(Person, viewer.id),
    heldAt: input.heldAt,
    mode: input.mode,
    durationMinutes: input.durationMinutes,
    topics: input.topics.map((topic) => topic.trim()),
    notes: input.notes.trim(),
    discussedRevision,
    createdAt: ctx.now,
  });
  for (const item of input.actionItems) {
    em.create(ActionItem, { session, project, description: item.description.trim(), dueDate: item.dueDate, createdAt: ctx.now });
  }
  recordEvent(ctx, project, EventType.COACHING_LOGGED, {
    details: { sessionId: toGlobalId('CoachingSession', session.id), mode: session.mode, durationMinutes: session.durationMinutes, actionItems: input.actionItems.length },
  });
  await em.flush();
  return { coachingSession: session };
}

export async function setActionItemDone(ctx: Context, input: SetActionItemDoneInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  const id = decodeId(input.actionItemId, 'ActionItem');
  // Locked, so the same change made twice at once is ALREADY_DONE the second time.
  const item = id ? await em.findOne(ActionItem, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  const project = item && (await em.findOne(Project, { id: item.project.id }));
  if (!item || !project) fail(UserErrorCode.NOT_FOUND, 'input.actionItemId', 'No action item you can see has that ID.');
  enforce(await canSetActionItemDone(ctx, project, item, input.done), 'input.actionItemId');
  item.doneAt = input.done ? ctx.now : null;
  item.doneBy = input.done ? ref(Person, viewer.id) : null;
  recordEvent(ctx, project, EventType.ACTION_ITEM_UPDATED, { details: { actionItemId: toGlobalId('ActionItem', item.id), done: input.done } });
  await em.flush();
  return { actionItem: item };
}
