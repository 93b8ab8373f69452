import 'reflect-metadata';
import { isInterfaceType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../src/app/schema.js';
import { toGlobalId } from '../src/shared/node-id.js';
import {
  CheckInToActivityDocument, CreateParkActivityDocument, CreateProjectAreaDocument, CreateProjectTypeDocument, CreateResourceOfferDocument, IssueOperationsReportDocument,
  NodeDocument, ProposeResourceMatchDocument, RaiseResourceNeedDocument, RecommendProjectDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { home, park, person, place } from './support/factories.js';
import { projectWithHistory } from './support/lifecycle.js';

const app = useTestApp();

/** Every object type that implements Node in the schema the server serves: a new one is walked too. */
const schema = await createSchema();
const nodeInterface = schema.getType('Node');
if (!isInterfaceType(nodeInterface)) throw new Error('The schema has no Node interface');
const NODE_TYPES = schema.getImplementations(nodeInterface).objects.map((type) => type.name).sort();

/** How to get an object of each type through the API, and someone its type's rule hides it from. */
interface Sample {
  id: string;
  /** Who may not see it and must be told NOT_FOUND; none where every signed-in person may see it. */
  hiddenFrom: Client | null;
}

let samples: Record<string, Sample>;

beforeAll(async () => {
  const world = await projectWithHistory(app());
  const { outsider, assignments, session, visit, report, conditionalDecision } = world;
  const evaluator = assignments[0].evaluator;
  const assigned = world.events.find((event) => event.type === 'EVALUATOR_ASSIGNED')!;
  const places = await home(app());
  const area = (await app().admin.data(CreateProjectAreaDocument, { input: { districtId: places.districtId, name: '社区治理' } })).createProjectArea.area!;
  const type = (await app().admin.data(CreateProjectTypeDocument, { input: { areaId: area.id, name: '居民议事', kind: 'SERVICE', maxGrant: 500_000 } })).createProjectType.type!;
  // The park's own work: another park's staff may see none of it.
  const xili = await place(app(), places.districtId, 'STREET', '西丽街道');
  const otherPark = await park(app(), { name: `西丽街道社会创新园 ${Date.now()}`, placeId: xili, streetIds: [xili] });
  const otherStaff = await person(app(), ['STAFF'], undefined, { parkIds: [otherPark] });
  const hour = 3600_000;
  const activity = (await world.staff.client.data(CreateParkActivityDocument, {
    input: { parkId: places.parkId, kind: 'LECTURE', title: '反诈有我,党员先行', sessions: [{ startsAt: new Date(Date.now() - 2 * hour).toISOString(), endsAt: new Date(Date.now() - hour).toISOString(), mode: 'ON_SITE' }] },
  })).createParkActivity.activity!;
  const checkedIn = (await world.staff.client.data(CheckInToActivityDocument, { input: { sessionId: activity.sessions[0].id, guest: { name: '李小红' } } })).checkInToActivity;
  const offer = (await world.staff.client.data(CreateResourceOfferDocument, {
    input: { parkId: places.parkId, kind: 'VENUE', title: '社区党群服务中心活动室', providerName: '田厦社区工作站', terms: '每周六上午', value: 0 },
  })).createResourceOffer.offer!;
  const need = (await world.staff.client.data(RaiseResourceNeedDocument, { input: { projectId: world.project.id, kind: 'VENUE', description: '每月一次小组活动的场地' } })).raiseResourceNeed.need!;
  const match = (await world.staff.client.data(ProposeResourceMatchDocument, { input: { offerId: offer.id, projectId: world.project.id, needId: need.id } })).proposeResourceMatch.match!;
  const issued = (await world.staff.client.data(IssueOperationsReportDocument, { input: { scope: { parkId: places.parkId, year: new Date().getFullYear() } } })).issueOperationsReport.issued!;
  const recommended = (await world.staff.client.data(RecommendProjectDocument, { input: { projectId: world.project.id, library: '南山区社区服务项目库' } })).recommendProject.recommendation!;
  samples = {
    ParkActivity: { id: activity.id, hiddenFrom: otherStaff.client },
    ActivitySession: { id: activity.sessions[0].id, hiddenFrom: otherStaff.client },
    // Who came is for the park's staff (and the person themself).
    ActivityRegistration: { id: checkedIn.registration!.id, hiddenFrom: outsider.client },
    ResourceOffer: { id: offer.id, hiddenFrom: otherStaff.client },
    ResourceNeed: { id: need.id, hiddenFrom: outsider.client },
    ResourceMatch: { id: match.id, hiddenFrom: outsider.client },
    // A park's report is its staff's: its mentors do not read it.
    IssuedOperationsReport: { id: issued.id, hiddenFrom: world.mentor.client },
    ProjectRecommendation: { id: recommended.id, hiddenFrom: outsider.client },
    Person: { id: world.staff.id, hiddenFrom: world.applicant.client },
    Organization: { id: world.organization.id, hiddenFrom: outsider.client },
    // Programmes are public calls: every signed-in person sees them.
    Program: { id: world.program.id, hiddenFrom: null },
    Project: { id: world.project.id, hiddenFrom: outsider.client },
    ProposalRevision: { id: world.revision.id, hiddenFrom: outsider.client },
    ReviewRound: { id: world.round.id, hiddenFrom: world.mentor.client },
    ReviewAssignment: { id: assignments[0].assignmentId, hiddenFrom: outsider.client },
    Decision: { id: conditionalDecision.id, hiddenFrom: outsider.client },
    DecisionCondition: { id: conditionalDecision.conditions[0].id, hiddenFrom: outsider.client },
    // The evaluator sees the project to score it, not its coaching.
    CoachingSession: { id: session.id, hiddenFrom: evaluator.client },
    ActionItem: { id: session.actionItems[0].id, hiddenFrom: evaluator.client },
    SupervisionVisit: { id: visit.id, hiddenFrom: outsider.client },
    FollowUp: { id: visit.followUps[0].id, hiddenFrom: outsider.client },
    ServiceReport: { id: report.id, hiddenFrom: outsider.client },
    // The project's own applicant sees its trail, but not who was assigned to review it.
    LifecycleEvent: { id: assigned.id, hiddenFrom: world.applicant.client },
    // Places, parks and a district's taxonomy are public knowledge.
    Place: { id: places.communityId, hiddenFrom: null },
    Park: { id: places.parkId, hiddenFrom: null },
    ProjectArea: { id: area.id, hiddenFrom: null },
    ProjectType: { id: type.id, hiddenFrom: null },
  };
}, 120_000);

describe('node(id:) for every type that implements Node', () => {
  it('knows how to reach an object of every Node type', () => {
    expect(NODE_TYPES.filter((type) => !samples[type]), 'Node types with no sample here: add one, and a fetcher in node.resolver.ts').toEqual([]);
  });

  it.each(NODE_TYPES)('fetches a %s for staff, and for no one its rule hides it from', async (type) => {
    const sample = samples[type];
    const fetched = await app().admin.data(NodeDocument, { id: sample.id });
    expect(fetched.node).toMatchObject({ __typename: type, id: sample.id });

    const refusals: [Client, string][] = [[app().anonymous, 'UNAUTHENTICATED']];
    if (sample.hiddenFrom) refusals.push([sample.hiddenFrom, 'NOT_FOUND']);
    for (const [client, code] of refusals) {
      const hidden = await client.request(NodeDocument, { id: sample.id });
      expect(hidden.data).toEqual({ node: null });
      expect(hidden.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([[code, ['node']]]);
    }
  });

  it('answers NOT_FOUND for a well-formed ID of no type of ours, even one named like an Object method', async () => {
    for (const type of ['constructor', 'toString', 'Nope']) {
      const result = await app().admin.request(NodeDocument, { id: toGlobalId(type, '00000000-0000-4000-8000-000000000000') });
      expect(result.errors?.map((e) => e.extensions?.code), type).toEqual(['NOT_FOUND']);
    }
  });
});
