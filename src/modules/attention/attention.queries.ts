import type { EntityName } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, hasRole, inRoles, isStaff, requireViewer, type Viewer } from '../../shared/auth.js';
import { ascending, descending, entitySql, listOrder, namedRowPrefetch, prefetchAll, rowMapper, sqlPage, type ListOrder, type PageArgs, type PageRow, type Prefetch, type SelectedFields, type Sql } from '../../shared/connection.js';
import { readRows } from '../../shared/read.js';
import { ActionItem } from '../coaching/action-item.entity.js';
import { coachingProjectsFilter } from '../coaching/coaching.permissions.js';
import { platformDate } from '../coaching/due-dates.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { projectPagePrefetch } from '../projects/project.queries.js';
import { visibleProjectsFilter } from '../projects/project.permissions.js';
import { currentPeriod } from '../reports/reports.service.js';
import { ServiceReport } from '../reports/service-report.entity.js';
import { ReviewAssignment } from '../reviews/review-assignment.entity.js';
import { ReviewRound } from '../reviews/review-round.entity.js';
import { FollowUp } from '../supervision/follow-up.entity.js';
import { SupervisionVisit } from '../supervision/supervision-visit.entity.js';
import type { ReportDue } from './attention.types.js';

// Each view is one role's duty: a person with several roles gets each view for the role it belongs to (inRoles).

/**
 * The rows of the projects the rule `filter` lets the viewer see, as a subquery. Views over projects
 * read `from (rows) p`, so the rule's own indexes (park, district, mentor) pick the few projects
 * first; views over a project's rows use `ids` of it.
 */
const projectRows = (ctx: Context, filter: ReturnType<typeof visibleProjectsFilter>): Sql => entitySql(ctx.em, Project, filter);

/**
 * How a view reads the viewer's projects: a page inlines them (`inline`); the counts statement reads
 * each distinct set once, as a common table expression the views name (see viewCounts).
 */
type Scoped = (rows: Sql) => Sql;
const inline: Scoped = (rows) => rows;
const ids = (rows: Sql): Sql => ({ text: `select v.id from (${rows.text}) v`, params: rows.params });

/** Projects staff follow, and mentors for the projects they mentor. */
const supervised = (ctx: Context, viewer: Viewer, scoped: Scoped) => scoped(projectRows(ctx, visibleProjectsFilter(inRoles(viewer, Role.ADMIN, Role.STAFF, Role.MENTOR))));
const staffOnly = (ctx: Context, viewer: Viewer, scoped: Scoped) => scoped(projectRows(ctx, visibleProjectsFilter(inRoles(viewer, Role.ADMIN, Role.STAFF))));
const applicants = (ctx: Context, viewer: Viewer, scoped: Scoped) => scoped(projectRows(ctx, visibleProjectsFilter(inRoles(viewer, Role.APPLICANT))));

/**
 * A project's review of the kind its status calls for (closing in CLOSING_REVIEW, else the proposal):
 * assignments that count (not recused, on the current revision) and their submitted scorecards, as
 * `review-progress.ts` counts them.
 */
const REVIEW_PROGRESS = `cross join lateral (
    select count(*) filter (where a.status <> 'RECUSED') as active, count(*) filter (where a.status = 'SUBMITTED') as submitted,
           count(*) filter (where a.status = 'ASSIGNED') as pending
      from review_assignment a join review_round r on r.id = a.round_id
     where a.project_id = p.id and r.kind = case when p.status = 'CLOSING_REVIEW' then 'CLOSING' else 'PROPOSAL' end
       and (a.revision_id is null or a.revision_id = p.current_revision_id)) progress
  join program g on g.id = p.program_id`;

