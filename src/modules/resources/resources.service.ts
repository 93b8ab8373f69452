import { LockMode, ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, hasRole, oversees, requireRole, requireViewer, staffCovers } from '../../shared/auth.js';
import { chronologicalOrders, descending, findPage, listOrder, projectPage, rowMapper, type NewestFirstPageArgs } from '../../shared/connection.js';
import { badInput, forbidden } from '../../shared/errors.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { groupByKey } from '../../shared/loaders.js';
import { findVisible } from '../../shared/node.js';
import { decodeId } from '../../shared/node-id.js';
import { enforce } from '../../shared/permission.js';
import { readRows, sqlArray } from '../../shared/read.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { isCalendarDate } from '../coaching/due-dates.js';
import { Organization } from '../organizations/organization.entity.js';
import { canSeeOrganization } from '../organizations/organization.permissions.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place, PlaceLevel } from '../places/place.entity.js';
import { Project } from '../projects/project.entity.js';
import { canViewProject } from '../projects/project.permissions.js';
import { OPEN_MATCH_STATUSES, ResourceMatch, MatchStatus } from './resource-match.entity.js';
import { MatchAction } from './resource-match.transitions.js';
import { ResourceNeed } from './resource-need.entity.js';
import { ResourceOffer } from './resource-offer.entity.js';
import { resourceFigures } from './resource.queries.js';
import type {
  AcceptResourceMatchInput,
  CancelResourceMatchInput,
  CloseResourceNeedInput,
  CreateResourceOfferInput,
  DeclineResourceMatchInput,
  DeliverResourceMatchInput,
  ProposeResourceMatchInput,
  RaiseResourceNeedInput,
  UpdateResourceOfferInput,
  WithdrawResourceOfferInput,
} from './resources.inputs.js';
import {
  canCloseNeed,
  canManageOffer,
  canProposeMatch,
  canRaiseNeed,
  canSeeMatch,
  canSeeParkOffers,
  canTakeMatchStep,
  followsProjectResources,
  mayUseResources,
  ownProjectMatchesFilter,
  resourceScope,
} from './resources.permissions.js';
import type { ResourceFigures, ResourceMatchPageArgs, ResourceOfferPageArgs } from './resources.types.js';

/** Evaluators are refused resources outright, before anything is looked up, so the answer reveals nothing. */
export function requireResourceRole(ctx: Context) {
  if (!mayUseResources(requireViewer(ctx.viewer))) throw forbidden('see or broker resources');
}

const today = (ctx: Context) => ctx.now.toISOString().slice(0, 10);

const parkScope = (park: Park) => ({ parkId: park.id, districtId: park.district.id });

async function projectOf(ctx: Context, projectId: string): Promise<Project> {
  return (await ctx.loaders.byId(Project).load(projectId))!;
}

export const canSeeOffer = (ctx: Context, offer: ResourceOffer) => canSeeParkOffers(ctx, resourceScope(offer));

export async function canSeeNeed(ctx: Context, need: ResourceNeed): Promise<boolean> {
  return followsProjectResources(ctx, await projectOf(ctx, need.project.id));
}

export async function seesMatch(ctx: Context, match: ResourceMatch): Promise<boolean> {
  return canSeeMatch(ctx, match, await projectOf(ctx, match.project.id));
}

export function getResourceOffer(ctx: Context, globalId: string): Promise<ResourceOffer> {
  requireResourceRole(ctx);
  return findVisible(ctx, ResourceOffer, globalId, (offer) => canSeeOffer(ctx, offer));
}

export function getResourceNeed(ctx: Context, globalId: string): Promise<ResourceNeed> {
  requireResourceRole(ctx);
  return findVisible(ctx, ResourceNeed, globalId, (need) => canSeeNeed(ctx, need));
}

export function getResourceMatch(ctx: Context, globalId: string): Promise<ResourceMatch> {
  requireResourceRole(ctx);
  return findVisible(ctx, ResourceMatch, globalId, (match) => seesMatch(ctx, match));
}

const OFFERS_NEWEST_FIRST = listOrder('resourceOffers', descending('created_at', 'timestamp'));
const MATCHES_NEWEST_FIRST = listOrder('resourceMatches', descending('created_at', 'timestamp'));
const NEED_ORDERS = chronologicalOrders('projectResourceNeeds', 'created_at', 'timestamp');
const PROJECT_MATCH_ORDERS = chronologicalOrders('projectResourceMatches', 'created_at', 'timestamp');

