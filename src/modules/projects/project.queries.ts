import type { FilterQuery } from '@mikro-orm/postgresql';
import { ascending, ChronologicalOrder, chronologicalOrders, descending, findPage, listOrder, namedRowPrefetch, ownColumns, pageColumn, projectPage, type ListOrder, type NewestFirstPageArgs, type PageArgs, type PageRow, type Prefetch, type SelectedFields, sharedRowColumn } from '../../shared/connection.js';
import { foldedPage, foldPage, type FoldedPages } from '../../shared/folded-pages.js';
import type { Context } from '../../shared/context.js';
import { findVisible } from '../../shared/node.js';
import { decodeId } from '../../shared/node-id.js';
import { UserErrorCode, fail } from '../../shared/user-errors.js';
import { mapRow, readsPlainRows, rowValues } from '../../shared/loaders.js';
import { rowSummary, type RowSummary } from '../../shared/summaries.js';
import { idIn, readRows } from '../../shared/read.js';
import { Role, hasRole, isStaff, requireViewer, type Viewer } from '../../shared/auth.js';
import { openActionItemsFrom, openActionItemsJsonSql, openActionItemsLoader } from '../coaching/coaching.queries.js';
import { Organization } from '../organizations/organization.entity.js';
import { Place } from '../places/place.entity.js';
import { Program } from '../programs/program.entity.js';
import { assignmentFactsJsonSql, assignmentFactsLoader, factsFromValues } from '../reviews/review-progress.js';
import { Project } from './project.entity.js';
import { ProposalRevision } from './proposal-revision.entity.js';
import { PERSON_SUMMARY, teamFromValues, teamJsonSql, teamLoader, teamSummaryLoader } from './project-team.loader.js';
import { Person } from '../people/person.entity.js';
import { ActionItem } from '../coaching/action-item.entity.js';
import { filteredOrder, projectFilterQuery } from './project.filter.js';
import { canSeeApplicant, canViewProject, visibleProjectsFilter } from './project.permissions.js';
import { ProjectOrder, type ProjectPageArgs } from './project.types.js';
import { compareRevisionContent } from './revision-compare.js';

/** A revision as a board shows it, its number and amount, without the proposal's text and JSON (the project by its id). */
export const REVISION_SUMMARY = rowSummary(ProposalRevision, ['number', 'requestedAmount', 'createdAt', 'project'], ['id', 'created_at', 'project_id', 'number', 'requested_amount']);

/**
 * A project as boards and dashboards show it: its title and status, its organisation, current
 * revision, team, programme, open action items and how its reviews stand. The columns are those
 * fields' keys and what the permissions read (park, district, organisation, programme: see
 * project.permissions.ts), without its texts, figures and dates of record.
 */
export const PROJECT_SUMMARY = rowSummary(
  Project,
  ['title', 'status', 'createdAt', 'organization', 'currentRevision', 'mentors', 'leadStaff', 'program', 'openActionItems', 'proposalReview', 'closingReview'],
  ['id', 'created_at', 'title', 'status', 'program_id', 'organization_id', 'park_id', 'district_id', 'lead_staff_id', 'current_revision_id'],
);

/** An organisation as lists name it: its name, kind and district, without its contacts and codes. */
export const ORGANIZATION_SUMMARY = rowSummary(Organization, ['name', 'kind', 'district'], ['id', 'name', 'kind', 'district_id']);

/**
 * What a page of projects reads along with its rows (see Prefetch), by the fields its items show:
 * the organisation (and its district), the current revision, the team (lead staff and mentors), the
 * open action items, the programme and the review assignments' facts, each as JSON of its
 * row(s) for the page's projects alone, put into the loaders the fields read (byId and teamLoader).
 * Permissions do not change: the fields still decide whether to show what the loaders hold.
 *
 * Only where the request only reads (plain rows, see readsPlainRows); a mutation's lists load as before.
 */