/** Unreported months of projects in delivery (of `scope`, project rows), from the month delivery started up to `until` (a YYYY-MM-01), in Shenzhen months. */
function unreportedMonths(scope: Sql, until: string): Sql {
  return {
    text: `select p.id as project_id, to_char(m.month, 'YYYY-MM') as period
             from (${scope.text}) p
             cross join lateral generate_series(
               (select date_trunc('month', min(ev.created_at) at time zone 'Asia/Shanghai') from lifecycle_event ev where ev.project_id = p.id and ev.to_status = 'IN_PROGRESS'),
               ?::timestamp, interval '1 month') as m(month)
             /* Each project's reported months, read by its index (an anti-join would read every report). */
             cross join lateral (select coalesce(array_agg(r.period::text), '{}') as periods from service_report r where r.project_id = p.id) reported
            where p.status = 'IN_PROGRESS' and to_char(m.month, 'YYYY-MM') <> all (reported.periods)`,
    params: [...scope.params, until],
  };
}

/** The first day of the month before `period` (YYYY-MM). */
function previousMonthStart(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
}

interface View<T> {
  /** The rows of the view, from the viewer's projects as `scoped` reads them. */
  source(ctx: Context, viewer: Viewer, scoped: Scoped): Sql;
  order: ListOrder;
  map(ctx: Context, row: PageRow): T;
  /** What the page reads along for the `fields` its items show (see Prefetch): by default, each item's project where it shows it. */
  prefetch?(ctx: Context, fields: SelectedFields): Prefetch | undefined;
  /**
   * Its scope is an organisation's own projects, a few for every viewer, so one plan serves all: the
   * statement is prepared (see PagePlanning). Parsing and planning a view's statement each time cost
   * PostgreSQL more than running it. A viewer without a staff or administrator role sees only their
   * own rows in every view (a mentor's projects, an evaluator's assignments): theirs are prepared too.
   * A staff member's views are prepared with their values written in (PagePlanning.valuesWritten):
   * one plan per park or district, where one plan for all would not serve both.
   */
  planOnce?: boolean;
}

type Related = Record<string, [entity: new () => { id: string }, column: string]>;

/** The rows an item names (`field: [entity, its key column]`), read with the page where its items show the field (namedRowPrefetch). */
const rowsNamed = (related: Related) => (ctx: Context, fields: SelectedFields) =>
  prefetchAll(Object.entries(related).map(([field, [entity, column]]) => (fields.has(field) ? namedRowPrefetch(ctx, entity, `page.${column}`) : undefined)));

const itsProject = rowsNamed({ project: [Project, 'project_id'] });
/** An owed month's node is its project: read when anything of the node is shown. */
const nodeIsProject = (ctx: Context, fields: SelectedFields) => (fields.size ? namedRowPrefetch(ctx, Project, 'page.project_id') : undefined);

function entityView<T extends object>(entity: EntityName<T>, order: ListOrder, source: View<T>['source'], prefetch: View<T>['prefetch'] = itsProject): View<T> {
  return { source, order, map: (ctx, row) => rowMapper(ctx.em, entity)(row), prefetch };
}

const oldestSubmittedFirst = (name: string) => listOrder(`attention.${name}`, ascending('submitted_at', 'timestamp'));
const earliestDueFirst = (name: string) => listOrder(`attention.${name}`, ascending('due_date', 'date'));