/** A park's offers, newest first: all or nothing, as every offer of a park is seen by the same people. */
export async function listParkOffers(ctx: Context, park: Park, args: ResourceOfferPageArgs) {
  requireResourceRole(ctx);
  if (!(await canSeeParkOffers(ctx, parkScope(park)))) throw forbidden('see this park’s resource offers');
  const where = { park: park.id, ...(args.kind && { kind: args.kind }), ...(!args.includeWithdrawn && { withdrawnAt: null }) };
  return findPage(ctx.em, ResourceOffer, where, OFFERS_NEWEST_FIRST, args);
}

/** A park's matches, newest first: every one to the staff covering it; to its mentors and applicants, those of their own projects. */
export async function listParkMatches(ctx: Context, park: Park, args: ResourceMatchPageArgs) {
  requireResourceRole(ctx);
  const viewer = ctx.viewer!;
  const all = staffCovers(viewer, parkScope(park));
  if (!all && !(await canSeeParkOffers(ctx, parkScope(park)))) throw forbidden('see this park’s resource matches');
  const where = { $and: [{ park: park.id, ...(args.status && { status: args.status }) }, all ? {} : ownProjectMatchesFilter(viewer)] };
  return findPage(ctx.em, ResourceMatch, where, MATCHES_NEWEST_FIRST, args);
}

export async function listProjectNeeds(ctx: Context, project: Project, args: NewestFirstPageArgs) {
  requireResourceRole(ctx);
  if (!(await followsProjectResources(ctx, project))) throw forbidden('see this project’s resource needs');
  return projectPage(ctx, ResourceNeed, project.id, NEED_ORDERS[args.order], args);
}

export async function listProjectMatches(ctx: Context, project: Project, args: NewestFirstPageArgs) {
  requireResourceRole(ctx);
  if (!(await followsProjectResources(ctx, project))) throw forbidden('see this project’s resource matches');
  return projectPage(ctx, ResourceMatch, project.id, PROJECT_MATCH_ORDERS[args.order], args);
}

/** An offer's matches that the viewer sees, newest first; one statement for every offer of a request. */
export async function matchesOfOffer(ctx: Context, offer: ResourceOffer): Promise<ResourceMatch[]> {
  const matches = await ctx.loaders
    .keyed('resourceMatchesByOffer', async (offerIds, em) => {
      const rows = await readRows(em, 'select * from resource_match where offer_id = any(?::uuid[]) order by created_at desc, id desc', [sqlArray(offerIds)]);
      const map = rowMapper(em, ResourceMatch);
      return groupByKey(offerIds, rows.map(map), (match) => match.offer.id);
    })
    .load(offer.id);
  if (staffCovers(ctx.viewer, resourceScope(offer))) return matches;
  const visible = await Promise.all(matches.map((match) => seesMatch(ctx, match)));
  return matches.filter((_, i) => visible[i]);
}

function checkPeriod(from: Date, to: Date) {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw badInput('`from` must be an instant before `to`.');
}

/** A park's figures: the staff covering it (its district's staff and administrators too). */
export async function parkFigures(ctx: Context, park: Park, from: Date, to: Date): Promise<ResourceFigures> {
  if (!staffCovers(requireViewer(ctx.viewer), parkScope(park))) throw forbidden('see this park’s resource figures (staff covering the park)');
  checkPeriod(from, to);
  return { from, to, ...(await resourceFigures(ctx.em, { parkIds: [park.id], districtId: park.district.id }, { from, to })) };
}

/** A district's figures, every park of it together: its staff and administrators. */
export async function districtFigures(ctx: Context, districtGlobalId: string, from: Date, to: Date): Promise<ResourceFigures> {
  const viewer = requireViewer(ctx.viewer);
  if (!hasRole(viewer, Role.ADMIN, Role.STAFF)) throw forbidden('see district resource figures (a district’s staff or an administrator)');
  const districtId = decodeId(districtGlobalId, 'Place');
  if (!districtId) throw badInput('districtId is not a place ID.');
  if (!oversees(viewer, districtId)) throw forbidden('see this district’s resource figures (its staff or an administrator)');
  const district = await ctx.loaders.byId(Place).load(districtId);
  if (!district || district.level !== PlaceLevel.DISTRICT) throw badInput('districtId does not name a district.');
  checkPeriod(from, to);
  return { from, to, ...(await resourceFigures(ctx.em, { parkIds: null, districtId }, { from, to })) };
}

