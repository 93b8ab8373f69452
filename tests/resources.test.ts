import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveredMatchIds } from '../src/modules/resources/resource.queries.js';
import { fromGlobalId, toGlobalId } from '../src/shared/node-id.js';
import {
  AcceptResourceMatchDocument,
  CancelResourceMatchDocument,
  CloseResourceNeedDocument,
  CreateResourceOfferDocument,
  DeclineResourceMatchDocument,
  DeliverResourceMatchDocument,
  DistrictResourceFiguresDocument,
  ParkResourceFiguresDocument,
  ParkResourceMatchesDocument,
  ParkResourceOffersDocument,
  ProjectResourceMatchesDocument,
  ProjectResourcesDocument,
  ProposeResourceMatchDocument,
  RaiseResourceNeedDocument,
  ResourceNodeDocument,
  UpdateResourceOfferDocument,
  WithdrawResourceOfferDocument,
  type CreateResourceOfferInput,
  type ResourceFiguresFieldsFragment,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { applicantOrganization, home, organization, park, person, place, project, type TestPerson } from './support/factories.js';
import { projectInDelivery } from './support/lifecycle.js';

const app = useTestApp();

/** The home park (A) with a project in delivery, and a second park (B) of the same district with a project of its own. */
let delivery: Awaited<ReturnType<typeof projectInDelivery>>;
let parkA: string;
let parkB: string;
let districtId: string;
let staffB: TestPerson;
let applicantB: TestPerson;
let projectB: string;
let evaluator: TestPerson;
let outsider: TestPerson;

beforeAll(async () => {
  delivery = await projectInDelivery(app());
  ({ parkId: parkA, districtId } = await home(app()));
  const streetB = await place(app(), districtId, 'STREET', '西丽街道');
  parkB = await park(app(), { name: `西丽街道社会创新园 ${randomUUID()}`, placeId: streetB, streetIds: [streetB] });
  staffB = await person(app(), ['STAFF'], undefined, { parkIds: [parkB] });
  const orgB = await organization(app(), { placeId: streetB, parkId: parkB });
  applicantB = await person(app(), ['APPLICANT'], orgB.id);
  projectB = (await project(applicantB.client, delivery.program.id, '西丽长者食堂')).id;
  evaluator = await person(app(), ['EVALUATOR']);
  outsider = (await applicantOrganization(app())).applicant;
});

const offerInput = (parkId: string, overrides: Partial<CreateResourceOfferInput> = {}): CreateResourceOfferInput => ({
  parkId,
  kind: 'FUNDING',
  title: '腾讯公益配捐 2026',
  providerName: '深圳市某公益基金会',
  terms: '按季度申请,配捐比例1:1,需提交执行报告。',
  value: 20000,
  ...overrides,
});

async function createOffer(staff: Client, parkId: string, overrides: Partial<CreateResourceOfferInput> = {}) {
  const result = await staff.data(CreateResourceOfferDocument, { input: offerInput(parkId, overrides) });
  expect(result.createResourceOffer.userErrors).toEqual([]);
  return result.createResourceOffer.offer!;
}

async function propose(staff: Client, offerId: string, projectId: string, needId?: string) {
  const result = await staff.data(ProposeResourceMatchDocument, { input: { offerId, projectId, needId, note: '建议对接' } });
  expect(result.proposeResourceMatch.userErrors).toEqual([]);
  return result.proposeResourceMatch.match!;
}

async function accept(client: Client, matchId: string) {
  const result = await client.data(AcceptResourceMatchDocument, { input: { matchId } });
  expect(result.acceptResourceMatch.userErrors).toEqual([]);
}

async function deliver(staff: Client, matchId: string, valueBrokered?: number) {
  const result = await staff.data(DeliverResourceMatchDocument, { input: { matchId, valueBrokered, note: '已到位' } });
  expect(result.deliverResourceMatch.userErrors).toEqual([]);
  return result.deliverResourceMatch.match!;
}

async function matchStatus(matchId: string) {
  const node = await app().admin.data(ResourceNodeDocument, { id: matchId });
  return node.node && 'status' in node.node ? node.node.status : null;
}

describe('the whole match path', () => {
  it('offers, raises a need, proposes, accepts and delivers with the value brokered', async () => {
    const { staff, applicant, mentor } = delivery;
    const offer = await createOffer(staff.client, parkA, { kind: 'VENUE', title: '园区多功能厅 周末开放', value: 8000, availableUntil: '2099-12-31' });
    expect(offer).toMatchObject({ kind: 'VENUE', value: 8000, available: true, availableUntil: '2099-12-31', park: { id: parkA }, createdBy: { id: staff.id }, viewerCan: { update: true, withdraw: true, proposeMatch: true } });

    const raised = await applicant.client.data(RaiseResourceNeedDocument, { input: { projectId: delivery.project.id, kind: 'VENUE', description: '每月一次社区宣传活动需要场地', valueSought: 6000 } });
    expect(raised.raiseResourceNeed).toMatchObject({ userErrors: [], need: { open: true, valueSought: 6000, raisedBy: { id: applicant.id }, viewerCan: { close: true } } });
    const need = raised.raiseResourceNeed.need!;

    const proposed = await propose(staff.client, offer.id, delivery.project.id, need.id);
    expect(proposed).toMatchObject({ status: 'PROPOSED', note: '建议对接', proposedBy: { id: staff.id }, need: { id: need.id }, park: { id: parkA }, acceptedAt: null, valueBrokered: null });

    // What each may do now is what the mutations will accept.
    const seenByApplicant = (await applicant.client.data(ResourceNodeDocument, { id: proposed.id })).node;
    expect(seenByApplicant).toMatchObject({ __typename: 'ResourceMatch', status: 'PROPOSED' });
    const applicantView = (await applicant.client.data(ProjectResourcesDocument, { id: delivery.project.id })).project!.resourceMatches!.nodes.find((m) => m.id === proposed.id)!;
    expect(applicantView.viewerCan).toEqual({ accept: true, decline: true, deliver: false, cancel: false });

    await accept(applicant.client, proposed.id);
    const delivered = await deliver(staff.client, proposed.id, 7500.5);
    expect(delivered).toMatchObject({
      status: 'DELIVERED', valueBrokered: 7500.5, deliveryNote: '已到位', acceptedBy: { id: applicant.id }, deliveredBy: { id: staff.id },
      acceptedAt: expect.any(String), deliveredAt: expect.any(String), viewerCan: { accept: false, decline: false, deliver: false, cancel: false },
    });

    // The project's mentor follows it; the park's list shows it under its status.
    const mentorView = await mentor.client.data(ProjectResourcesDocument, { id: delivery.project.id });
    expect(mentorView.project!.resourceNeeds!.nodes.map((n) => n.id)).toContain(need.id);
    expect(mentorView.project!.resourceMatches!.nodes.find((m) => m.id === proposed.id)).toMatchObject({ status: 'DELIVERED', valueBrokered: 7500.5 });
    const deliveredList = await staff.client.data(ParkResourceMatchesDocument, { id: parkA, status: 'DELIVERED' });
    const parkMatches = deliveredList.node!.__typename === 'Park' ? deliveredList.node!.resourceMatches! : null;
    expect(parkMatches!.nodes.map((m) => m.id)).toContain(proposed.id);
    expect(parkMatches!.nodes.every((m) => m.status === 'DELIVERED')).toBe(true);
    const offers = await staff.client.data(ParkResourceOffersDocument, { id: parkA, kind: 'VENUE' });
    const listed = offers.node!.__typename === 'Park' ? offers.node!.resourceOffers!.nodes.find((o) => o.id === offer.id) : undefined;
    expect(listed?.matches).toEqual([{ id: proposed.id, status: 'DELIVERED', project: { id: delivery.project.id } }]);
  });

  it('delivers at the offer’s value when none is stated, and lets only one of two concurrent accepts win', async () => {
    const { staff, applicant } = delivery;
    const offer = await createOffer(staff.client, parkA, { kind: 'EXPERTISE', title: '律所公益法律顾问', value: 3000 });
    const match = await propose(staff.client, offer.id, delivery.project.id);
    const [first, second] = await Promise.all([
      applicant.client.data(AcceptResourceMatchDocument, { input: { matchId: match.id } }),
      staff.client.data(AcceptResourceMatchDocument, { input: { matchId: match.id } }),
    ]);
    const codes = [first, second].map((r) => r.acceptResourceMatch.userErrors.map((e) => e.code)).sort();
    expect(codes).toEqual([[], ['ALREADY_DONE']]);
    expect((await deliver(staff.client, match.id)).valueBrokered).toBe(3000);
  });
});

describe('refused transitions change nothing', () => {
  it('refuses delivering a proposed match, accepting twice and declining a delivered one, with coded errors', async () => {
    const { staff, applicant } = delivery;
    const offer = await createOffer(staff.client, parkA, { kind: 'MEDIA', title: '深圳特区报 公益专栏', value: 0 });
    const match = await propose(staff.client, offer.id, delivery.project.id);

    const early = await staff.client.data(DeliverResourceMatchDocument, { input: { matchId: match.id, valueBrokered: 100 } });
    expect(early.deliverResourceMatch).toMatchObject({ match: null, userErrors: [{ code: 'INVALID_STATUS', field: ['input', 'matchId'], message: expect.stringContaining('PROPOSED') }] });
    expect(await matchStatus(match.id)).toBe('PROPOSED');

    await accept(applicant.client, match.id);
    const again = await applicant.client.data(AcceptResourceMatchDocument, { input: { matchId: match.id } });
    expect(again.acceptResourceMatch).toMatchObject({ match: null, userErrors: [{ code: 'ALREADY_DONE' }] });
    // The applicant answers proposals; delivering is staff's.
    expect(await applicant.client.errorCode(DeliverResourceMatchDocument, { input: { matchId: match.id } })).toBe('FORBIDDEN');
    expect(await matchStatus(match.id)).toBe('ACCEPTED');

    await deliver(staff.client, match.id, 0);
    const late = await applicant.client.data(DeclineResourceMatchDocument, { input: { matchId: match.id, reason: '不需要了' } });
    expect(late.declineResourceMatch).toMatchObject({ match: null, userErrors: [{ code: 'INVALID_STATUS', message: expect.stringContaining('DELIVERED') }] });
    const cancelled = await staff.client.data(CancelResourceMatchDocument, { input: { matchId: match.id } });
    expect(cancelled.cancelResourceMatch.userErrors.map((e) => e.code)).toEqual(['INVALID_STATUS']);
    expect(await matchStatus(match.id)).toBe('DELIVERED');
  });

  it('allows one open match per offer and project (DUPLICATE), and a new one once the last is declined', async () => {
    const { staff, applicant } = delivery;
    const offer = await createOffer(staff.client, parkA, { kind: 'VOLUNTEERS', title: '企业志愿者团队 每月一次', value: 0 });
    const first = await propose(staff.client, offer.id, delivery.project.id);
    const duplicate = await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: delivery.project.id } });
    expect(duplicate.proposeResourceMatch).toMatchObject({ match: null, userErrors: [{ code: 'DUPLICATE', field: ['input', 'projectId'] }] });

    const declined = await applicant.client.data(DeclineResourceMatchDocument, { input: { matchId: first.id, reason: '时间冲突' } });
    expect(declined.declineResourceMatch.match).toMatchObject({ status: 'DECLINED', endReason: '时间冲突', endedBy: { id: applicant.id }, endedAt: expect.any(String) });
    const second = await propose(staff.client, offer.id, delivery.project.id);
    expect(second.id).not.toBe(first.id);
    const cancelled = await staff.client.data(CancelResourceMatchDocument, { input: { matchId: second.id, reason: '企业调整计划' } });
    expect(cancelled.cancelResourceMatch.match).toMatchObject({ status: 'CANCELLED', endReason: '企业调整计划' });
  });

  it('takes no new matches on a withdrawn offer, and lists it only when asked', async () => {
    const { staff } = delivery;
    const offer = await createOffer(staff.client, parkA, { kind: 'ENTERPRISE', title: '超市爱心物资', value: 1500 });
    const withdrawn = await staff.client.data(WithdrawResourceOfferDocument, { input: { offerId: offer.id } });
    expect(withdrawn.withdrawResourceOffer.offer).toMatchObject({ withdrawnAt: expect.any(String), withdrawnBy: { id: staff.id }, available: false, viewerCan: { withdraw: false, proposeMatch: false } });
    const twice = await staff.client.data(WithdrawResourceOfferDocument, { input: { offerId: offer.id } });
    expect(twice.withdrawResourceOffer.userErrors.map((e) => e.code)).toEqual(['ALREADY_DONE']);
    const proposed = await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: delivery.project.id } });
    expect(proposed.proposeResourceMatch).toMatchObject({ match: null, userErrors: [{ code: 'INVALID_STATUS', field: ['input', 'offerId'] }] });
    const updated = await staff.client.data(UpdateResourceOfferDocument, { input: { offerId: offer.id, value: 1 } });
    expect(updated.updateResourceOffer.userErrors.map((e) => e.code)).toEqual(['INVALID_STATUS']);

    const ids = async (includeWithdrawn: boolean) => {
      const page = await staff.client.data(ParkResourceOffersDocument, { id: parkA, kind: 'ENTERPRISE', includeWithdrawn, first: 100 });
      return page.node!.__typename === 'Park' ? page.node!.resourceOffers!.nodes.map((o) => o.id) : [];
    };
    expect(await ids(false)).not.toContain(offer.id);
    expect(await ids(true)).toContain(offer.id);
  });

  it('closes a need once, and matches no offer to a closed need or to another project’s need', async () => {
    const { staff, mentor } = delivery;
    const raised = await mentor.client.data(RaiseResourceNeedDocument, { input: { projectId: delivery.project.id, kind: 'EXPERTISE', description: '需要财务规范培训' } });
    const need = raised.raiseResourceNeed.need!;
    const closed = await mentor.client.data(CloseResourceNeedDocument, { input: { needId: need.id } });
    expect(closed.closeResourceNeed.need).toMatchObject({ open: false, closedBy: { id: mentor.id }, viewerCan: { close: false } });
    const again = await staff.client.data(CloseResourceNeedDocument, { input: { needId: need.id } });
    expect(again.closeResourceNeed.userErrors.map((e) => e.code)).toEqual(['ALREADY_DONE']);

    const offer = await createOffer(staff.client, parkA, { kind: 'EXPERTISE', title: '会计师事务所 财务辅导', value: 2000 });
    const toClosed = await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: delivery.project.id, needId: need.id } });
    expect(toClosed.proposeResourceMatch.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_STATUS', 'input.needId']]);
    const foreign = await applicantB.client.data(RaiseResourceNeedDocument, { input: { projectId: projectB, kind: 'EXPERTISE', description: '需要法律咨询' } });
    const toForeign = await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: delivery.project.id, needId: foreign.raiseResourceNeed.need!.id } });
    expect(toForeign.proposeResourceMatch.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_ID', 'input.needId']]);
  });
});