export function projectPagePrefetch(ctx: Context, fields: SelectedFields | undefined): Prefetch | undefined {
  if (!fields || ctx.em.isInTransaction()) return undefined;
  const parts: { column: string; shared?: boolean; prime: (row: PageRow) => void }[] = [];
  const metadata = ctx.em.getMetadata();
  /**
   * The row of `entity` whose id is `key` (an expression over the project `e`, or over the page's row
   * `page` where `shared`), as an array of its values (rowValues): those values, or none where the
   * request reads managed entities. A row that many of the page's rows name (their programme, their
   * district) is `shared`: read once, on the first row that names it.
   */
  const rowsOf = <T extends { id: string }>(entity: new () => T, table: string, key: string, column: string, { shared = false, summary, shown }: { shared?: boolean; summary?: RowSummary<T>; shown?: SelectedFields | ReadonlySet<string> } = {}) => {
    if (!readsPlainRows(ctx.em, entity)) return undefined;
    // Its summary where the page's selection shows only that; else the whole row, which answers a summary's selection too.
    const brief = shown && summary?.shows(shown) ? summary : undefined;
    const values = brief ? brief.values(ctx.em) : rowValues(metadata.get(entity));
    const loaders = [brief ? brief.loader(ctx) : ctx.loaders.byId(entity), ...(summary && !brief ? [summary.loader(ctx)] : [])];
    parts.push({
      shared,
      column: shared ? sharedRowColumn(values, table, key, column) : `(select ${values.sql('x')} from "${table}" x where x.id = ${key}) as ${column}`,
      prime: (page) => {
        const json = page[column] as unknown[] | null;
        if (!json) return;
        const row = values.map(json);
        for (const loader of loaders) loader.prime(json[0] as string, row);
      },
    });
    return values;
  };
  if (fields.has('organization')) {
    const organization = rowsOf(Organization, 'organization', 'e.organization_id', 'prefetch_organization', { summary: ORGANIZATION_SUMMARY, shown: fields.get('organization') });
    // Its district, when the organisation shows its name: the few districts of a page, each once, by
    // the district key the organisation's values hold.
    const districtAt = organization?.position('district_id') ?? -1;
    if (districtAt >= 0 && fields.get('organization')!.has('district')) {
      rowsOf(Place, 'place', `(page.prefetch_organization->>${districtAt})::uuid`, 'prefetch_organization_district', { shared: true });
    }
  }
  if (fields.has('currentRevision')) {
    rowsOf(ProposalRevision, 'proposal_revision', 'e.current_revision_id', 'prefetch_current_revision', { summary: REVISION_SUMMARY, shown: fields.get('currentRevision') });
  }
  // The team also decides what a mentor may see of each project (project.permissions.ts): its summary
  // (names) where that is all the page shows of it, else the whole team, which answers both.
  const teamFields = ['mentors', 'leadStaff'].flatMap((field) => fields.get(field) ?? []);
  if ((teamFields.length || hasRole(ctx.viewer, Role.MENTOR)) && readsPlainRows(ctx.em, Person)) {
    const summary = teamFields.every(PERSON_SUMMARY.shows);
    const people = summary ? PERSON_SUMMARY.values(ctx.em) : rowValues(metadata.get(Person));
    parts.push({
      column: `${teamJsonSql(people, 'e.id', 'e.lead_staff_id')} as prefetch_team`,
      prime: (row) => {
        const team = teamFromValues(people, row.prefetch_team as unknown[][]);
        teamSummaryLoader(ctx).prime(row.id as string, team);
        if (!summary) teamLoader(ctx).prime(row.id as string, team);
      },
    });
  }
  if (fields.has('openActionItems') && readsPlainRows(ctx.em, ActionItem)) {
    parts.push({
      column: `${openActionItemsJsonSql(ctx, 'e.id')} as prefetch_open_action_items`,
      prime: (row) => void openActionItemsLoader(ctx).prime(row.id as string, openActionItemsFrom(ctx, row.prefetch_open_action_items as unknown[][])),
    });
  }
  if (fields.has('proposalReview') || fields.has('closingReview')) {
    // Where its reviews stand: the facts of its assignments, and the programme's rules.
    parts.push({
      column: `${assignmentFactsJsonSql('e.id')} as prefetch_assignment_facts`,
      prime: (row) => void assignmentFactsLoader(ctx).prime(row.id as string, (row.prefetch_assignment_facts as unknown[][]).map(factsFromValues)),
    });
    rowsOf(Program, 'program', 'page.program_id', 'prefetch_program', { shared: true });
  } else if (fields.has('program')) {
    rowsOf(Program, 'program', 'page.program_id', 'prefetch_program', { shared: true });
  }
  // A page whose items show only the project's summary reads only its columns of each project.
  const rowColumns = PROJECT_SUMMARY.answers(ctx.em, fields) ? PROJECT_SUMMARY.columns : undefined;
  if (!parts.length && !rowColumns) return undefined;
  const columns = (shared: boolean) => parts.filter((part) => !!part.shared === shared).map((part) => `, ${part.column}`).join('');
  return {
    columns: { text: columns(false), params: [] },
    shared: { text: columns(true), params: [] },
    rowColumns,
    prime: (row) => parts.forEach((part) => part.prime(row)),
  };
}

