import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, isStaff, requireRole, requireViewer, staffCovers } from '../../shared/auth.js';
import { MAX_INDICATOR_VALUE, MAX_ITEMS, MAX_LENGTH } from '../../shared/input-limits.js';
import { formatYuan, toFen } from '../../shared/money.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { flushFirstWins } from '../../shared/mutation.js';
import { enforce, requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail, userError } from '../../shared/user-errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationScope } from '../organizations/organization.permissions.js';
import { Person } from '../people/person.entity.js';
import { Program } from '../programs/program.entity.js';
import { ProjectMentor } from './project-mentor.entity.js';
import { Project } from './project.entity.js';
import type { AssignProjectTeamInput, CreateProjectInput, ProjectActionInput, SaveRevisionInput, SubmitProjectInput } from './project.inputs.js';
import { canAssignTeam, canEditProposal, canViewProject, projectScope } from './project.permissions.js';
import { workplacesOf, worksFor } from '../../shared/workplaces.js';
import { ProposalRevision } from './proposal-revision.entity.js';
import { CoachingSession } from '../coaching/coaching-session.entity.js';
import { recordEvent } from '../events/event.service.js';
import { EventType } from '../events/lifecycle-event.entity.js';
import { fire } from '../lifecycle/lifecycle.service.js';
import { canStartProject, mayStartProjects } from '../programs/program.permissions.js';
import { ProjectAction } from '../lifecycle/project-status.machine.js';
import { checkTypeCap, typeForProject, typeOfProject } from '../taxonomy/taxonomy.rules.js';

/** Loads a project for a mutation, reporting an unknown or invisible one as a user error. */
export async function projectForMutation(ctx: Context, globalId: string): Promise<Project> {
  const { em } = ctx;
  const id = decodeId(globalId, 'Project');
  const project = id ? await em.findOne(Project, { id }) : null;
  if (!project || !(await canViewProject(ctx, project))) fail(UserErrorCode.NOT_FOUND, 'input.projectId', 'No project you can see has that ID.');
  return project;
}

