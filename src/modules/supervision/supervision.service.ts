import { LockMode, ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, requireRole } from '../../shared/auth.js';
import { MAX_ITEMS, MAX_LENGTH } from '../../shared/input-limits.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { enforce } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { recordEvent } from '../events/event.service.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { canViewProject } from '../projects/project.permissions.js';
import { isCalendarDate } from '../coaching/due-dates.js';
import { FollowUp } from './follow-up.entity.js';
import type { CloseFollowUpInput, LogSupervisionVisitInput } from './supervision.inputs.js';
import { canCloseFollowUp, canLogVisit } from './supervision.permissions.js';
import { SupervisionVisit } from './supervision-visit.entity.js';

/** Loads the project a supervision act is about, if the viewer sees it. */
async function visibleProject(ctx: Context, projectId: string | null, field: string, what: string): Promise<Project> {
  const project = projectId ? await ctx.em.findOne(Project, { id: projectId }) : null;
  if (!project || !(await canViewProject(ctx, project))) fail(UserErrorCode.NOT_FOUND, field, `No ${what} you can see has that ID.`);
  return project;
}

export async function logVisit(ctx: Context, input: LogSupervisionVisitInput) {
  const { em } = ctx;
  const viewer = requireRole(ctx.viewer, 'log supervision visits', Role.STAFF, Role.ADMIN, Role.MENTOR);
  const project = await visibleProject(ctx, decodeId(input.projectId, 'Project'), 'input.projectId', 'project');
  enforce(await canLogVisit(ctx, project), 'input.projectId');
  const followUps = input.followUps ?? [];
  const checks = new Checks();
  checks.text(input.findings, 'input.findings', 'Findings', MAX_LENGTH.document);
  if (checks.date(input.visitedAt, 'input.visitedAt', 'The visit date')) {
    checks.check(input.visitedAt.getTime() <= ctx.now.getTime(), UserErrorCode.OUT_OF_RANGE, 'input.visitedAt', 'A visit is logged once it has taken place; this date is in the future.');
  }
  checks.list(followUps, 'input.followUps', {
    label: 'follow-ups', max: MAX_ITEMS.followUps, key: (followUp) => followUp.description.trim(), keyField: 'description',
    each: (followUp, at) => {
      checks.text(followUp.description, `${at}.description`, 'A follow-up’s description', MAX_LENGTH.reason);
      if (checks.check(isCalendarDate(followUp.dueDate.trim()), UserErrorCode.INVALID_FORMAT, `${at}.dueDate`, 'A due date is a calendar date written YYYY-MM-DD, e.g. 2022-10-31.')) {
        checks.date(followUp.dueDate.trim(), `${at}.dueDate`, 'A due date');
      }
    },
  });
  checks.throwIfAny();

  const visit = em.create(SupervisionVisit, {
    project,
    visitor: ref(Person, viewer.id),
    visitedAt: input.visitedAt,
    kind: input.kind,
    findings: input.findings.trim(),
    riskLevel: input.riskLevel,
    createdAt: ctx.now,
  });
  for (const followUp of followUps) {
    em.create(FollowUp, { visit, project, description: followUp.description.trim(), dueDate: followUp.dueDate.trim(), createdAt: ctx.now });
  }
  // Touching the project bumps its version: a closing opened at the same moment conflicts instead of missing this visit.
  project.updatedAt = ctx.now;
  recordEvent(ctx, project, EventType.VISIT_LOGGED, {
    details: { visitId: toGlobalId('SupervisionVisit', visit.id), kind: visit.kind, riskLevel: visit.riskLevel, followUps: followUps.length },
  });
  await em.flush();
  return { visit };
}

export async function closeFollowUp(ctx: Context, input: CloseFollowUpInput) {
  const { em } = ctx;
  const viewer = requireRole(ctx.viewer, 'close follow-ups', Role.STAFF, Role.ADMIN, Role.MENTOR);
  const id = decodeId(input.followUpId, 'FollowUp');
  // Locked, so two people closing it at once cannot both succeed.
  const followUp = id ? await em.findOne(FollowUp, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!followUp) fail(UserErrorCode.NOT_FOUND, 'input.followUpId', 'No follow-up you can see has that ID.');
  const project = await visibleProject(ctx, followUp.project.id, 'input.followUpId', 'follow-up');
  enforce(await canCloseFollowUp(ctx, project, followUp), 'input.followUpId');
  const checks = new Checks();
  checks.text(input.resolution, 'input.resolution', 'Resolution', MAX_LENGTH.reason);
  checks.throwIfAny();

  followUp.closedAt = ctx.now;
  followUp.resolution = input.resolution.trim();
  followUp.closedBy = ref(Person, viewer.id);
  recordEvent(ctx, project, EventType.FOLLOW_UP_CLOSED, {
    details: { followUpId: toGlobalId('FollowUp', followUp.id), visitId: toGlobalId('SupervisionVisit', followUp.visit.id) },
  });
  await em.flush();
  return { followUp };
}
