import { createPubSub } from '@graphql-yoga/subscription';
import { GraphQLInterfaceType, GraphQLObjectType, isAbstractType, lexicographicSortSchema, printSchema, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { AttentionResolver, ReportDueEdgeResolver } from '../modules/attention/attention.resolver.js';
import { ActionItemResolver, CoachingSessionResolver, ProjectCoachingResolver } from '../modules/coaching/coaching.resolver.js';
import { LifecycleEventResolver, ProjectEventsResolver } from '../modules/events/event.resolver.js';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { ClosingResolver } from '../modules/closing/closing.resolver.js';
import { DecisionConditionResolver, DecisionResolver, ProjectDecisionResolver } from '../modules/decisions/decision.resolver.js';
import { ProgramReviewResolver, ProjectReviewResolver, ReviewAssignmentResolver, ReviewRoundResolver } from '../modules/reviews/review.resolver.js';
import { OrganizationResolver } from '../modules/organizations/organization.resolver.js';
import { PersonResolver } from '../modules/people/person.resolver.js';
import { OrganizationMoveResolver, OrganizationPlaceResolver, ParkResolver, PersonWorkplacesResolver, PlaceResolver, ProgramPlaceResolver, ProjectPlaceResolver } from '../modules/places/places.resolver.js';
import { SignInResolver } from '../modules/people/sign-in.resolver.js';
import { ProgramResolver } from '../modules/programs/program.resolver.js';
import { ProjectResolver, ProposalRevisionResolver } from '../modules/projects/project.resolver.js';
import { REVISION_ITEM_CHANGE_TYPES } from '../modules/projects/project.types.js';
import { ProjectReportsResolver, ServiceReportResolver } from '../modules/reports/reports.resolver.js';
import { DistrictResourcesResolver, ParkResourcesResolver, ProjectResourcesResolver, ResourceMatchResolver, ResourceNeedResolver, ResourceOfferResolver } from '../modules/resources/resources.resolver.js';
import { FollowUpResolver, ProjectSupervisionResolver, SupervisionVisitResolver } from '../modules/supervision/supervision.resolver.js';
import { ProgramStatisticsResolver } from '../modules/statistics/program-statistics.resolver.js';
import { DistrictRollupResolver, FunnelResolver, ParkFunnelResolver } from '../modules/statistics/rollup.resolver.js';
import { PlaceTaxonomyResolver, ProgramTaxonomyResolver, ProjectAreaResolver, ProjectTaxonomyResolver, ProjectTypeResolver } from '../modules/taxonomy/taxonomy.resolver.js';
import { ProgramTaxonomyStatisticsResolver } from '../modules/statistics/taxonomy-statistics.resolver.js';
import { ActivityRegistrationResolver, ActivitySessionResolver, ParkActivitiesResolver, ParkActivityResolver } from '../modules/park-activities/park-activities.resolver.js';
import { IssuedOperationsReportResolver, OperationsReportResolver } from '../modules/operations-report/operations-report.resolver.js';
import { ProjectRecommendationResolver, ProjectRecommendationsResolver } from '../modules/recommendations/recommendations.js';
import { SubscriptionResolver } from '../modules/subscriptions/subscription.resolver.js';
import { toGlobalId } from '../shared/node-id.js';
import { resolveDeferredFields } from './compiled-queries.js';

export const resolvers = [
  NodeResolver,
  PersonResolver,
  SignInResolver,
  OrganizationResolver,
  PlaceResolver,
  ParkResolver,
  PersonWorkplacesResolver,
  OrganizationPlaceResolver,
  OrganizationMoveResolver,
  ProgramPlaceResolver,
  ProjectPlaceResolver,
  ProjectAreaResolver,
  ProjectTypeResolver,
  PlaceTaxonomyResolver,
  ProgramTaxonomyResolver,
  ProjectTaxonomyResolver,
  ProgramResolver,
  ProjectResolver,
  ProposalRevisionResolver,
  ProjectEventsResolver,
  LifecycleEventResolver,
  SupervisionVisitResolver,
  FollowUpResolver,
  ProjectSupervisionResolver,
  ServiceReportResolver,
  ProjectReportsResolver,
  ReviewRoundResolver,
  ReviewAssignmentResolver,
  ProjectReviewResolver,
  ProgramReviewResolver,
  DecisionResolver,
  DecisionConditionResolver,
  ProjectDecisionResolver,
  ClosingResolver,
  CoachingSessionResolver,
  ActionItemResolver,
  ProjectCoachingResolver,
  ProgramStatisticsResolver,
  ProgramTaxonomyStatisticsResolver,
  DistrictRollupResolver,
  ParkFunnelResolver,
  FunnelResolver,
  SubscriptionResolver,
  AttentionResolver,
  ReportDueEdgeResolver,
  ResourceOfferResolver,
  ResourceNeedResolver,
  ResourceMatchResolver,
  ParkResourcesResolver,
  ProjectResourcesResolver,
  DistrictResourcesResolver,
  ParkActivityResolver,
  ActivitySessionResolver,
  ActivityRegistrationResolver,
  ParkActivitiesResolver,
  OperationsReportResolver,
  IssuedOperationsReportResolver,
  ProjectRecommendationResolver,
  ProjectRecommendationsResolver,
] as const;

/** Every `Node` type's `id` becomes the opaque global ID here, once, instead of in each resolver. */
function globaliseNodeIds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLObjectType && type.getInterfaces().some((i) => i.name === 'Node')) {
      type.getFields().id.resolve = (source: { id: string }) => toGlobalId(type.name, source.id);
    }
  }
  return schema;
}