/** The database ID behind a global ID of `type`, or INVALID_ID at `field`. */
function idOf(globalId: string, type: string, field: string, what: string): string {
  const id = decodeId(globalId, type);
  if (!id) fail(UserErrorCode.INVALID_ID, field, `That is not ${what} ID.`);
  return id;
}

/** A last day to match an offer: a calendar date, today or later. */
function checkAvailableUntil(ctx: Context, checks: Checks, value: string | null | undefined) {
  if (value == null) return;
  const day = value.trim();
  if (!checks.check(isCalendarDate(day), UserErrorCode.INVALID_FORMAT, 'input.availableUntil', 'The last day is a calendar date written YYYY-MM-DD, e.g. 2026-12-31.')) return;
  if (checks.date(day, 'input.availableUntil', 'The last day')) {
    checks.check(day >= today(ctx), UserErrorCode.OUT_OF_RANGE, 'input.availableUntil', `The last day may not be in the past (today is ${today(ctx)}).`);
  }
}

async function providerOrganization(ctx: Context, globalId: string | null | undefined): Promise<Organization | null> {
  if (!globalId) return null;
  const organization = await ctx.em.findOne(Organization, { id: idOf(globalId, 'Organization', 'input.organizationId', 'an organisation') });
  if (!organization || !(await canSeeOrganization(ctx, organization))) fail(UserErrorCode.NOT_FOUND, 'input.organizationId', 'No organisation you can see has that ID.');
  return organization;
}

export async function createOffer(ctx: Context, input: CreateResourceOfferInput) {
  const viewer = requireRole(ctx.viewer, 'create resource offers', Role.STAFF, Role.ADMIN);
  const park = await ctx.em.findOne(Park, { id: idOf(input.parkId, 'Park', 'input.parkId', 'a park') });
  if (!park) fail(UserErrorCode.NOT_FOUND, 'input.parkId', 'No park has that ID.');
  if (!staffCovers(viewer, parkScope(park))) fail(UserErrorCode.OUTSIDE_WORKPLACE, 'input.parkId', 'You are not staff of that park or its district.');
  const checks = new Checks();
  checks.text(input.title, 'input.title', 'Title', MAX_LENGTH.title);
  checks.text(input.providerName, 'input.providerName', 'Provider name', MAX_LENGTH.title);
  checks.text(input.terms, 'input.terms', 'Terms', MAX_LENGTH.reason);
  checks.amount(input.value, 'input.value', 'The value', { allowZero: true });
  checkAvailableUntil(ctx, checks, input.availableUntil);
  checks.throwIfAny();
  const organization = await providerOrganization(ctx, input.organizationId);

  const offer = ctx.em.create(ResourceOffer, {
    park,
    // The database would copy it too; set here, the payload's permission checks see it without a read.
    district: park.district,
    kind: input.kind,
    title: input.title.trim(),
    providerName: input.providerName.trim(),
    organization,
    terms: input.terms.trim(),
    value: input.value,
    availableUntil: input.availableUntil?.trim() ?? null,
    createdBy: ref(Person, viewer.id),
    createdAt: ctx.now,
  });
  await ctx.em.flush();
  return { offer };
}

