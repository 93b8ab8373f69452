import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType, MAY_BE_PROMISE, PageInfo, connectionDescription, type Page } from '../../shared/connection.js';
import { FollowUp } from '../supervision/follow-up.entity.js';

/** A month a project owes its report: the edge carries the month, its node is the project. */
export interface ReportDue {
  projectId: string;
  period: string;
  overdue: boolean;
}

@ObjectType({ description: 'A monthly report a project in delivery owes: the project (`node`) and the month, with its place in the list.' })
export class ReportDueEdge implements ReportDue {
  @Field(() => String, { description: 'Opaque keyset cursor marking this item’s place in the list that gave it out; pass it back unchanged as `after` or `before`.' })
  cursor!: string;

  @Field(() => String, { description: 'The month to report, YYYY-MM (Shenzhen months).' })
  period!: string;

  @Field(() => Boolean, { description: 'Whether the month is over: a report for a past month is late.' })
  overdue!: boolean;

  projectId!: string;
}

@ObjectType({ description: 'A page of reports owed (Relay connection): each edge a project and a month, a project once per month it owes; with the count of the whole list.' })
export class ReportDueConnection {
  @Field(() => [ReportDueEdge], { description: 'The page’s items with their cursors, in the list’s order.' }) edges!: ReportDueEdge[];
  @Field(() => PageInfo, { description: 'Whether there is more on either side, and the cursors to get it.' }) pageInfo!: PageInfo;
  @Extensions({ [MAY_BE_PROMISE]: true })
  @Field(() => Int, { description: 'How many items match, across all pages.' })
  totalCount!: number;
}

/**
 * A page of owed months as a connection whose edges carry the month. A class, not a literal with a
 * getter over the page: see ReadPage in shared/connection.ts for what such literals kept alive.
 */
class ReportDuePage implements ReportDueConnection {
  readonly edges: ReportDueEdge[];
  readonly pageInfo: PageInfo;

  constructor(private readonly page: Page<ReportDue>) {
    this.edges = page.edges.map(({ cursor, node }) => Object.assign(new ReportDueEdge(), { cursor, ...node }));
    this.pageInfo = page.pageInfo;
  }

  /** Read when the field is: counting the list costs a statement of its own (see sqlPage). */
  get totalCount(): number {
    return this.page.totalCount as number;
  }
}

export const reportDueConnection = (page: Page<ReportDue>): ReportDueConnection => new ReportDuePage(page);

@ObjectType({ description: connectionDescription(FollowUp) })
export class FollowUpConnection extends ConnectionType(FollowUp) {}

@ObjectType({ description: 'How many items each attention view holds for the viewer, for a badge; a view that is not the viewer’s role’s is 0.' })
export class AttentionCounts {
  @Field(() => Int, { description: 'All of the items below together.' }) total!: number;
  @Field(() => Int, { description: 'Items of `waitingForEvaluators`.' }) waitingForEvaluators!: number;
  @Field(() => Int, { description: 'Items of `overdueAssignments`.' }) overdueAssignments!: number;
  @Field(() => Int, { description: 'Items of `undecidedReviews`.' }) undecidedReviews!: number;
  @Field(() => Int, { description: 'Items of `reportsAwaitingAcceptance`.' }) reportsAwaitingAcceptance!: number;
  @Field(() => Int, { description: 'Items of `missingReports`.' }) missingReports!: number;
  @Field(() => Int, { description: 'Items of `overdueFollowUps`.' }) overdueFollowUps!: number;
  @Field(() => Int, { description: 'Items of `warningVisits`.' }) warningVisits!: number;
  @Field(() => Int, { description: 'Items of `openActionItems`.' }) openActionItems!: number;
  @Field(() => Int, { description: 'Items of `assignmentsDue`.' }) assignmentsDue!: number;
  @Field(() => Int, { description: 'Items of `reportsDue`.' }) reportsDue!: number;
  @Field(() => Int, { description: 'Items of `returnedReports`.' }) returnedReports!: number;
}

@ObjectType({
  description:
    'What needs the viewer today, computed from the data: one keyset-paged list per duty, each covering the projects the viewer’s role covers (staff all, a mentor theirs, an applicant their organisation’s, an evaluator their assignments). Dates are Shenzhen (Asia/Shanghai) dates.',
})
export class Attention {}