/** type-graphql builds the root types without a description: they are given theirs here. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const descriptions: [GraphQLObjectType | null | undefined, string][] = [
    [schema.getQueryType(), 'Reads. Every lookup by ID and every list is nullable: refused, it is null with a coded error at its path, and the rest of the answer stands.'],
    [schema.getMutationType(), 'Writes. Each mutation takes one `input`, runs in one transaction, and returns a payload whose `userErrors` say why nothing changed.'],
    [schema.getSubscriptionType(), 'Live events over graphql-ws (`connectionParams: { authorization: "Bearer <token>" }`), filtered for each subscriber by the same rules as queries; resume with `after`.'],
  ];
  for (const [type, description] of descriptions) if (type) type.description = description;
  return schema;
}

/**
 * A plain field (no field resolver, middleware or roles, and named as its property) is read by
 * graphql-js's default resolver, as type-graphql's `simple` option does, instead of through a
 * wrapper that builds its middleware chain per value: a page of fifty projects resolves about a
 * thousand of them.
 */
function resolvePlainFieldsDirectly(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.middlewares?.length && !field.roles && field.name === field.schemaName) field.simple = true;
  }
}

/**
 * Interfaces and unions name the runtime type of a value at once. type-graphql wraps each of their
 * `resolveType` functions in an async one, which costs a promise and a later tick for every value
 * of an abstract type (each `node(id:)`, each event's details); ours all answer synchronously, with
 * a type name or a class.
 */
function resolveTypesAtOnce(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const names = new Map<unknown, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  for (const { name, resolveType } of [...storage.interfaceTypes, ...storage.unions]) {
    const type = schema.getType(name);
    if (!resolveType || !type || !isAbstractType(type)) continue;
    type.resolveType = (value, context, info, abstractType) => {
      const resolved = resolveType(value, context, info, abstractType) as unknown;
      if (resolved instanceof Promise) throw new Error(`${name}'s resolveType must answer synchronously.`);
      return typeof resolved === 'function' ? names.get(resolved) : ((resolved as string | null | undefined) ?? undefined);
    };
  }
  return schema;
}

/**
 * A field resolver that takes only its parent, the context and the resolve info (most of them:
 * `mentors(@Ctx() ctx, @Root() project)`) is called directly. type-graphql's wrapper builds, per
 * call, a record of the resolver's data, asks its container for the resolver's instance and sorts
 * the parameters' metadata into a new array (about a third of what a page of fifty projects
 * allocated); here the parameters are read in order once, when the schema is built. Fields with
 * arguments, middleware or roles keep type-graphql's wrapper, which converts and checks arguments.
 */
function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const types = new Map<Function, { name: string }>([...storage.objectTypes, ...storage.interfaceTypes].map((type) => [type.target, type]));
  // The fields each object type declares itself, by its name.
  const declared = new Map(storage.objectTypes.map((type) => [type.name, new Set((type.fields ?? []).map((field) => field.schemaName))]));
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || !(resolvers as readonly Function[]).includes(resolver.target) || resolver.middlewares?.length || resolver.roles) continue;
    const read = [...(resolver.params ?? [])]
      .sort((a, b) => a.index - b.index)
      .map((param): ParamReader | undefined => {
        const key = 'propertyName' in param ? param.propertyName : undefined;
        if (param.kind === 'root' && !param.getType) return key ? (root) => (root as Record<string, unknown>)[key] : (root) => root;
        if (param.kind === 'context') return key ? (_, context) => (context as Record<string, unknown>)[key] : (_, context) => context;
        if (param.kind === 'info') return (_, __, info) => info;
        return undefined;
      });
    if (read.some((reader) => !reader) || read.length > 3) continue;
    const [a, b, c] = read as ParamReader[];
    const Target = resolver.target as new () => Record<string, (...params: unknown[]) => unknown>;
    const method = resolver.methodName;
    let instance: Record<string, (...params: unknown[]) => unknown> | undefined;
    const call = (): Record<string, (...params: unknown[]) => unknown> => (instance ??= new Target());
    const resolve: GraphQLFieldResolver<unknown, unknown> =
      read.length === 0 ? () => call()[method]()
      : read.length === 1 ? (root, _, context, info) => call()[method](a(root, context, info))
      : read.length === 2 ? (root, _, context, info) => call()[method](a(root, context, info), b(root, context, info))
      : (root, _, context, info) => call()[method](a(root, context, info), b(root, context, info), c(root, context, info));
    const owner = types.get(resolver.getObjectType!());
    const type = owner && schema.getType(owner.name);
    // An interface's field resolver answers for each type that implements it, unless the type declares the field itself.
    const answering =
      type instanceof GraphQLInterfaceType ? [type, ...schema.getPossibleTypes(type).filter((each) => !declared.get(each.name)?.has(resolver.schemaName))]
      : type instanceof GraphQLObjectType ? [type]
      : [];
    for (const each of answering) {
      const field = each.getFields()[resolver.schemaName];
      if (field && !field.args.length) field.resolve = resolve;
    }
  }
  return schema;
}

type ParamReader = (root: unknown, context: unknown, info: unknown) => unknown;

export async function createSchema(): Promise<GraphQLSchema> {
  resolvePlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers,
    pubSub: createPubSub(),
    // Reached only through an interface that is itself reached only through an interface, which type-graphql does not follow.
    orphanedTypes: [...REVISION_ITEM_CHANGE_TYPES],
    validate: false,
    emitSchemaFile: false,
  });
  return resolveDeferredFields(describeRootTypes(resolveTypesAtOnce(globaliseNodeIds(callFieldResolversDirectly(schema)))));
}

/** The SDL committed as schema/schema.graphql: sorted, so it diffs cleanly. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