/**
 * The projects `ids`, in that order, for a list that is not a page (a round's leaderboard): with what
 * `fields` shows of them read in the same statement (projectPagePrefetch), and put in the loaders.
 * Inside a transaction, or when the caller cannot say, they come through the loaders as ever.
 *
 * `alongWith`: the columns the caller itself reads of each project (a ranking's submission time).
 * Given it, where `fields` show only the project's summary, the projects are read with the summary's
 * columns and those and returned as they are, without going into the request's loader, which holds
 * whole projects; the caller must not hand them to anything but those fields.
 */
export async function readProjects(ctx: Context, ids: readonly string[], fields?: SelectedFields, alongWith?: readonly string[], pages?: FoldedPages): Promise<Project[]> {
  const loader = ctx.loaders.byId(Project);
  if (!fields || !readsPlainRows(ctx.em, Project)) return (await loader.loadMany(ids)) as Project[];
  const prefetch = projectPagePrefetch(ctx, fields);
  const summary = !!alongWith && !!prefetch?.rowColumns;
  const own = summary ? ownColumns('e', [...prefetch!.rowColumns!, ...alongWith!]) : 'e.*';
  const match = idIn('e.id', ids);
  const statement = `select page.*${prefetch?.shared?.text ?? ''} from (select ${own}${prefetch?.columns?.text ?? ''} from project e where ${match.text}) page`;
  const params = [...(prefetch?.shared?.params ?? []), ...(prefetch?.columns?.params ?? []), ...match.params];
  // The lists read with each project (foldedPages), over its row as `parent`.
  const rows = await readRows<PageRow>(
    ctx.em,
    pages ? `select parent.*${pages.columns.text} from (${statement}) parent` : statement,
    pages ? [...pages.columns.params, ...params] : params,
  );
  const meta = ctx.em.getMetadata().get(Project);
  const read = new Map<string, Project>();
  for (const row of rows) {
    prefetch?.prime(row);
    pages?.take(row);
    if (summary) read.set(row.id as string, mapRow(meta, row));
    else loader.prime(row.id as string, mapRow(meta, row));
  }
  // As loadMany answers: one per id, in order.
  if (summary) return ids.map((id) => read.get(id) ?? null) as Project[];
  return (await loader.loadMany(ids)) as Project[];
}

/**
 * `fields`: what the operation shows of the project, read with it in one statement (readProjects),
 * with `pages`, the pages of its lists the operation shows (its trail, its revisions).
 */
export async function getProject(ctx: Context, globalId: string, fields?: SelectedFields, pages?: FoldedPages): Promise<Project> {
  const id = fields && decodeId(globalId, 'Project');
  if (id) await readProjects(ctx, [id], fields, undefined, pages);
  return findVisible(ctx, Project, globalId, (project) => canViewProject(ctx, project));
}

/** Whether the viewer sees the project with this database ID: a project's parts are seen with it. */
export async function seesProject(ctx: Context, projectId: string): Promise<boolean> {
  const project = await ctx.loaders.byId(Project).load(projectId);
  return !!project && canViewProject(ctx, project);
}

