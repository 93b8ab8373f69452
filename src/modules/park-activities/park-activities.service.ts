import { LockMode, ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { requireViewer, type Viewer } from '../../shared/auth.js';
import { ascending, chronologicalOrders, findPage, listOrder, type ChronologicalOrder, type PageArgs } from '../../shared/connection.js';
import { forbidden } from '../../shared/errors.js';
import { MAX_LENGTH, MAX_SESSION_MINUTES } from '../../shared/input-limits.js';
import { flushFirstWins } from '../../shared/mutation.js';
import { findVisible } from '../../shared/node.js';
import { decodeId } from '../../shared/node-id.js';
import { enforce } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail, userError } from '../../shared/user-errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { canSeeOrganization } from '../organizations/organization.permissions.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place, PlaceLevel } from '../places/place.entity.js';
import { Project } from '../projects/project.entity.js';
import { isStaffOver } from '../projects/project.permissions.js';
import type { CheckInInput, CreateParkActivityInput, GuestInput, RecordHeadcountInput, RecordSatisfactionInput, RegisterForActivityInput } from './park-activities.inputs.js';
import { activityScope, canCancelRegistration, canRecordSatisfaction, canRegister, canRunActivities, canSeeParkActivities } from './park-activities.permissions.js';
import { ActivityAttendance, ActivityOrganization, ActivityProject, ActivityRegistration, ActivitySession, ParkActivity } from './park-activity.entity.js';

const MAX_SESSIONS = 50;
const MAX_LINKED = 100;
const MAX_CAPACITY = 100_000;
/** Check-in opens an hour before a session starts. */
const CHECK_IN_OPENS_MS = 60 * 60 * 1000;

const parkScope = (park: Park) => ({ parkId: park.id, districtId: park.district.id });

export async function canSeeActivity(ctx: Context, activity: ParkActivity): Promise<boolean> {
  return canSeeParkActivities(ctx, activityScope(activity));
}

export const getActivity = (ctx: Context, globalId: string) => findVisible(ctx, ParkActivity, globalId, (activity) => canSeeActivity(ctx, activity));

export const getSession = (ctx: Context, globalId: string) =>
  findVisible(ctx, ActivitySession, globalId, async (session) => {
    const activity = await ctx.loaders.byId(ParkActivity).load(session.activity.id);
    return !!activity && (await canSeeActivity(ctx, activity));
  });

/** A registration is seen by the park's staff and by the person registered. */
export const getRegistration = (ctx: Context, globalId: string) =>
  findVisible(ctx, ActivityRegistration, globalId, async (registration) => {
    if (registration.person?.id === ctx.viewer?.id) return true;
    const activity = await ctx.loaders.byId(ParkActivity).load(registration.activity.id);
    return !!activity && canRunActivities(ctx.viewer, activityScope(activity));
  });

/** A park's activities by when they start. */
const ACTIVITY_ORDERS = chronologicalOrders('parkActivities', 'starts_at', 'timestamp');

export interface ActivityFilter {
  kind?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** A park's activities (those starting from `from`, before `to`), for those who see them; null for others. */
export async function listActivities(ctx: Context, park: Park, filter: ActivityFilter, order: ChronologicalOrder, args: PageArgs) {
  requireViewer(ctx.viewer);
  if (!(await canSeeParkActivities(ctx, parkScope(park)))) throw forbidden('see this park’s activities');
  const startsAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  const where = { park: park.id, ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.from || filter.to ? { startsAt } : {}) };
  return findPage(ctx.em, ParkActivity, where as never, ACTIVITY_ORDERS[order], args);
}

const REGISTRATION_ORDER = listOrder('activityRegistrations', ascending('created_at', 'timestamp'));

/** Who registered, in the order they did: the park's staff only. */
export async function listRegistrations(ctx: Context, activity: ParkActivity, args: PageArgs) {
  if (!canRunActivities(ctx.viewer, activityScope(activity))) throw forbidden('see who registered for this activity');
  return findPage(ctx.em, ActivityRegistration, { activity: activity.id }, REGISTRATION_ORDER, args);
}