/** The offer with this global ID, locked until the transaction ends, if the viewer sees it. */
async function lockedOffer(ctx: Context, globalId: string, field: string): Promise<ResourceOffer> {
  const offer = await ctx.em.findOne(ResourceOffer, { id: idOf(globalId, 'ResourceOffer', field, 'an offer') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!offer || !(await canSeeOffer(ctx, offer))) fail(UserErrorCode.NOT_FOUND, field, 'No offer you can see has that ID.');
  return offer;
}

export async function updateOffer(ctx: Context, input: UpdateResourceOfferInput) {
  requireRole(ctx.viewer, 'change resource offers', Role.STAFF, Role.ADMIN);
  const offer = await lockedOffer(ctx, input.offerId, 'input.offerId');
  enforce(canManageOffer(ctx.viewer, offer), 'input.offerId');
  const checks = new Checks();
  if (input.title != null) checks.text(input.title, 'input.title', 'Title', MAX_LENGTH.title);
  if (input.providerName != null) checks.text(input.providerName, 'input.providerName', 'Provider name', MAX_LENGTH.title);
  if (input.terms != null) checks.text(input.terms, 'input.terms', 'Terms', MAX_LENGTH.reason);
  if (input.value != null) checks.amount(input.value, 'input.value', 'The value', { allowZero: true });
  checkAvailableUntil(ctx, checks, input.availableUntil);
  checks.throwIfAny();

  if (input.kind != null) offer.kind = input.kind;
  if (input.title != null) offer.title = input.title.trim();
  if (input.providerName != null) offer.providerName = input.providerName.trim();
  if (input.terms != null) offer.terms = input.terms.trim();
  if (input.value != null) offer.value = input.value;
  if (input.availableUntil != null) offer.availableUntil = input.availableUntil.trim();
  await ctx.em.flush();
  return { offer };
}

export async function withdrawOffer(ctx: Context, input: WithdrawResourceOfferInput) {
  const viewer = requireRole(ctx.viewer, 'withdraw resource offers', Role.STAFF, Role.ADMIN);
  const offer = await lockedOffer(ctx, input.offerId, 'input.offerId');
  enforce(canManageOffer(viewer, offer, { withdrawing: true }), 'input.offerId');
  offer.withdrawnAt = ctx.now;
  offer.withdrawnBy = ref(Person, viewer.id);
  await ctx.em.flush();
  return { offer };
}

/** The project with this global ID, if the viewer sees it. */
async function visibleProject(ctx: Context, globalId: string, field: string): Promise<Project> {
  const project = await ctx.em.findOne(Project, { id: idOf(globalId, 'Project', field, 'a project') });
  if (!project || !(await canViewProject(ctx, project))) fail(UserErrorCode.NOT_FOUND, field, 'No project you can see has that ID.');
  return project;
}

export async function raiseNeed(ctx: Context, input: RaiseResourceNeedInput) {
  const viewer = requireRole(ctx.viewer, 'raise resource needs', Role.STAFF, Role.ADMIN, Role.MENTOR, Role.APPLICANT);
  const project = await visibleProject(ctx, input.projectId, 'input.projectId');
  enforce(await canRaiseNeed(ctx, project), 'input.projectId');
  const checks = new Checks();
  checks.text(input.description, 'input.description', 'Description', MAX_LENGTH.reason);
  if (input.valueSought != null) checks.amount(input.valueSought, 'input.valueSought', 'The value sought');
  checks.throwIfAny();

  const need = ctx.em.create(ResourceNeed, {
    project,
    kind: input.kind,
    description: input.description.trim(),
    valueSought: input.valueSought ?? null,
    raisedBy: ref(Person, viewer.id),
    createdAt: ctx.now,
  });
  await ctx.em.flush();
  return { need };
}

export async function closeNeed(ctx: Context, input: CloseResourceNeedInput) {
  const viewer = requireRole(ctx.viewer, 'close resource needs', Role.STAFF, Role.ADMIN, Role.MENTOR, Role.APPLICANT);
  // Locked, so two people closing it at once cannot both succeed.
  const need = await ctx.em.findOne(ResourceNeed, { id: idOf(input.needId, 'ResourceNeed', 'input.needId', 'a need') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const project = need ? await ctx.em.findOne(Project, { id: need.project.id }) : null;
  if (!need || !project || !(await followsProjectResources(ctx, project))) fail(UserErrorCode.NOT_FOUND, 'input.needId', 'No need you can see has that ID.');
  enforce(await canCloseNeed(ctx, project, need), 'input.needId');
  need.closedAt = ctx.now;
  need.closedBy = ref(Person, viewer.id);
  await ctx.em.flush();
  return { need };
}

export async function proposeMatch(ctx: Context, input: ProposeResourceMatchInput) {
  const { em } = ctx;
  const viewer = requireRole(ctx.viewer, 'propose resource matches', Role.STAFF, Role.ADMIN);
  // The offer is locked: proposals of one offer, and its withdrawal, take turns, so the duplicate check below holds.
  const offer = await lockedOffer(ctx, input.offerId, 'input.offerId');
  enforce(canProposeMatch(viewer, offer, today(ctx)), 'input.offerId');
  const project = await visibleProject(ctx, input.projectId, 'input.projectId');
  enforce(canProposeMatch(viewer, offer, today(ctx), project), 'input.projectId');
  let need: ResourceNeed | null = null;
  if (input.needId) {
    need = await em.findOne(ResourceNeed, { id: idOf(input.needId, 'ResourceNeed', 'input.needId', 'a need') });
    if (!need || need.project.id !== project.id) fail(UserErrorCode.INVALID_ID, 'input.needId', 'That is not a need of the project.');
    if (need.closedAt) fail(UserErrorCode.INVALID_STATUS, 'input.needId', `That need was closed on ${need.closedAt.toISOString()}.`);
  }
  const checks = new Checks();
  if (input.note != null) checks.text(input.note, 'input.note', 'The note', MAX_LENGTH.reason, false);
  checks.throwIfAny();
  const open = await em.findOne(ResourceMatch, { offer: offer.id, project: project.id, status: { $in: [...OPEN_MATCH_STATUSES] } });
  if (open) fail(UserErrorCode.DUPLICATE, 'input.projectId', `This offer is already matched to the project (${open.status}); settle that match first.`);

  const match = em.create(ResourceMatch, {
    park: offer.park,
    district: offer.district,
    offer,
    project,
    need,
    note: input.note?.trim() || null,
    proposedBy: ref(Person, viewer.id),
    createdAt: ctx.now,
  });
  await em.flush();
  return { match };
}

/**
 * Takes a step of a match by the transitions table. The match row is locked first, so of two
 * steps at once the second sees the first's status and is refused.
 */
async function takeStep(ctx: Context, matchGlobalId: string, action: MatchAction, apply: (match: ResourceMatch) => Promise<void> | void) {
  const match = await ctx.em.findOne(ResourceMatch, { id: idOf(matchGlobalId, 'ResourceMatch', 'input.matchId', 'a match') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const project = match ? await ctx.em.findOne(Project, { id: match.project.id }) : null;
  if (!match || !project || !(await canSeeMatch(ctx, match, project))) fail(UserErrorCode.NOT_FOUND, 'input.matchId', 'No match you can see has that ID.');
  enforce(canTakeMatchStep(ctx.viewer, match, project, action), 'input.matchId');
  await apply(match);
  await ctx.em.flush();
  return { match };
}

export function acceptMatch(ctx: Context, input: AcceptResourceMatchInput) {
  const viewer = requireRole(ctx.viewer, 'answer resource matches', Role.STAFF, Role.ADMIN, Role.APPLICANT);
  return takeStep(ctx, input.matchId, MatchAction.ACCEPT, (match) => {
    match.status = MatchStatus.ACCEPTED;
    match.acceptedAt = ctx.now;
    match.acceptedBy = ref(Person, viewer.id);
  });
}

function endReason(reason: string | null | undefined): string | null {
  const checks = new Checks();
  if (reason != null) checks.text(reason, 'input.reason', 'The reason', MAX_LENGTH.reason, false);
  checks.throwIfAny();
  return reason?.trim() || null;
}

export function declineMatch(ctx: Context, input: DeclineResourceMatchInput) {
  const viewer = requireRole(ctx.viewer, 'answer resource matches', Role.STAFF, Role.ADMIN, Role.APPLICANT);
  return takeStep(ctx, input.matchId, MatchAction.DECLINE, (match) => {
    match.endReason = endReason(input.reason);
    match.status = MatchStatus.DECLINED;
    match.endedAt = ctx.now;
    match.endedBy = ref(Person, viewer.id);
  });
}

export function cancelMatch(ctx: Context, input: CancelResourceMatchInput) {
  const viewer = requireRole(ctx.viewer, 'cancel resource matches', Role.STAFF, Role.ADMIN);
  return takeStep(ctx, input.matchId, MatchAction.CANCEL, (match) => {
    match.endReason = endReason(input.reason);
    match.status = MatchStatus.CANCELLED;
    match.endedAt = ctx.now;
    match.endedBy = ref(Person, viewer.id);
  });
}

export function deliverMatch(ctx: Context, input: DeliverResourceMatchInput) {
  const viewer = requireRole(ctx.viewer, 'mark resource matches delivered', Role.STAFF, Role.ADMIN);
  return takeStep(ctx, input.matchId, MatchAction.DELIVER, async (match) => {
    const offer = (await ctx.em.findOne(ResourceOffer, { id: match.offer.id }))!;
    const value = input.valueBrokered ?? offer.value;
    const checks = new Checks();
    checks.amount(value, 'input.valueBrokered', 'The value brokered', { allowZero: true });
    if (input.note != null) checks.text(input.note, 'input.note', 'The note', MAX_LENGTH.reason, false);
    checks.throwIfAny();
    match.status = MatchStatus.DELIVERED;
    match.deliveredAt = ctx.now;
    match.deliveredBy = ref(Person, viewer.id);
    match.valueBrokered = value;
    match.deliveryNote = input.note?.trim() || null;
  });
}
