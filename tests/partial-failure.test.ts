import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { isNonNullType, isObjectType, parse } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../src/app/schema.js';
import { toGlobalId } from '../src/shared/node-id.js';
import { useTestApp } from './support/app.js';
import type { Client } from './support/client.js';
import { projectWithHistory } from './support/lifecycle.js';

const app = useTestApp();
const schema = await createSchema();

type World = Awaited<ReturnType<typeof projectWithHistory>>;
type Who = 'anonymous' | 'staff' | 'mentor' | 'evaluator' | 'applicant' | 'outsider';

/**
 * Every field that can refuse someone who reaches it, with a role it refuses and a selection that
 * reaches it: every lookup and list of Query (the anonymous are refused all of them), and every
 * nested field with a role rule. Each must be nullable, so the refusal stays at its own path.
 */
const REFUSALS: { field: string; as: Who; select: (w: World) => string; path: string; code: 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' }[] = [
  { field: 'Query.project', as: 'outsider', select: (w) => `project(id: "${w.project.id}") { title }`, path: 'project', code: 'NOT_FOUND' },
  { field: 'Query.projects', as: 'anonymous', select: () => 'projects { totalCount }', path: 'projects', code: 'UNAUTHENTICATED' },
  { field: 'Query.attention', as: 'anonymous', select: () => 'attention { counts { total } }', path: 'attention', code: 'UNAUTHENTICATED' },
  { field: 'Query.compareRevisions', as: 'outsider', select: (w) => `compareRevisions(from: "${w.revision.id}", to: "${w.revision.id}") { changes { field } }`, path: 'compareRevisions', code: 'NOT_FOUND' },
  { field: 'Query.program', as: 'applicant', select: () => `program(id: "${toGlobalId('Program', randomUUID())}") { name }`, path: 'program', code: 'NOT_FOUND' },
  { field: 'Query.programs', as: 'anonymous', select: () => 'programs { totalCount }', path: 'programs', code: 'UNAUTHENTICATED' },
  { field: 'Query.organization', as: 'outsider', select: (w) => `organization(id: "${w.organization.id}") { name }`, path: 'organization', code: 'NOT_FOUND' },
  { field: 'Query.organizations', as: 'anonymous', select: () => 'organizations { totalCount }', path: 'organizations', code: 'UNAUTHENTICATED' },
  { field: 'Query.person', as: 'applicant', select: (w) => `person(id: "${w.staff.id}") { name }`, path: 'person', code: 'NOT_FOUND' },
  { field: 'Query.people', as: 'applicant', select: () => 'people { totalCount }', path: 'people', code: 'FORBIDDEN' },
  { field: 'Query.reviewRound', as: 'mentor', select: (w) => `reviewRound(id: "${w.round.id}") { name }`, path: 'reviewRound', code: 'NOT_FOUND' },
  { field: 'Query.myAssignments', as: 'staff', select: () => 'myAssignments { totalCount }', path: 'myAssignments', code: 'FORBIDDEN' },
  { field: 'Query.overdueActionItems', as: 'anonymous', select: () => 'overdueActionItems { totalCount }', path: 'overdueActionItems', code: 'UNAUTHENTICATED' },
  { field: 'Query.places', as: 'anonymous', select: () => 'places { name }', path: 'places', code: 'UNAUTHENTICATED' },
  { field: 'Query.parks', as: 'anonymous', select: () => 'parks { totalCount }', path: 'parks', code: 'UNAUTHENTICATED' },
  { field: 'Query.districtRollup', as: 'mentor', select: (w) => `districtRollup(districtId: "${w.program.id}") { totals { applied } }`, path: 'districtRollup', code: 'FORBIDDEN' },
  { field: 'Query.node', as: 'outsider', select: (w) => `node(id: "${w.project.id}") { id }`, path: 'node', code: 'NOT_FOUND' },
  { field: 'Query.operationsReport', as: 'mentor', select: (w) => `operationsReport(scope: { parkId: "${w.places.parkId}", year: 2026 }) { title }`, path: 'operationsReport', code: 'FORBIDDEN' },
  { field: 'Query.districtResourceFigures', as: 'mentor', select: (w) => `districtResourceFigures(districtId: "${w.places.districtId}", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { offers }`, path: 'districtResourceFigures', code: 'FORBIDDEN' },
  { field: 'Park.resourceFigures', as: 'mentor', select: (w) => `node(id: "${w.places.parkId}") { ... on Park { name resourceFigures(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { offers } } }`, path: 'node.resourceFigures', code: 'FORBIDDEN' },

  { field: 'Project.coachingSessions', as: 'evaluator', select: (w) => `project(id: "${w.project.id}") { title coachingSessions { totalCount } }`, path: 'project.coachingSessions', code: 'FORBIDDEN' },
  { field: 'Project.openActionItems', as: 'evaluator', select: (w) => `project(id: "${w.project.id}") { title openActionItems { id } }`, path: 'project.openActionItems', code: 'FORBIDDEN' },
  { field: 'Project.proposalReview', as: 'evaluator', select: (w) => `project(id: "${w.project.id}") { title proposalReview { aggregate { score } } }`, path: 'project.proposalReview', code: 'FORBIDDEN' },
  { field: 'Project.closingReview', as: 'evaluator', select: (w) => `project(id: "${w.project.id}") { title closingReview { aggregate { score } } }`, path: 'project.closingReview', code: 'FORBIDDEN' },
  { field: 'Project.supervisionVisits', as: 'evaluator', select: (w) => `project(id: "${w.project.id}") { title supervisionVisits { totalCount } }`, path: 'project.supervisionVisits', code: 'FORBIDDEN' },
  { field: 'Project.serviceReports', as: 'evaluator', select: (w) => `project(id: "${w.project.id}") { title serviceReports { totalCount } }`, path: 'project.serviceReports', code: 'FORBIDDEN' },
  { field: 'Project.progress', as: 'evaluator', select: (w) => `project(id: "${w.project.id}") { title progress { reportsAccepted } }`, path: 'project.progress', code: 'FORBIDDEN' },
  { field: 'Project.closingBlockers', as: 'applicant', select: () => 'projects { nodes { title closingBlockers } }', path: 'projects.nodes.0.closingBlockers', code: 'FORBIDDEN' },
  { field: 'Program.reviewRounds', as: 'mentor', select: (w) => `program(id: "${w.program.id}") { name reviewRounds { totalCount } }`, path: 'program.reviewRounds', code: 'FORBIDDEN' },
  { field: 'Program.statistics', as: 'applicant', select: (w) => `program(id: "${w.program.id}") { name statistics { projects } }`, path: 'program.statistics', code: 'FORBIDDEN' },
  { field: 'Organization.members', as: 'mentor', select: (w) => `organization(id: "${w.organization.id}") { name members { totalCount } }`, path: 'organization.members', code: 'FORBIDDEN' },
  { field: 'ReviewRound.ranking', as: 'evaluator', select: (w) => `reviewRound(id: "${w.round.id}") { name ranking { rank } }`, path: 'reviewRound.ranking', code: 'FORBIDDEN' },
];