export async function createProject(ctx: Context, input: CreateProjectInput) {
  const { em } = ctx;
  const viewer = requireAllowed(ctx.viewer, mayStartProjects, 'create projects');
  const checks = new Checks();
  checks.text(input.title, 'input.title', 'Title', MAX_LENGTH.title);
  checks.text(input.communityServed, 'input.communityServed', 'Community served', MAX_LENGTH.title);

  const programId = decodeId(input.programId, 'Program');
  const program = programId ? await em.findOne(Program, { id: programId }) : null;
  if (!program) fail(UserErrorCode.NOT_FOUND, 'input.programId', 'No programme has that ID.');
  enforce(canStartProject(viewer, program, ctx.now), 'input.programId');
  checks.check(program.focusAreas.includes(input.focusArea.trim()), UserErrorCode.FOCUS_AREA_NOT_IN_PROGRAM, 'input.focusArea',
    `Choose one of the programme’s focus areas: ${program.focusAreas.join(', ')}.`);

  let organizationId = input.organizationId ? decodeId(input.organizationId, 'Organization') : null;
  if (input.organizationId && !organizationId) fail(UserErrorCode.INVALID_ID, 'input.organizationId', 'That is not an organisation ID.');
  if (!isStaff(viewer)) {
    if (organizationId && organizationId !== viewer.organizationId) {
      fail(UserErrorCode.NOT_ORGANIZATION_MEMBER, 'input.organizationId', 'You can apply only for your own organisation.');
    }
    organizationId = viewer.organizationId;
  }
  if (!organizationId) fail(UserErrorCode.REQUIRED, 'input.organizationId', 'Name the organisation the project is for.');
  const organization = await em.findOne(Organization, { id: organizationId });
  // Staff start projects only for the organisations their parks or districts cover.
  if (!organization || (isStaff(viewer) && !staffCovers(viewer, organizationScope(organization)))) {
    fail(UserErrorCode.NOT_FOUND, 'input.organizationId', 'No organisation you can see has that ID.');
  }
  if (program.park && organization.park?.id !== program.park.id) {
    fail(UserErrorCode.OUTSIDE_WORKPLACE, 'input.programId', 'This is a park’s own programme: only the organisations that park coaches may apply.');
  }
  checks.throwIfAny();
  const district = program.district ?? organization.district;
  const type = input.typeId ? await typeForProject(em, input.typeId, { districtId: district?.id ?? null, programId: program.id }, 'input.typeId') : null;

  const title = input.title.trim();
  if (await em.count(Project, { program, organization, title })) {
    fail(UserErrorCode.DUPLICATE, 'input.title', 'Your organisation already has a project with this title in this programme.');
  }
  const project = em.create(Project, {
    program,
    organization,
    // The park coaching the organisation now coaches the project, and keeps it if the organisation moves on.
    park: organization.park ?? null,
    district,
    type,
    title,
    focusArea: input.focusArea.trim(),
    communityServed: input.communityServed.trim(),
    createdBy: ref(Person, viewer.id),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  recordEvent(ctx, project, EventType.PROJECT_CREATED, { details: { title } });
  await em.flush();
  return { project };
}

function checkRevision(input: SaveRevisionInput, program: Program): Checks {
  const checks = new Checks();
  checks.text(input.summary, 'input.summary', 'Summary', MAX_LENGTH.statement);
  checks.text(input.needs, 'input.needs', 'Needs analysis', MAX_LENGTH.document);
  checks.text(input.beneficiaries, 'input.beneficiaries', 'Beneficiaries', MAX_LENGTH.reason);
  checks.text(input.changeNote, 'input.changeNote', 'Change note', MAX_LENGTH.reason, false);
  checks.list(input.objectives, 'input.objectives', {
    label: 'objectives', max: MAX_ITEMS.objectives, required: 'Give at least one objective.', key: (o) => o.trim(),
    each: (o, at) => checks.text(o, at, 'An objective', MAX_LENGTH.item),
  });
  checks.list(input.activityPlan, 'input.activityPlan', {
    label: 'activities', max: MAX_ITEMS.activities, key: (a) => a.title.trim(),
    each: (a, at) => {
      checks.text(a.title, `${at}.title`, 'Activity title', MAX_LENGTH.title);
      checks.text(a.period, `${at}.period`, 'Activity period', MAX_LENGTH.place);
      checks.text(a.description, `${at}.description`, 'Activity description', MAX_LENGTH.reason, false);
    },
  });
  checks.list(input.indicatorTargets, 'input.indicatorTargets', {
    label: 'indicators', max: MAX_ITEMS.indicators, key: (t) => t.name.trim(),
    each: (t, at) => {
      checks.text(t.name, `${at}.name`, 'Indicator name', MAX_LENGTH.name);
      checks.text(t.unit, `${at}.unit`, 'Indicator unit', MAX_LENGTH.unit);
      checks.number(t.target, `${at}.target`, 'A target', { above: true, max: MAX_INDICATOR_VALUE });
    },
  });
  checks.list(input.budgetLines, 'input.budgetLines', {
    label: 'budget lines', max: MAX_ITEMS.budgetLines, required: 'Give at least one budget line.', key: (l) => l.item.trim(),
    each: (line, at) => {
      checks.text(line.item, `${at}.item`, 'Budget item', MAX_LENGTH.title);
      checks.amount(line.amount, `${at}.amount`, 'An amount');
      checks.text(line.note, `${at}.note`, 'A budget note', MAX_LENGTH.item, false);
    },
  });
  // Team members are matched by name when revisions are compared, so a name appears once.
  checks.list(input.team, 'input.team', {
    label: 'team members', max: MAX_ITEMS.teamMembers, key: (m) => m.name.trim(),
    each: (m, at) => {
      checks.text(m.name, `${at}.name`, 'Team member name', MAX_LENGTH.name);
      checks.text(m.role, `${at}.role`, 'Team member role', MAX_LENGTH.name);
    },
  });

  if (checks.amount(input.requestedAmount, 'input.requestedAmount', 'The requested amount')) {
    checks.check(toFen(input.requestedAmount) <= toFen(program.maxGrant), UserErrorCode.REQUEST_ABOVE_MAXIMUM, 'input.requestedAmount',
      `${formatYuan(input.requestedAmount)} is above this programme’s maximum grant of ${formatYuan(program.maxGrant)}.`);
    const total = input.budgetLines.reduce((sum, line) => sum + toFen(line.amount), 0);
    checks.check(total === toFen(input.requestedAmount), UserErrorCode.BUDGET_MISMATCH, 'input.budgetLines',
      `The budget lines add up to ${formatYuan(total / 100)} but the requested amount is ${formatYuan(input.requestedAmount)}; they must be equal.`);
  }
  return checks;
}

export async function saveRevision(ctx: Context, input: SaveRevisionInput) {
  const { em } = ctx;
  const viewer = requireRole(ctx.viewer, 'write proposals', Role.APPLICANT);
  const project = await projectForMutation(ctx, input.projectId);
  if (!canEditProposal(viewer, project)) fail(UserErrorCode.NOT_ORGANIZATION_MEMBER, 'input.projectId', 'Only members of the applicant organisation write its proposal.');
  await fire(ctx, project, ProjectAction.SAVE_REVISION);
  const program = await em.findOneOrFail(Program, { id: project.program.id });
  const checks = checkRevision(input, program);
  if (checks.ok) checkTypeCap(checks, await typeOfProject(em, project), input.requestedAmount, 'input.requestedAmount', 'The requested amount');
  const sessions = await answeredSessions(ctx, project, input.answersSessionIds ?? [], checks);
  checks.throwIfAny();

  const revision = em.create(ProposalRevision, {
    project,
    number: project.revisionCount + 1,
    summary: input.summary.trim(),
    needs: input.needs.trim(),
    objectives: input.objectives.map((o) => o.trim()),
    activityPlan: input.activityPlan.map((a) => ({ title: a.title.trim(), period: a.period.trim(), description: a.description.trim() })),
    beneficiaries: input.beneficiaries.trim(),
    indicatorTargets: input.indicatorTargets.map((t) => ({ name: t.name.trim(), unit: t.unit.trim(), target: t.target })),
    budgetLines: input.budgetLines.map((l) => ({ item: l.item.trim(), amount: l.amount, note: l.note?.trim() || null })),
    requestedAmount: input.requestedAmount,
    team: input.team.map((m) => ({ name: m.name.trim(), role: m.role.trim() })),
    changeNote: input.changeNote?.trim() || null,
    author: ref(Person, viewer.id),
    createdAt: ctx.now,
  });
  project.revisionCount = revision.number;
  project.currentRevision = ref(revision);
  for (const session of sessions) session.answeredByRevision = ref(revision);
  recordEvent(ctx, project, EventType.REVISION_SAVED, {
    details: { revisionId: toGlobalId('ProposalRevision', revision.id), number: revision.number, answersSessionIds: sessions.map((s) => toGlobalId('CoachingSession', s.id)) },
  });
  await flushFirstWins(em, 'proposal_revision_project_id_number_unique', userError(UserErrorCode.CONFLICT, 'input.projectId',
    'Another revision of this project was saved at the same moment; reload the project and save yours again.'));
  return { project, revision };
}

export async function submitProject(ctx: Context, input: SubmitProjectInput) {
  const { em } = ctx;
  const viewer = requireRole(ctx.viewer, 'submit proposals', Role.APPLICANT);
  const project = await projectForMutation(ctx, input.projectId);
  if (!canEditProposal(viewer, project)) fail(UserErrorCode.NOT_ORGANIZATION_MEMBER, 'input.projectId', 'Only members of the applicant organisation submit its proposal.');
  await fire(ctx, project, ProjectAction.SUBMIT, { details: { revisionNumber: project.revisionCount } });
  project.submittedAt = ctx.now;
  await em.flush();
  return { project };
}

/** Withdraws an application that has not been decided (applicant, or staff on its behalf). */
export async function withdrawProject(ctx: Context, input: ProjectActionInput) {
  const project = await projectForMutation(ctx, input.projectId);
  await fire(ctx, project, ProjectAction.WITHDRAW, { reason: input.reason });
  await ctx.em.flush();
  return { project };
}

async function peopleWithRole(em: EntityManager, globalIds: string[], role: Role, field: string, label: string, max: number): Promise<Person[]> {
  const checks = new Checks();
  const ids: string[] = [];
  checks.list(globalIds, field, {
    label, max, key: (gid) => gid,
    each: (gid, at) => {
      const id = decodeId(gid, 'Person');
      checks.check(!!id, UserErrorCode.INVALID_ID, at, 'That is not a person ID.');
      ids.push(id ?? '');
    },
  });
  checks.throwIfAny();
  const found = await em.find(Person, { id: { $in: ids } });
  ids.forEach((id, i) => {
    const person = found.find((p) => p.id === id);
    if (checks.check(!!person, UserErrorCode.NOT_FOUND, `${field}.${i}`, 'No person has that ID.')) {
      checks.check(person!.roles.includes(role), UserErrorCode.WRONG_ROLE, `${field}.${i}`, `${person!.name} does not have the ${role} role.`);
    }
  });
  checks.throwIfAny();
  return ids.map((id) => found.find((p) => p.id === id)!);
}

/** Lead staff and mentors work for the project's park (or, when no park coached it, in its district). */
async function requireWorkingFor(em: EntityManager, project: Project, people: Person[], field: string) {
  const workplaces = await workplacesOf(em, people.map((p) => p.id));
  const checks = new Checks();
  people.forEach((person, i) => {
    checks.check(person.roles.includes(Role.ADMIN) || worksFor(workplaces.get(person.id)!, projectScope(project)), UserErrorCode.OUTSIDE_WORKPLACE,
      people.length > 1 || field.endsWith('Ids') ? `${field}.${i}` : field, `${person.name} does not work for the park or district of ${project.title}.`);
  });
  checks.throwIfAny();
}

export async function assignProjectTeam(ctx: Context, input: AssignProjectTeamInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  if (!isStaff(viewer)) fail(UserErrorCode.WRONG_ROLE, undefined, 'Only staff assign lead staff and mentors.');
  const project = await projectForMutation(ctx, input.projectId);
  if (!canAssignTeam(viewer, project)) fail(UserErrorCode.WRONG_ROLE, undefined, 'Only the staff of the project’s park or district assign its lead staff and mentors.');
  if (input.leadStaffId !== undefined) {
    const [lead] = input.leadStaffId ? await peopleWithRole(em, [input.leadStaffId], Role.STAFF, 'input.leadStaffId', 'lead staff', 1) : [null];
    if (lead) await requireWorkingFor(em, project, [lead], 'input.leadStaffId');
    project.leadStaff = lead ? ref(lead) : null;
  }
  if (input.mentorIds) {
    const mentors = await peopleWithRole(em, input.mentorIds, Role.MENTOR, 'input.mentorIds', 'mentors', MAX_ITEMS.mentors);
    await requireWorkingFor(em, project, mentors, 'input.mentorIds');
    const current = await em.find(ProjectMentor, { project });
    for (const row of current) if (!mentors.some((m) => m.id === row.mentor.id)) em.remove(row);
    for (const mentor of mentors) if (!current.some((row) => row.mentor.id === mentor.id)) em.create(ProjectMentor, { project, mentor, assignedAt: ctx.now });
  }
  project.updatedAt = ctx.now;
  recordEvent(ctx, project, EventType.TEAM_ASSIGNED, {
    details: { leadStaffId: project.leadStaff ? toGlobalId('Person', project.leadStaff.id) : null, ...(input.mentorIds && { mentorIds: input.mentorIds }) },
  });
  await em.flush();
  return { project };
}

/** The coaching sessions a new revision answers: they must belong to the same project. */
async function answeredSessions(ctx: Context, project: Project, globalIds: string[], checks: Checks): Promise<CoachingSession[]> {
  const ids: (string | null)[] = [];
  const listed = checks.list(globalIds, 'input.answersSessionIds', {
    label: 'coaching sessions', max: MAX_ITEMS.answeredSessions, key: (gid) => gid,
    each: (gid) => ids.push(decodeId(gid, 'CoachingSession')),
  });
  if (!listed) return [];
  const sessions = ids.every(Boolean) ? await ctx.em.find(CoachingSession, { id: { $in: ids as string[] }, project: project.id }) : [];
  checks.check(sessions.length === new Set(ids).size, UserErrorCode.NOT_FOUND, 'input.answersSessionIds', 'Cite only coaching sessions of this project.');
  return sessions;
}