/** Every attention view: what it lists, for whom, and in which order (the longest waiting first). */
// The views of projects read along what a board reads of its projects (projectPagePrefetch).
export const VIEWS = {
  waitingForEvaluators: entityView(Project, oldestSubmittedFirst('waitingForEvaluators'), (ctx, viewer, scoped) => {
    const scope = supervised(ctx, viewer, scoped);
    return {
      text: `select p.* from (${scope.text}) p ${REVIEW_PROGRESS}
              where p.status in ('SUBMITTED', 'UNDER_REVIEW', 'CLOSING_REVIEW')
                and (p.status = 'SUBMITTED' or progress.active < g.min_evaluators)`,
      params: scope.params,
    };
  }, projectPagePrefetch),
  undecidedReviews: entityView(Project, oldestSubmittedFirst('undecidedReviews'), (ctx, viewer, scoped) => {
    const scope = supervised(ctx, viewer, scoped);
    return {
      text: `select p.* from (${scope.text}) p ${REVIEW_PROGRESS}
              where p.status in ('UNDER_REVIEW', 'CLOSING_REVIEW')
                and progress.submitted >= g.min_evaluators and progress.pending = 0`,
      params: scope.params,
    };
  }, projectPagePrefetch),
  overdueAssignments: entityView(ReviewAssignment, earliestDueFirst('overdueAssignments'), (ctx, viewer, scoped) => {
    const scope = staffOnly(ctx, viewer, scoped);
    return {
      text: `select a.* from review_assignment a join review_round r on r.id = a.round_id join project p on p.id = a.project_id
              where a.project_id in (${ids(scope).text}) and a.status = 'ASSIGNED' and r.closed_at is null and a.due_date < ?::date
                and (a.revision_id is null or a.revision_id = p.current_revision_id)`,
      params: [...scope.params, platformDate(ctx.now)],
    };
  }, rowsNamed({ project: [Project, 'project_id'], evaluator: [Person, 'evaluator_id'], round: [ReviewRound, 'round_id'] })),
  reportsAwaitingAcceptance: entityView(ServiceReport, oldestSubmittedFirst('reportsAwaitingAcceptance'), (ctx, viewer, scoped) => {
    const scope = supervised(ctx, viewer, scoped);
    return { text: `select s.* from service_report s where s.project_id in (${ids(scope).text}) and s.status = 'SUBMITTED'`, params: scope.params };
  }),
  missingReports: {
    order: listOrder('attention.missingReports', ascending('period', 'text'), ascending('project_id', 'uuid', { unique: true })),
    source: (ctx, viewer, scoped) => unreportedMonths(supervised(ctx, viewer, scoped), previousMonthStart(currentPeriod(ctx.now))),
    map: (_ctx, row) => ({ projectId: row.project_id as string, period: row.period as string, overdue: true }),
    prefetch: nodeIsProject,
  } satisfies View<ReportDue>,
  overdueFollowUps: entityView(FollowUp, earliestDueFirst('overdueFollowUps'), (ctx, viewer, scoped) => {
    const scope = supervised(ctx, viewer, scoped);
    return { text: `select f.* from follow_up f where f.project_id in (${ids(scope).text}) and f.closed_at is null and f.due_date < ?::date`, params: [...scope.params, platformDate(ctx.now)] };
  }, rowsNamed({ project: [Project, 'project_id'], visit: [SupervisionVisit, 'visit_id'] })),
  warningVisits: entityView(SupervisionVisit, listOrder('attention.warningVisits', descending('visited_at', 'timestamp')), (ctx, viewer, scoped) => {
    const scope = supervised(ctx, viewer, scoped);
    // A project's latest visit stands for its risk now: a later calmer visit clears the warning.
    return {
      text: `select v.* from supervision_visit v join (${scope.text}) p on p.id = v.project_id
              where p.status = 'IN_PROGRESS' and v.risk_level = 'WARNING'
                and not exists (select 1 from supervision_visit later where later.project_id = v.project_id and (later.visited_at, later.id) > (v.visited_at, v.id))`,
      params: scope.params,
    };
  }),
  openActionItems: entityView(ActionItem, earliestDueFirst('openActionItems'), (ctx, viewer, scoped) => {
    const scope = ids(scoped(projectRows(ctx, coachingProjectsFilter(inRoles(viewer, Role.MENTOR, Role.APPLICANT)))));
    return { text: `select i.* from action_item i where i.project_id in (${scope.text}) and i.done_at is null`, params: scope.params };
  }),
  assignmentsDue: entityView(ReviewAssignment, earliestDueFirst('assignmentsDue'), (_ctx, viewer) => ({
    text: `select a.* from review_assignment a join review_round r on r.id = a.round_id
            where a.evaluator_id = ? and ?::boolean and a.status = 'ASSIGNED' and r.closed_at is null`,
    params: [viewer.id, hasRole(viewer, Role.EVALUATOR)],
  }), rowsNamed({ project: [Project, 'project_id'], round: [ReviewRound, 'round_id'] })),
  reportsDue: {
    order: listOrder('attention.reportsDue', ascending('period', 'text'), ascending('project_id', 'uuid', { unique: true })),
    source: (ctx, viewer, scoped) => {
      const now = currentPeriod(ctx.now);
      const months = unreportedMonths(applicants(ctx, viewer, scoped), `${now}-01`);
      // Each project's earliest unreported month is the one due next.
      return { text: `select distinct on (u.project_id) u.*, u.period < ? as overdue from (${months.text}) u order by u.project_id, u.period`, params: [now, ...months.params] };
    },
    map: (_ctx, row) => ({ projectId: row.project_id as string, period: row.period as string, overdue: row.overdue as boolean }),
    prefetch: nodeIsProject,
    planOnce: true,
  } satisfies View<ReportDue>,
  returnedReports: {
    ...entityView(ServiceReport, listOrder('attention.returnedReports', ascending('period', 'text')), (ctx, viewer, scoped) => {
      const scope = applicants(ctx, viewer, scoped);
      return { text: `select s.* from service_report s where s.project_id in (${ids(scope).text}) and s.status = 'RETURNED'`, params: scope.params };
    }),
    planOnce: true,
  },
};