describe('bad input', () => {
  it('reports every problem of an offer with a code and its field, and writes nothing', async () => {
    const { staff } = delivery;
    const count = async () => {
      const page = await staff.client.data(ParkResourceOffersDocument, { id: parkA, includeWithdrawn: true });
      return page.node!.__typename === 'Park' ? page.node!.resourceOffers!.totalCount : -1;
    };
    const before = await count();
    const result = await staff.client.data(CreateResourceOfferDocument, {
      input: offerInput(parkA, { title: '资'.repeat(201), providerName: '  ', terms: 'x'.repeat(2001), value: -1, availableUntil: '2026-02-30' }),
    });
    expect(result.createResourceOffer.offer).toBeNull();
    expect(result.createResourceOffer.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['TOO_LONG', 'input.title'],
      ['REQUIRED', 'input.providerName'],
      ['TOO_LONG', 'input.terms'],
      ['OUT_OF_RANGE', 'input.value'],
      ['INVALID_FORMAT', 'input.availableUntil'],
    ]);
    const cents = await staff.client.data(CreateResourceOfferDocument, { input: offerInput(parkA, { value: 10.005, availableUntil: '2001-01-01' }) });
    expect(cents.createResourceOffer.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['OUT_OF_RANGE', 'input.value'], ['OUT_OF_RANGE', 'input.availableUntil']]);
    expect(await count()).toBe(before);

    // An unknown kind is not a ResourceKind: the operation is refused before it runs.
    const unknownKind = parse(`mutation { createResourceOffer(input: { parkId: "${parkA}", kind: LAND, title: "t", providerName: "p", terms: "t", value: 1 }) { offer { id } } }`);
    expect(await staff.client.errorCode(unknownKind as TypedDocumentNode<unknown, Record<string, never>>)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  it('tells an ID of the wrong type (INVALID_ID) from one that names nothing visible (NOT_FOUND)', async () => {
    const { staff, applicant } = delivery;
    const wrongType = await staff.client.data(CreateResourceOfferDocument, { input: offerInput(delivery.project.id) });
    expect(wrongType.createResourceOffer.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_ID', 'input.parkId']]);
    const unknownOffer = await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: toGlobalId('ResourceOffer', randomUUID()), projectId: delivery.project.id } });
    expect(unknownOffer.proposeResourceMatch.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['NOT_FOUND', 'input.offerId']]);
    const unknownMatch = await applicant.client.data(AcceptResourceMatchDocument, { input: { matchId: toGlobalId('ResourceMatch', randomUUID()) } });
    expect(unknownMatch.acceptResourceMatch.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const badNeed = await applicant.client.data(RaiseResourceNeedDocument, { input: { projectId: delivery.project.id, kind: 'FUNDING', description: '', valueSought: 0 } });
    expect(badNeed.raiseResourceNeed.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['REQUIRED', 'input.description'], ['OUT_OF_RANGE', 'input.valueSought']]);
    const offer = await createOffer(staff.client, parkA, { kind: 'FUNDING', title: '社区基金小额资助', value: 5000 });
    const match = await propose(staff.client, offer.id, delivery.project.id);
    await accept(applicant.client, match.id);
    const negative = await staff.client.data(DeliverResourceMatchDocument, { input: { matchId: match.id, valueBrokered: -5 } });
    expect(negative.deliverResourceMatch.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['OUT_OF_RANGE', 'input.valueBrokered']]);
    expect(await matchStatus(match.id)).toBe('ACCEPTED');
  });
});