export function sessionsOf(ctx: Context, activity: ParkActivity): Promise<ActivitySession[]> {
  return ctx.loaders
    .keyed('activitySessions', async (ids, em) => {
      const rows = await em.find(ActivitySession, { activity: { $in: [...ids] } }, { orderBy: { number: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.activity.id === id));
    })
    .load(activity.id);
}

/** The projects an activity concerned that the viewer may see. */
export async function projectsOf(ctx: Context, activity: ParkActivity, visible: (project: Project) => boolean | Promise<boolean>): Promise<Project[]> {
  const ids = await ctx.loaders
    .keyed('activityProjects', async (activityIds, em) => {
      const rows = await em.find(ActivityProject, { activity: { $in: [...activityIds] } });
      return activityIds.map((id) => rows.filter((row) => row.activity.id === id).map((row) => row.project.id));
    })
    .load(activity.id);
  const projects = (await ctx.loaders.byId(Project).loadMany(ids)).filter((project): project is Project => !!project && !(project instanceof Error));
  const shown = await Promise.all(projects.map(visible));
  return projects.filter((_, i) => shown[i]).sort((a, b) => a.title.localeCompare(b.title));
}

/** The organisations an activity concerned that the viewer may see. */
export async function organizationsOf(ctx: Context, activity: ParkActivity): Promise<Organization[]> {
  const ids = await ctx.loaders
    .keyed('activityOrganizations', async (activityIds, em) => {
      const rows = await em.find(ActivityOrganization, { activity: { $in: [...activityIds] } });
      return activityIds.map((id) => rows.filter((row) => row.activity.id === id).map((row) => row.organization.id));
    })
    .load(activity.id);
  const found = (await ctx.loaders.byId(Organization).loadMany(ids)).filter((organization): organization is Organization => !!organization && !(organization instanceof Error));
  const shown = await Promise.all(found.map((organization) => canSeeOrganization(ctx, organization)));
  return found.filter((_, i) => shown[i]).sort((a, b) => a.name.localeCompare(b.name));
}

/** The viewer's own registration for an activity, if any. */
export async function viewerRegistration(ctx: Context, activity: ParkActivity): Promise<ActivityRegistration | null> {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  return ctx.loaders
    .keyed(`activityRegistrationOf ${viewer.id}`, async (ids, em) => {
      const rows = await em.find(ActivityRegistration, { activity: { $in: [...ids] }, person: viewer.id });
      return ids.map((id) => rows.find((row) => row.activity.id === id) ?? null);
    })
    .load(activity.id);
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

async function parkToRun(ctx: Context, globalId: string, field: string): Promise<Park> {
  const id = decodeId(globalId, 'Park');
  const park = id ? await ctx.em.findOne(Park, { id }) : null;
  if (!park) fail(UserErrorCode.NOT_FOUND, field, 'No park has that ID.');
  if (!canRunActivities(ctx.viewer, parkScope(park))) fail(UserErrorCode.OUTSIDE_WORKPLACE, field, 'Activities are created by the park’s staff or its district’s; you do not work for this park.');
  return park;
}

export async function createActivity(ctx: Context, input: CreateParkActivityInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  const park = await parkToRun(ctx, input.parkId, 'input.parkId');
  const checks = new Checks();
  checks.text(input.title, 'input.title', 'The title', MAX_LENGTH.title);
  checks.text(input.topic, 'input.topic', 'The topic', MAX_LENGTH.title, false);
  checks.text(input.description, 'input.description', 'The description', MAX_LENGTH.document, false);
  checks.text(input.organizer, 'input.organizer', 'The organiser', MAX_LENGTH.title, false);
  checks.text(input.venue, 'input.venue', 'The venue', MAX_LENGTH.title, false);
  if (input.capacity != null) checks.number(input.capacity, 'input.capacity', 'The capacity', { min: 1, max: MAX_CAPACITY, decimals: 0 });
  checks.list(input.sessions, 'input.sessions', {
    label: 'sessions', max: MAX_SESSIONS, required: 'An activity has at least one session.',
    key: (session) => String(session.startsAt.getTime()), keyField: 'startsAt',
    each: (session, at) => {
      checks.text(session.venue, `${at}.venue`, 'A session’s venue', MAX_LENGTH.title, false);
      if (checks.date(session.startsAt, `${at}.startsAt`, 'A session’s start') && checks.date(session.endsAt, `${at}.endsAt`, 'A session’s end')) {
        const minutes = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
        checks.check(minutes > 0 && minutes <= MAX_SESSION_MINUTES, UserErrorCode.INVALID_DATES, `${at}.endsAt`, 'A session ends after it starts, within 24 hours.');
      }
    },
  });
  const projectIds = input.projectIds ?? [];
  const organizationIds = input.organizationIds ?? [];
  checks.list(projectIds, 'input.projectIds', { label: 'projects', max: MAX_LINKED, key: (id) => id });
  checks.list(organizationIds, 'input.organizationIds', { label: 'organisations', max: MAX_LINKED, key: (id) => id });
  checks.throwIfAny();

  const projects = await linked(ctx, Project, 'Project', projectIds, 'input.projectIds', (project) =>
    isStaffOver(viewer, project) && project.district?.id === park.district.id ? null : 'Link projects of this park’s district that you are staff over.');
  const organizations = await linked(ctx, Organization, 'Organization', organizationIds, 'input.organizationIds', (organization) =>
    organization.district?.id === park.district.id ? null : 'Link organisations of this park’s district.');

  const sessions = [...input.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const activity = em.create(ParkActivity, {
    park,
    kind: input.kind,
    title: input.title.trim(),
    topic: input.topic?.trim() || null,
    description: input.description?.trim() || null,
    organizer: input.organizer?.trim() || park.name,
    venue: input.venue?.trim() || null,
    capacity: input.capacity ?? null,
    openToPublic: input.openToPublic ?? false,
    startsAt: sessions[0].startsAt,
    endsAt: new Date(Math.max(...sessions.map((session) => session.endsAt.getTime()))),
    createdBy: ref(Person, viewer.id),
    createdAt: ctx.now,
  });
  sessions.forEach((session, i) =>
    em.create(ActivitySession, { activity, number: i + 1, startsAt: session.startsAt, endsAt: session.endsAt, mode: session.mode, venue: session.venue?.trim() || null, createdAt: ctx.now }));
  for (const project of projects) em.create(ActivityProject, { activity, project });
  for (const organization of organizations) em.create(ActivityOrganization, { activity, organization });
  await em.flush();
  return { activity };
}

/** Loads the rows a list of global IDs names; any missing or refused is a user error at its path. */
async function linked<T extends { id: string }>(ctx: Context, entity: new () => T, type: string, globalIds: string[], field: string, refusal: (row: T) => string | null): Promise<T[]> {
  const checks = new Checks();
  const rows: T[] = [];
  for (const [i, globalId] of globalIds.entries()) {
    const id = decodeId(globalId, type);
    const row = id ? await ctx.em.findOne(entity, { id } as never) : null;
    if (!checks.check(!!row, UserErrorCode.NOT_FOUND, `${field}.${i}`, `No ${type === 'Project' ? 'project' : 'organisation'} has that ID.`)) continue;
    const refused = refusal(row!);
    if (checks.check(!refused, UserErrorCode.OUTSIDE_WORKPLACE, `${field}.${i}`, refused ?? '')) rows.push(row!);
  }
  checks.throwIfAny();
  return rows;
}

async function activityToRun(ctx: Context, activityId: string, field: string, lock = false): Promise<ParkActivity> {
  const id = decodeId(activityId, 'ParkActivity');
  const activity = id ? await ctx.em.findOne(ParkActivity, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) : null;
  if (!activity || !(await canSeeActivity(ctx, activity))) fail(UserErrorCode.NOT_FOUND, field, 'No activity you can see has that ID.');
  return activity;
}

/** Where a guest comes from: a street and/or a community of the activity's district. */
async function guestOrigin(ctx: Context, activity: ParkActivity, guest: GuestInput, field: string) {
  const checks = new Checks();
  checks.text(guest.name, `${field}.name`, 'A guest’s name', MAX_LENGTH.name);
  checks.text(guest.unit, `${field}.unit`, 'A guest’s unit', MAX_LENGTH.title, false);
  checks.throwIfAny();
  const place = async (globalId: string | null | undefined, level: PlaceLevel, at: string) => {
    if (!globalId) return null;
    const id = decodeId(globalId, 'Place');
    const found = id ? await ctx.em.findOne(Place, { id }) : null;
    if (!found) fail(UserErrorCode.NOT_FOUND, at, 'No place has that ID.');
    if (found.level !== level || found.district?.id !== activity.district?.id) {
      fail(UserErrorCode.INVALID_PLACE, at, `Give a ${level === PlaceLevel.STREET ? 'street' : 'community'} of the activity’s district.`);
    }
    return found;
  };
  const community = await place(guest.communityId, PlaceLevel.COMMUNITY, `${field}.communityId`);
  let street = await place(guest.streetId, PlaceLevel.STREET, `${field}.streetId`);
  if (community) {
    if (street && community.parent?.id !== street.id) fail(UserErrorCode.INVALID_PLACE, `${field}.communityId`, 'That community is not in that street.');
    street = street ?? (await ctx.em.findOneOrFail(Place, { id: community.parent!.id }));
  }
  return { guestName: guest.name.trim(), unit: guest.unit?.trim() || null, street, community };
}

/** Where a person of the platform comes from: their organisation, and its street and community. */
async function personOrigin(em: EntityManager, person: Person) {
  const organization = person.organization ? await em.findOne(Organization, { id: person.organization.id }) : null;
  const place = organization ? await em.findOne(Place, { id: organization.place.id }) : null;
  const community = place?.level === PlaceLevel.COMMUNITY ? place : null;
  const street = place?.level === PlaceLevel.STREET ? place : community?.parent ? await em.findOne(Place, { id: community.parent.id }) : null;
  return { person, unit: organization?.name ?? null, organization, street, community };
}

async function personToRegister(ctx: Context, globalId: string, field: string): Promise<Person> {
  const id = decodeId(globalId, 'Person');
  const person = id ? await ctx.em.findOne(Person, { id }) : null;
  if (!person) fail(UserErrorCode.NOT_FOUND, field, 'No person has that ID.');
  return person;
}

function exactlyOne(field: string, given: Record<string, unknown>, what: string) {
  const names = Object.entries(given).filter(([, value]) => value != null).map(([name]) => name);
  if (names.length > 1) fail(UserErrorCode.INVALID_FORMAT, `${field}.${names[1]}`, `Give ${what}, not several.`);
  return names[0] ?? null;
}

export async function register(ctx: Context, input: RegisterForActivityInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  const who = exactlyOne('input', { personId: input.personId, guest: input.guest }, 'a person or a guest (or neither, to register yourself)');
  // Locked while places are counted, so two registrations cannot take the last place together.
  const activity = await activityToRun(ctx, input.activityId, 'input.activityId', true);
  enforce(await canRegister(ctx, activity, who !== null), who ? `input.${who}` : 'input.activityId');
  const origin = input.guest
    ? await guestOrigin(ctx, activity, input.guest, 'input.guest')
    : await personOrigin(em, input.personId ? await personToRegister(ctx, input.personId, 'input.personId') : await em.findOneOrFail(Person, { id: viewer.id }));

  const existing = 'person' in origin
    ? await em.findOne(ActivityRegistration, { activity, person: origin.person })
    : await em.findOne(ActivityRegistration, { activity, guestName: origin.guestName, unit: origin.unit });
  if (existing && !existing.cancelledAt) fail(UserErrorCode.DUPLICATE, who ? `input.${who}` : 'input.activityId', 'Already registered for this activity.');
  if (activity.capacity != null) {
    const taken = await em.count(ActivityRegistration, { activity, cancelledAt: null, walkIn: false });
    if (taken >= activity.capacity) fail(UserErrorCode.CAPACITY_REACHED, 'input.activityId', `All ${activity.capacity} places are taken.`);
  }
  if (existing) {
    existing.cancelledAt = null;
    await em.flush();
    return { registration: existing };
  }
  const registration = em.create(ActivityRegistration, { activity, ...origin, registeredBy: ref(Person, viewer.id), createdAt: ctx.now });
  await flushFirstWins(em, 'activity_registration_guest_unique', userError(UserErrorCode.DUPLICATE, 'input.guest', 'Already registered for this activity.'));
  return { registration };
}

async function sessionToRun(ctx: Context, sessionId: string, field: string) {
  const id = decodeId(sessionId, 'ActivitySession');
  // Locked: check-ins and the headcount of one session are counted one at a time.
  const session = id ? await ctx.em.findOne(ActivitySession, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  const activity = session ? await ctx.em.findOne(ParkActivity, { id: session.activity.id }) : null;
  if (!session || !activity || !(await canSeeActivity(ctx, activity))) fail(UserErrorCode.NOT_FOUND, field, 'No session you can see has that ID.');
  if (!canRunActivities(ctx.viewer, activityScope(activity))) fail(UserErrorCode.WRONG_ROLE, field, 'Only the park’s staff check people in and count heads.');
  return { session, activity };
}

export async function checkIn(ctx: Context, input: CheckInInput) {
  const { em } = ctx;
  const viewer = requireViewer(ctx.viewer);
  const { session, activity } = await sessionToRun(ctx, input.sessionId, 'input.sessionId');
  if (session.startsAt.getTime() - CHECK_IN_OPENS_MS > ctx.now.getTime()) {
    fail(UserErrorCode.INVALID_STATUS, 'input.sessionId', `Check-in opens an hour before the session starts (${session.startsAt.toISOString()}).`);
  }
  const who = exactlyOne('input', { registrationId: input.registrationId, personId: input.personId, guest: input.guest }, 'one registration, person or guest');
  if (!who) fail(UserErrorCode.REQUIRED, 'input.registrationId', 'Say who is checked in: a registration, a person or a guest.');
  const registration = await registrationToCheckIn(ctx, activity, input, viewer);
  const already = await em.findOne(ActivityAttendance, { session, registration });
  if (already) fail(UserErrorCode.ALREADY_DONE, `input.${who}`, `Already checked in to this session at ${already.checkedInAt.toISOString()}: each person counts once per session.`);
  em.create(ActivityAttendance, { session, registration, checkedInAt: ctx.now, checkedInBy: ref(Person, viewer.id) });
  await em.flush();
  return { registration, session };
}

/** The registration a check-in is for: the one named, or the walk-in's (made now if they never registered). */
async function registrationToCheckIn(ctx: Context, activity: ParkActivity, input: CheckInInput, viewer: Viewer): Promise<ActivityRegistration> {
  const { em } = ctx;
  if (input.registrationId) {
    const id = decodeId(input.registrationId, 'ActivityRegistration');
    const registration = id ? await em.findOne(ActivityRegistration, { id, activity }) : null;
    if (!registration) fail(UserErrorCode.NOT_FOUND, 'input.registrationId', 'No registration for this activity has that ID.');
    if (registration.cancelledAt) fail(UserErrorCode.INVALID_STATUS, 'input.registrationId', 'This registration was cancelled; check them in as a walk-in.');
    return registration;
  }
  const origin = input.guest
    ? await guestOrigin(ctx, activity, input.guest, 'input.guest')
    : await personOrigin(em, await personToRegister(ctx, input.personId!, 'input.personId'));
  const existing = 'person' in origin
    ? await em.findOne(ActivityRegistration, { activity, person: origin.person })
    : await em.findOne(ActivityRegistration, { activity, guestName: origin.guestName, unit: origin.unit });
  if (existing) {
    existing.cancelledAt = null;
    return existing;
  }
  const registration = em.create(ActivityRegistration, { activity, ...origin, walkIn: true, registeredBy: ref(Person, viewer.id), createdAt: ctx.now });
  await flushFirstWins(em, 'activity_registration_guest_unique', userError(UserErrorCode.CONFLICT, 'input.guest', 'This guest was checked in at the same moment; try again.'));
  return registration;
}

export async function recordHeadcount(ctx: Context, input: RecordHeadcountInput) {
  const { session, activity } = await sessionToRun(ctx, input.sessionId, 'input.sessionId');
  if (!activity.openToPublic) fail(UserErrorCode.INVALID_STATUS, 'input.sessionId', 'Headcounts are for activities open to the public; check people in by name instead.');
  if (session.startsAt.getTime() > ctx.now.getTime()) fail(UserErrorCode.INVALID_STATUS, 'input.sessionId', 'A headcount is taken once the session has begun.');
  const checks = new Checks();
  if (checks.number(input.headcount, 'input.headcount', 'The headcount', { min: 0, max: MAX_CAPACITY, decimals: 0 })) {
    const checkedIn = await ctx.em.count(ActivityAttendance, { session });
    checks.check(input.headcount >= checkedIn, UserErrorCode.OUT_OF_RANGE, 'input.headcount', `${checkedIn} are checked in by name: the headcount counts them too, so it is at least ${checkedIn}.`);
  }
  checks.throwIfAny();
  session.headcount = input.headcount;
  await ctx.em.flush();
  return { session };
}

async function registrationToChange(ctx: Context, globalId: string) {
  const id = decodeId(globalId, 'ActivityRegistration');
  const registration = id ? await ctx.em.findOne(ActivityRegistration, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  const activity = registration ? await ctx.em.findOne(ParkActivity, { id: registration.activity.id }) : null;
  const visible = !!registration && !!activity && (registration.person?.id === ctx.viewer?.id || canRunActivities(ctx.viewer, activityScope(activity)));
  if (!visible) fail(UserErrorCode.NOT_FOUND, 'input.registrationId', 'No registration you can see has that ID.');
  const attended = (await ctx.em.count(ActivityAttendance, { registration })) > 0;
  return { registration: registration!, activity: activity!, attended };
}

export async function cancelRegistration(ctx: Context, registrationId: string) {
  const { registration, activity, attended } = await registrationToChange(ctx, registrationId);
  enforce(canCancelRegistration(ctx.viewer, activity, registration, attended), 'input.registrationId');
  registration.cancelledAt = ctx.now;
  await ctx.em.flush();
  return { registration };
}

export async function recordSatisfaction(ctx: Context, input: RecordSatisfactionInput) {
  const { registration, activity, attended } = await registrationToChange(ctx, input.registrationId);
  enforce(canRecordSatisfaction(ctx.viewer, activity, registration, attended), 'input.registrationId');
  const checks = new Checks();
  checks.number(input.satisfaction, 'input.satisfaction', 'Satisfaction', { min: 1, max: 5, decimals: 0 });
  checks.text(input.feedback, 'input.feedback', 'Feedback', MAX_LENGTH.reason, false);
  checks.throwIfAny();
  registration.satisfaction = input.satisfaction;
  registration.feedback = input.feedback?.trim() || null;
  await ctx.em.flush();
  return { registration };
}