export type ViewName = keyof typeof VIEWS;

/** One page of a view, with its count and, where its items show it, each item's project, in one statement. */
export function viewPage<T>(ctx: Context, view: View<T>, args: PageArgs) {
  const viewer = requireViewer(ctx.viewer);
  const prefetch = args.nodeFields && view.prefetch?.(ctx, args.nodeFields);
  // A staff member's scope (a park's projects or a district's) changes the best plan: planned for its values, once per connection.
  // A view's rows are found by working over the whole scope, for its count and its page alike: worked out once for both.
  const planning = { ...(view.planOnce || !isStaff(viewer) ? { planOnce: true } : { valuesWritten: true }), sourceOnce: true };
  return sqlPage(ctx.em, view.source(ctx, viewer, inline), view.order, args, (row) => view.map(ctx, row), prefetch, planning);
}

/**
 * How many items each view holds, all in one statement, by the same SQL as the views themselves. Each
 * distinct set of the viewer's projects the views read (those they supervise, those they coach...) is
 * read once, as a materialised common table expression: inlined, eight of the eleven counts each read
 * the viewer's projects again, and the statement took longer to plan than to run.
 */
export async function viewCounts(ctx: Context): Promise<Record<ViewName, number>> {
  const viewer = requireViewer(ctx.viewer);
  const names = Object.keys(VIEWS) as ViewName[];
  const scopes = new Map<string, { name: string; rows: Sql }>();
  const shared: Scoped = (rows) => {
    const key = `${rows.text} ${JSON.stringify(rows.params)}`;
    let scope = scopes.get(key);
    if (!scope) scopes.set(key, (scope = { name: `scope_${scopes.size + 1}`, rows }));
    return { text: `select * from ${scope.name}`, params: [] };
  };
  const sources = names.map((name) => (VIEWS[name] as View<unknown>).source(ctx, viewer, shared));
  const ctes = [...scopes.values()];
  const [row] = await readRows<Record<ViewName, string>>(
    ctx.em,
    `${ctes.length ? `with ${ctes.map(({ name, rows }) => `${name} as materialized (${rows.text})`).join(', ')} ` : ''}
     select ${sources.map((source, i) => `(select count(*) from (${source.text}) v) as "${names[i]}"`).join(', ')}`,
    [...ctes.flatMap(({ rows }) => rows.params), ...sources.flatMap((source) => source.params)],
  );
  return Object.fromEntries(names.map((name) => [name, Number(row[name])])) as Record<ViewName, number>;
}