describe('who sees and brokers what', () => {
  it('keeps a park’s offers and matches from another park’s staff', async () => {
    const { staff } = delivery;
    const offer = await createOffer(staff.client, parkA, { kind: 'FUNDING', title: '园区专项资助', value: 10000 });
    const match = await propose(staff.client, offer.id, delivery.project.id);

    expect(await staffB.client.errorCode(ParkResourceOffersDocument, { id: parkA })).toBe('FORBIDDEN');
    expect(await staffB.client.errorCode(ParkResourceMatchesDocument, { id: parkA })).toBe('FORBIDDEN');
    expect(await staffB.client.errorCode(ResourceNodeDocument, { id: offer.id })).toBe('NOT_FOUND');
    expect(await staffB.client.errorCode(ResourceNodeDocument, { id: match.id })).toBe('NOT_FOUND');
    const foreign = await staffB.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: projectB } });
    expect(foreign.proposeResourceMatch.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['NOT_FOUND', 'input.offerId']]);
    const outsidePark = await staffB.client.data(CreateResourceOfferDocument, { input: offerInput(parkA) });
    expect(outsidePark.createResourceOffer.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_WORKPLACE']);
    // Park A's staff are not over park B's project: they cannot send it park A's offer.
    const otherProject = await staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: projectB } });
    expect(otherProject.proposeResourceMatch.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('shows applicants their park’s offers and their own matches only; evaluators are FORBIDDEN', async () => {
    const { staff, applicant } = delivery;
    const offer = await createOffer(staff.client, parkA, { kind: 'MEDIA', title: '电视台公益栏目', value: 0 });
    const match = await propose(staff.client, offer.id, delivery.project.id);

    const seen = await applicant.client.data(ParkResourceOffersDocument, { id: parkA, first: 100 });
    expect(seen.node!.__typename === 'Park' && seen.node!.resourceOffers!.nodes.map((o) => o.id)).toContain(offer.id);
    expect(await applicantB.client.errorCode(ParkResourceOffersDocument, { id: parkA })).toBe('FORBIDDEN');

    // An applicant of another organisation coached by the same park sees the offers, not this project's matches.
    expect(await outsider.client.errorCode(ResourceNodeDocument, { id: match.id })).toBe('NOT_FOUND');
    expect(await outsider.client.errorCode(ProjectResourceMatchesDocument, { id: delivery.project.id })).toBe('NOT_FOUND');
    const outsiderList = await outsider.client.data(ParkResourceMatchesDocument, { id: parkA, first: 100 });
    expect(outsiderList.node!.__typename === 'Park' && outsiderList.node!.resourceMatches!.totalCount).toBe(0);
    const ownList = await applicant.client.data(ParkResourceMatchesDocument, { id: parkA, first: 100 });
    const own = ownList.node!.__typename === 'Park' ? ownList.node!.resourceMatches!.nodes : [];
    expect(own.map((m) => m.id)).toContain(match.id);
    expect(own.every((m) => m.project.id === delivery.project.id)).toBe(true);

    expect(await evaluator.client.errorCode(ParkResourceOffersDocument, { id: parkA })).toBe('FORBIDDEN');
    expect(await evaluator.client.errorCode(ResourceNodeDocument, { id: offer.id })).toBe('FORBIDDEN');
    expect(await evaluator.client.errorCode(RaiseResourceNeedDocument, { input: { projectId: delivery.project.id, kind: 'VENUE', description: '场地' } })).toBe('FORBIDDEN');
    expect(await delivery.mentor.client.errorCode(AcceptResourceMatchDocument, { input: { matchId: match.id } })).toBe('FORBIDDEN');
  });
});