const PROJECT_ORDERS: Record<ProjectOrder, ListOrder> = {
  [ProjectOrder.NEWEST_FIRST]: listOrder('projects:NEWEST_FIRST', descending('created_at', 'timestamp')),
  [ProjectOrder.OLDEST_FIRST]: listOrder('projects:OLDEST_FIRST', ascending('created_at', 'timestamp')),
  [ProjectOrder.RECENTLY_UPDATED]: listOrder('projects:RECENTLY_UPDATED', descending('updated_at', 'timestamp')),
  [ProjectOrder.TITLE]: listOrder('projects:TITLE', ascending('title', 'text')),
};

/**
 * `scope` is the list's own condition (a programme's projects, a status asked for), part of the
 * filter its cursors belong to; a scope written in raw SQL names itself in `scopeKey` instead, the
 * same in every request.
 */
export function listProjects(ctx: Context, args: ProjectPageArgs, scope: FilterQuery<Project> = {}, scopeKey?: string) {
  const viewer = requireViewer(ctx.viewer);
  const where = { $and: [scope, projectFilterQuery(viewer, args.filter), visibleProjectsFilter(viewer)] };
  const order = filteredOrder(PROJECT_ORDERS[args.order], { ...args.filter, scope: scopeKey ?? (Object.keys(scope).length ? scope : null) });
  return findPage(ctx.em, Project, where, order, args, projectPagePrefetch(ctx, args.nodeFields), { planOnce: plannedOnce(viewer, args, scope), ownRows: !isStaff(viewer) });
}

/**
 * Whether one plan serves a list of projects for every viewer like this one (see PagePlanning): the
 * whole list, or a staff member's parks and districts, newest first and unfiltered; filters and
 * other orders change the best plan, so those are planned for their values. Everyone else (mentors,
 * evaluators, applicants) sees only their own projects, read whole under one plan (`ownRows`).
 */
function plannedOnce(viewer: Viewer, args: ProjectPageArgs, scope: FilterQuery<Project>): boolean {
  const filtered = !!args.filter && Object.values(args.filter).some((value) => value !== undefined && value !== null);
  return args.order === ProjectOrder.NEWEST_FIRST && !filtered && !Object.keys(scope).length && !hasRole(viewer, Role.MENTOR, Role.EVALUATOR);
}

export function getRevision(ctx: Context, globalId: string): Promise<ProposalRevision> {
  return findVisible(ctx, ProposalRevision, globalId, (revision) => seesProject(ctx, revision.project.id));
}

const REVISION_ORDERS = chronologicalOrders('revisions', 'number', 'integer', { unique: true });

/**
 * By number, newest first by default; one statement for the revisions of every project in a list,
 * none for a project's page, which reads them with the project (see the fold below).
 */
export function listRevisions(ctx: Context, project: Project, args: NewestFirstPageArgs) {
  return foldedPage<ProposalRevision>(ctx, 'Project.revisions', project.id, args) ?? projectPage(ctx, ProposalRevision, project.id, REVISION_ORDERS[args.order], args, revisionAuthors(ctx, args));
}

/** Their authors, where the page shows them: a revision's author is often the same person. */
const revisionAuthors = (ctx: Context, args: PageArgs) => (args.nodeFields?.has('author') ? namedRowPrefetch(ctx, Person, 'page.author_id') : undefined);

foldPage('Project', 'revisions', (ctx, args, project) =>
  pageColumn(ctx.em, ProposalRevision, { text: `select e.* from proposal_revision e where e.project_id = ${project}.id`, params: [] }, REVISION_ORDERS[args.order as ChronologicalOrder], args, revisionAuthors(ctx, args)),
);

export async function compareRevisions(ctx: Context, fromId: string, toId: string) {
  const [from, to] = await Promise.all([getRevision(ctx, fromId), getRevision(ctx, toId)]);
  if (from.project.id !== to.project.id) {
    fail(UserErrorCode.INVALID_ID, 'to', 'Both revisions must belong to the same project.');
  }
  const project = await ctx.loaders.byId(Project).load(from.project.id);
  const changes = compareRevisionContent(from, to);
  // Under blind review the team's names would reveal the applicant.
  const visible = (await canSeeApplicant(ctx, project!)) ? changes : changes.filter((change) => change.field !== 'team');
  return { from, to, changes: visible };
}
