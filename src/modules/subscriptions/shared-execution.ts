import {
  createSourceEventStream,
  execute,
  getNamedType,
  getOperationAST,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldMap,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Viewer } from '../../shared/auth.js';
import { eventUnit, renewForEvent, type Context, type EventUnit } from '../../shared/context.js';
import { eventViewerClass } from '../events/event.permissions.js';
import type { EventRecord } from './event-dispatcher.js';

/**
 * The fields whose answer, for a live event, is decided by the viewer's class towards the event and
 * its project (eventViewerClass: roles; staff, applicant, mentor or evaluator of the project; the
 * actor; the evaluator named), so that viewers of one class may share one execution. Each entry was
 * read against its resolver: either a plain column, the same for everyone who sees the object, or a
 * rule over exactly those facts (canSeeEventActor, visibleEventDetails, canSeeApplicant,
 * canSeeReviewSummary, the evaluator's own-or-staff rule). Every field of the event's typed details
 * is plain data. A field not listed here (viewerCan, email, a connection, anything reaching past the
 * project) makes the subscription share only with the same viewer's other subscriptions. A new rule
 * on a listed field must only consult those facts, or the field must leave this list.
 */
const CLASS_DECIDED: Record<string, readonly string[]> = {
  Subscription: ['reviewStatusChanged', 'projectEvents'],
  LifecycleEvent: ['id', 'type', 'createdAt', 'cursor', 'fromStatus', 'toStatus', 'details', 'detailsJson', 'actor', 'evaluator', 'project'],
  Project: [
    'id', 'title', 'focusArea', 'communityServed', 'status', 'revisionCount', 'submittedAt', 'approvedGrant', 'finalScore', 'finalGrade',
    'createdAt', 'updatedAt', 'program', 'organization', 'leadStaff', 'mentors', 'proposalReview', 'closingReview',
  ],
  ReviewSummary: ['progress', 'aggregate'],
  ReviewProgress: ['active', 'recused', 'required', 'stale', 'submitted'],
  ReviewAggregate: ['counted', 'dropped', 'pending', 'rule', 'score'],
  Program: ['id', 'name', 'year', 'funder', 'blindReview'],
  Organization: ['id', 'name', 'kind'],
  Person: ['id', 'name'],
};
/** The union of the typed details: it and every type it reaches are plain data. */
const DETAILS_TYPE = 'EventDetails';

/** How many subscribers' events this instance answered, with how many GraphQL executions and serialisations. */
export interface SharingStats {
  executions: number;
  deliveries: number;
  serializations: number;
  /** Units of work opened for executions: one per event for all its groups by class, one per execution otherwise. */
  units: number;
}

/**
 * What stands in a message for a shared result until the socket sends it. A message ends with it only
 * when it is the payload of a `next` message: any other payload is an object, and its JSON ends in `}`.
 */
const MARKER = '\u0000shared result\u0000';
const MARKER_END = `${JSON.stringify(MARKER)}}`;

interface Plan {
  /** The operation, its name and variables: subscribers with the same text ask the same question. */
  operation: string;
  /** Whether every field selected is one CLASS_DECIDED lists (else results are shared per viewer). */
  byClass: boolean;
}

/**
 * graphql-ws's `subscribe`: the source stream as graphql-js makes it (the subscription resolver's
 * queue of EventRecords), each event executed once per group of subscribers that ask the same
 * operation with the same variables and may see the same answer (see resultFor), and the result handed
 * to every subscriber of the group. An event's results are kept against its EventRecord, which the
 * dispatcher hands to all of its subscribers: they go when the last subscriber has sent it.
 */
export class SharedExecution {
  readonly stats: SharingStats = { executions: 0, deliveries: 0, serializations: 0, units: 0 };
  /**
   * Per event, the unit of work its executions by class read through: what their fields read
   * (the project, organisation, programme, team, review facts) is read once for all of its groups.
   */
  private readonly units = new WeakMap<EventRecord, EventUnit>();
  /** Results handed to a group, and their JSON once made. */
  private readonly shared = new WeakSet<object>();
  private readonly json = new WeakMap<object, string>();
  /** The JSON of the shared result in the message being stringified, for the `send` that follows it. */
  private pending: string | null = null;
  /** Per event, per operation text, per class (or viewer): the result. */
  private readonly results = new WeakMap<EventRecord, Map<string, Map<string, Promise<ExecutionResult>>>>();
  private readonly classDecided: Map<string, ReadonlySet<string>>;
  /** Documents are shared by the sockets that send the same text (see the server's operation cache): printed once. */
  private readonly texts = new WeakMap<DocumentNode, string>();

  constructor(private readonly schema: GraphQLSchema) {
    this.classDecided = new Map(Object.entries(CLASS_DECIDED).map(([type, fields]) => [type, new Set(fields)]));
    for (const type of reachableTypes(schema, DETAILS_TYPE)) this.classDecided.set(type.name, new Set(Object.keys(fieldsOf(type))));
  }

  subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const plan = this.plan(args);
    const viewer = (args.contextValue as Context).viewer!;
    return mapStream(source as AsyncIterableIterator<EventRecord>, (event) => this.resultFor(args, plan, viewer, event));
  };

  private plan(args: ExecutionArgs): Plan {
    const operation = getOperationAST(args.document, args.operationName)!;
    const fragments = Object.fromEntries(
      args.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
    );
    let text = this.texts.get(args.document);
    if (text === undefined) this.texts.set(args.document, (text = print(args.document)));
    return {
      operation: `${text}\n${args.operationName ?? ''}\n${stableJson(args.variableValues ?? {})}`,
      byClass: this.selects(this.schema.getSubscriptionType()!, operation.selectionSet, fragments),
    };
  }

  /** Whether the selection reads only class-decided fields, through fragments and type conditions. */
  private selects(type: GraphQLCompositeType, selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): boolean {
    return selectionSet.selections.every((selection) => {
      if (selection.kind === 'InlineFragment' || selection.kind === 'FragmentSpread') {
        const fragment = selection.kind === 'FragmentSpread' ? fragments[selection.name.value] : selection;
        if (!fragment) return false;
        const on = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : type;
        return !!on && isCompositeType(on) && this.selects(on, fragment.selectionSet, fragments);
      }
      const name = selection.name.value;
      if (name === '__typename') return true;
      // On an abstract type, a field must be class-decided on every type that may answer it.
      const answering = isAbstractType(type) ? this.schema.getPossibleTypes(type) : [type];
      if (!answering.every((object) => this.classDecided.get(object.name)?.has(name))) return false;
      if (!selection.selectionSet) return true;
      const field = fieldsOf(type)[name];
      const named = field && getNamedType(field.type);
      return !!named && isCompositeType(named) && this.selects(named, selection.selectionSet, fragments);
    });
  }

  private unitOf(event: EventRecord, ctx: Context): EventUnit {
    let unit = this.units.get(event);
    if (!unit) this.units.set(event, (unit = this.newUnit(ctx)));
    return unit;
  }

  private newUnit(ctx: Context): EventUnit {
    this.stats.units++;
    return eventUnit(ctx.em);
  }

  /**
   * A group's result is serialised once. graphql-ws frames every result in a message of its own
   * (`{"id":…,"type":"next","payload":…}`) and stringifies it per socket: as its
   * `jsonMessageReplacer`, this puts a marker in place of a shared payload, and `framed`, applied by
   * each socket's `send` to the message that follows at once, puts the payload's JSON, made once, in
   * place of the marker, which ends the message.
   */
  replacer = (key: string, value: unknown): unknown => {
    if (key !== 'payload' || !value || typeof value !== 'object' || !this.shared.has(value)) return value;
    let json = this.json.get(value);
    if (json === undefined) {
      this.json.set(value, (json = JSON.stringify(value)));
      this.stats.serializations++;
    }
    this.pending = json;
    return MARKER;
  };

  framed = (message: string): string => {
    const json = this.pending;
    if (json === null || !message.endsWith(MARKER_END)) return message;
    this.pending = null;
    return `${message.slice(0, -MARKER_END.length)}${json}}`;
  };

  private resultFor(args: ExecutionArgs, plan: Plan, viewer: Viewer, event: EventRecord): Promise<ExecutionResult> {
    const audience = plan.byClass ? `class:${eventViewerClass(viewer, event, event.audience!)}` : `viewer:${viewerKey(viewer)}`;
    let byOperation = this.results.get(event);
    if (!byOperation) this.results.set(event, (byOperation = new Map()));
    let byAudience = byOperation.get(plan.operation);
    if (!byAudience) byOperation.set(plan.operation, (byAudience = new Map()));
    this.stats.deliveries++;
    let result = byAudience.get(audience);
    if (!result) {
      this.stats.executions++;
      renewForEvent(args.contextValue as Context, plan.byClass ? this.unitOf(event, args.contextValue as Context) : this.newUnit(args.contextValue as Context));
      result = Promise.resolve(execute({ ...args, rootValue: event })).then((done) => {
        this.shared.add(done);
        return done;
      });
      byAudience.set(audience, result);
    }
    return result;
  }
}

/** Everything about a viewer that any rule may consult: the same person with the same standing. */
const viewerKeys = new WeakMap<Viewer, string>();
function viewerKey(viewer: Viewer): string {
  let key = viewerKeys.get(viewer);
  if (key === undefined) viewerKeys.set(viewer, (key = stableJson({ ...viewer, sessionId: undefined })));
  return key;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

const fieldsOf = (type: GraphQLNamedType): GraphQLFieldMap<unknown, unknown> => (isObjectType(type) || isInterfaceType(type) ? type.getFields() : {});

/** The named composite type and every object, interface or union type reachable from its fields. */
function reachableTypes(schema: GraphQLSchema, name: string): GraphQLNamedType[] {
  const seen = new Map<string, GraphQLNamedType>();
  const visit = (type: GraphQLNamedType | undefined | null): void => {
    if (!type || seen.has(type.name) || !isCompositeType(type)) return;
    seen.set(type.name, type);
    if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) visit(possible);
    if (isObjectType(type)) for (const implemented of type.getInterfaces()) visit(implemented);
    for (const field of Object.values(fieldsOf(type))) visit(getNamedType(field.type));
  };
  visit(schema.getType(name));
  return [...seen.values()];
}

/**
 * The stream of results: each `next` takes the next event and waits for its result. `return` ends the
 * source at once, even while a `next` waits for an event (an async generator would wait for it).
 */
function mapStream<T, R>(source: AsyncIterableIterator<T>, map: (item: T) => Promise<R>): AsyncIterableIterator<R> {
  return {
    async next() {
      const item = await source.next();
      return item.done ? { value: undefined, done: true } : { value: await map(item.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