/**
 * The non-null fields resolved by code, and why none of them can refuse whoever reached its parent.
 * A new non-null field resolver fails this test until it is listed here, or made nullable and probed above.
 */
const NEVER_REFUSED: Record<string, string[]> = {
  'the record its parent points to, seen with the parent': [
    'ActionItem.project', 'ActionItem.session', 'CoachingSession.coach', 'CoachingSession.project', 'Decision.revision', 'FollowUp.project',
    'FollowUp.visit', 'LifecycleEvent.project', 'Project.program', 'ProposalRevision.project', 'ReviewAssignment.project', 'ReviewAssignment.round',
    'ReviewRound.program', 'ServiceReport.project', 'ServiceReport.submittedBy', 'SupervisionVisit.project', 'SupervisionVisit.visitor',
    'ReportDueEdge.node', 'Park.place', 'Park.district', 'Organization.place', 'ProjectArea.district', 'ProjectType.area', 'ProjectType.district',
    'ProjectRecommendation.project', 'ProjectRecommendation.recommendedBy', 'ResourceOffer.park', 'ResourceOffer.createdBy', 'ResourceNeed.project',
    'ResourceNeed.raisedBy', 'ResourceMatch.offer', 'ResourceMatch.project', 'ResourceMatch.park', 'ResourceMatch.proposedBy', 'ParkActivity.park',
    'ActivitySession.activity', 'ActivityRegistration.activity', 'OperationsReport.district', 'IssuedOperationsReport.issuedBy',
  ],
  // Organization.projects and Program.projects refuse only the anonymous, who reach no organisation or programme.
  'as much of a list as the viewer may see, empty rather than refused': [
    'CoachingSession.actionItems', 'Decision.conditions', 'Organization.projects', 'Program.projects', 'Project.decisions', 'Project.events',
    'Project.mentors', 'Project.nextStatuses', 'Project.revisions', 'Project.scorecards', 'SupervisionVisit.followUps',
    // Places, parks and taxonomies are public to every signed-in person; a funnel's projects are those the viewer may see.
    'Place.children', 'Park.streets', 'ProjectArea.types', 'Place.projectAreas', 'Place.projectTypes', 'Program.projectTypes', 'Funnel.projects',
    // An activity's sessions and organisations are seen with it; its projects and an offer's matches are filtered by their own rules.
    'Project.recommendations', 'ResourceOffer.matches', 'ParkActivity.sessions', 'ParkActivity.projects', 'ParkActivity.organizations',
    'ActivityRegistration.attendedSessions', 'OperationsReport.sections', 'OperationsReport.issues', 'IssuedOperationsReport.sections',
  ],
  // A view that is not the viewer's role's is empty, and the counts of such views 0.
  'what needs the viewer, empty where nothing does': [
    'Attention.counts', 'Attention.waitingForEvaluators', 'Attention.overdueAssignments', 'Attention.undecidedReviews', 'Attention.reportsAwaitingAcceptance',
    'Attention.missingReports', 'Attention.overdueFollowUps', 'Attention.warningVisits', 'Attention.openActionItems', 'Attention.assignmentsDue',
    'Attention.reportsDue', 'Attention.returnedReports',
  ],
  'computed from the parent for the viewer, withholding parts rather than refusing': [
    'ActionItem.done', 'ActionItem.overdue', 'FollowUp.open', 'LifecycleEvent.cursor', 'LifecycleEvent.details', 'LifecycleEvent.detailsJson',
    'Program.isOpen', 'ReviewAssignment.stale', 'Place.fullName', 'Organization.district', 'OrganizationMove.movedAt',
    // The statistics object is refused or given whole (Program.statistics); its breakdowns are parts of it.
    'ProgramStatistics.byArea', 'ProgramStatistics.byType',
    'ResourceOffer.available', 'ResourceNeed.open', 'ResourceMatch.proposedAt', 'ParkActivity.attendance', 'ActivitySession.checkedIn',
    'ActivitySession.personTimes', 'ActivityRegistration.name',
    // A report is refused or given whole (Query.operationsReport, node(id:) of an issued one); its figures, sentences and links are parts of it,
    // and every row a figure drills down to is filtered by that row's own rule.
    'OperationsReport.title', 'OperationsReport.periodStart', 'OperationsReport.version', 'OperationsReport.figures', 'OperationsReport.summary',
    'IssuedOperationsReport.title', 'IssuedOperationsReport.issuedAt', 'IssuedOperationsReport.figures', 'IssuedOperationsReport.summary',
    'IssuedOperationsReport.docxPath', 'IssuedOperationsReport.htmlPath',
  ],
};