describe('figures for the operations report', () => {
  const FAR = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  async function figures(client: Client, parkId: string, from: string) {
    const result = await client.data(ParkResourceFiguresDocument, { id: parkId, from, to: FAR });
    return result.node!.__typename === 'Park' ? result.node!.resourceFigures! : null;
  }

  const kind = (f: ResourceFiguresFieldsFragment, k: string) => f.byKind.find((b) => b.kind === k)!;

  it('counts a park’s matching for its staff, and both parks together for the district’s staff', async () => {
    // The period starts now: what the earlier tests brokered falls before it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const from = new Date().toISOString();
    const { staff, districtStaff, applicant } = delivery;
    const projectA = (await project(applicant.client, delivery.program.id, '园区资源对接试点')).id;

    const venue = await createOffer(staff.client, parkA, { kind: 'VENUE', title: '会议室', value: 5000 });
    const funding = await createOffer(staff.client, parkA, { kind: 'FUNDING', title: '配捐', value: 20000 });
    for (const [offer, value] of [[venue, 5000], [funding, 12000.25]] as const) {
      const match = await propose(staff.client, offer.id, projectA);
      await accept(applicant.client, match.id);
      await deliver(staff.client, match.id, value);
    }
    await propose(staff.client, (await createOffer(staff.client, parkA, { kind: 'MEDIA', title: '报道', value: 0 })).id, projectA);

    const media = await createOffer(staffB.client, parkB, { kind: 'MEDIA', title: '西丽社区报', value: 3000 });
    const matchB = await propose(staffB.client, media.id, projectB);
    await accept(applicantB.client, matchB.id);
    await deliver(staffB.client, matchB.id);

    const a = (await figures(staff.client, parkA, from))!;
    expect(a).toMatchObject({ offers: 3, matchesProposed: 3, matchesDelivered: 2, valueBrokered: 17000.25, projectsServed: 1 });
    expect(kind(a, 'VENUE')).toEqual({ kind: 'VENUE', delivered: 1, value: 5000 });
    expect(kind(a, 'FUNDING')).toEqual({ kind: 'FUNDING', delivered: 1, value: 12000.25 });
    expect(kind(a, 'MEDIA')).toEqual({ kind: 'MEDIA', delivered: 0, value: 0 });
    expect(a.byKind.map((b) => b.kind)).toEqual(['FUNDING', 'ENTERPRISE', 'VENUE', 'VOLUNTEERS', 'MEDIA', 'EXPERTISE']);
    expect(await figures(staffB.client, parkB, from)).toMatchObject({ offers: 1, matchesProposed: 1, matchesDelivered: 1, valueBrokered: 3000, projectsServed: 1 });

    const district = (await districtStaff.client.data(DistrictResourceFiguresDocument, { districtId, from, to: FAR })).districtResourceFigures!;
    expect(district).toMatchObject({ offers: 4, matchesProposed: 4, matchesDelivered: 3, valueBrokered: 20000.25, projectsServed: 2 });
    expect(kind(district, 'MEDIA')).toEqual({ kind: 'MEDIA', delivered: 1, value: 3000 });

    // A park's staff see their own park only.
    expect(await staff.client.errorCode(ParkResourceFiguresDocument, { id: parkB, from, to: FAR })).toBe('FORBIDDEN');
    expect(await staff.client.errorCode(DistrictResourceFiguresDocument, { districtId, from, to: FAR })).toBe('FORBIDDEN');
    expect(await applicant.client.errorCode(ParkResourceFiguresDocument, { id: parkA, from, to: FAR })).toBe('FORBIDDEN');

    // The report's drill-down lists exactly the deliveries the figures count.
    // It takes database IDs, as the report reads them.
    const uuid = (globalId: string) => fromGlobalId(globalId)!.id;
    const em = app().server.database.orm.em.fork();
    const period = { from: new Date(from), to: new Date(FAR) };
    const scope = { parkIds: [uuid(parkA)], districtId: uuid(districtId) };
    expect(await deliveredMatchIds(em, scope, period)).toHaveLength(2);
    const all = await deliveredMatchIds(em, { parkIds: null, districtId: uuid(districtId) }, period);
    expect(all).toHaveLength(3);
    expect(all).toContain(uuid(matchB.id));
    expect(await deliveredMatchIds(em, scope, { from: new Date(FAR), to: new Date(Date.parse(FAR) + 1000) })).toEqual([]);
  });
});