/** `viewerCan` and its flags say whether the viewer may act: they answer false, never refuse. */
const isPermissionFlag = (field: string) => /^\w+\.viewerCan$|^\w+ViewerCan\./.test(field);

const fieldDefinition = (name: string) => {
  const [typeName, fieldName] = name.split('.');
  const type = schema.getType(typeName);
  return isObjectType(type) ? type.getFields()[fieldName] : undefined;
};
const isNullable = (name: string) => !isNonNullType(fieldDefinition(name)!.type);

/** `Type.field` of every field resolver in the schema (entity properties cannot refuse anyone). */
function resolvedFields(): string[] {
  const names = getMetadataStorage().fieldResolvers.map((resolver) => `${resolver.getObjectType?.().name}.${resolver.schemaName}`);
  return [...new Set(names)].filter((name) => fieldDefinition(name));
}

describe('what can be refused is nullable', () => {
  it('has every Query field nullable, and a refusal above for each but `viewer` (null for the anonymous, never refused)', () => {
    const queryFields = Object.keys(schema.getQueryType()!.getFields()).map((field) => `Query.${field}`);
    expect(queryFields.filter((field) => !isNullable(field))).toEqual([]);
    expect(queryFields.filter((field) => field !== 'Query.viewer' && !REFUSALS.some((r) => r.field === field))).toEqual([]);
  });

  it('has every field refused above nullable', () => {
    expect(REFUSALS.filter((r) => !fieldDefinition(r.field) || !isNullable(r.field)).map((r) => r.field)).toEqual([]);
  });

  it('knows why each non-null field resolver can never refuse', () => {
    const explained = Object.values(NEVER_REFUSED).flat();
    const nonNull = resolvedFields().filter((field) => !isNullable(field));
    expect(nonNull.filter((field) => !explained.includes(field) && !isPermissionFlag(field)), 'non-null field resolvers with no reason here').toEqual([]);
    expect(explained.filter((field) => !nonNull.includes(field)), 'listed, but nullable or gone').toEqual([]);
  });
});

describe('one refusal leaves the rest of the answer', () => {
  let world: World;
  let cast: Record<Who, { client: Client; name: string | null }>;

  beforeAll(async () => {
    world = await projectWithHistory(app());
    const of = (p: { client: Client; name: string }) => ({ client: p.client, name: p.name });
    cast = {
      anonymous: { client: app().anonymous, name: null },
      staff: of(world.staff),
      mentor: of(world.mentor),
      evaluator: of(world.assignments[0].evaluator),
      applicant: of(world.applicant),
      outsider: of(world.outsider),
    };
  }, 120_000);

  it.each(REFUSALS)('$field refuses the $as with $code at $path; `viewer` is still answered', async ({ as, select, path, code }) => {
    const { client, name } = cast[as];
    const document = parse(`{ viewer { name } ${select(world)} }`) as TypedDocumentNode<Record<string, unknown>, Record<string, never>>;
    const result = await client.request(document);

    expect(result.data?.viewer).toEqual(name === null ? null : { name });
    const steps = path.split('.');
    const parent = steps.slice(0, -1).reduce<unknown>((value, step) => (value as Record<string, unknown>)[step], result.data);
    expect(parent, 'what holds the refused field is kept').toBeTruthy();
    expect(parent).toHaveProperty([steps.at(-1)!], null);
    expect(result.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([[code, path]]);
  });
});
