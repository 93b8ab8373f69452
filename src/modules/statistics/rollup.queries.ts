import { raw } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { Role, hasRole, requireViewer } from '../../shared/auth.js';
import type { Sql } from '../../shared/connection.js';
import { badInput, forbidden } from '../../shared/errors.js';
import { decodeId } from '../../shared/node-id.js';
import { Park } from '../places/park.entity.js';
import { Place, PlaceLevel } from '../places/place.entity.js';
import { Grade } from '../programs/program.entity.js';
import type { ProjectPageArgs } from '../projects/project.types.js';
import { listProjects } from '../projects/project.queries.js';
import { canSeeDistrictRollup, canSeeParkFunnel } from './rollup.permissions.js';
import { FunnelFigure, type DistrictRollup, type Funnel, type FunnelScope } from './rollup.types.js';

const GRADE_ORDER = [Grade.EXCELLENT, Grade.GOOD, Grade.PASS, Grade.FAIL];
const GRADE_FIGURE: Record<Grade, FunnelFigure> = {
  [Grade.EXCELLENT]: FunnelFigure.CLOSED_EXCELLENT,
  [Grade.GOOD]: FunnelFigure.CLOSED_GOOD,
  [Grade.PASS]: FunnelFigure.CLOSED_PASS,
  [Grade.FAIL]: FunnelFigure.CLOSED_FAIL,
};

/**
 * Each figure's condition on a project's facts (below). The counts and the drill-down both read
 * them from here, so a figure's projects are exactly the ones it counts.
 */
const FIGURE_CONDITION: Record<FunnelFigure, string> = {
  [FunnelFigure.ALL]: 'true',
  [FunnelFigure.COACHED]: 'f.coached',
  [FunnelFigure.APPLIED]: 'f.applied',
  [FunnelFigure.APPROVED]: 'f.approved',
  [FunnelFigure.IN_DELIVERY]: `f.status = 'IN_PROGRESS'`,
  [FunnelFigure.CLOSED]: `f.status = 'CLOSED'`,
  [FunnelFigure.CLOSED_EXCELLENT]: `f.status = 'CLOSED' and f.final_grade = 'EXCELLENT'`,
  [FunnelFigure.CLOSED_GOOD]: `f.status = 'CLOSED' and f.final_grade = 'GOOD'`,
  [FunnelFigure.CLOSED_PASS]: `f.status = 'CLOSED' and f.final_grade = 'PASS'`,
  [FunnelFigure.CLOSED_FAIL]: `f.status = 'CLOSED' and f.final_grade = 'FAIL'`,
  [FunnelFigure.VISITED]: 'f.visits > 0',
  [FunnelFigure.REPORTED]: 'f.reports > 0',
};

/**
 * One row per project of the scope with what the funnel asks of it. "Applied" and "approved" are
 * read from the audit trail, not the current status, so a project that went on to close still
 * counts as applied and approved.
 */
function factsSql(where: Sql): Sql {
  return {
    text: `facts as (
      select p.id, p.park_id, p.status, p.final_grade,
             exists (select 1 from coaching_session c where c.project_id = p.id) as coached,
             exists (select 1 from lifecycle_event le where le.project_id = p.id and le.to_status = 'SUBMITTED') as applied,
             exists (select 1 from lifecycle_event le where le.project_id = p.id and le.to_status in ('APPROVED', 'CONDITIONALLY_APPROVED')) as approved,
             (select count(*) from supervision_visit v where v.project_id = p.id) as visits,
             sr.reports, sr.person_times, sr.satisfaction
        from project p
        join program g on g.id = p.program_id
        cross join lateral (
          select count(*) as reports, coalesce(sum(r.person_times), 0) as person_times, sum(r.satisfaction_rate) as satisfaction
            from service_report r where r.project_id = p.id and r.status = 'ACCEPTED') sr
       where ${where.text})`,
    params: where.params,
  };
}

/** The scope as conditions on the project `p` and its programme `g`. */
function scopeConditions(scope: FunnelScope): Sql {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (scope.districtId) add('p.district_id = ?', scope.districtId);
  if (scope.parkId) add('p.park_id = ?', scope.parkId);
  if (scope.withoutPark) add('p.park_id is null');
  if (scope.programId) add('p.program_id = ?', scope.programId);
  if (scope.year != null) add('g.year = ?', scope.year);
  return { text: conditions.join(' and ') || 'true', params };
}

const FIGURE_COLUMNS = Object.entries(FIGURE_CONDITION)
  .map(([figure, condition]) => `count(*) filter (where ${condition}) as "${figure}"`)
  .join(', ');

type FunnelRow = Record<string, unknown>;

/**
 * The funnel of the projects `where` selects as the CTE `funnel`: one row per park (null: no
 * park) and, with `totals`, a row over all of them (`is_total`).
 */
function funnelSql(where: Sql, { totals }: { totals: boolean }): Sql {
  const facts = factsSql(where);
  return {
    text: `with ${facts.text},
     funnel as (
       select f.park_id, grouping(f.park_id) = 1 as is_total, ${FIGURE_COLUMNS},
              coalesce(sum(f.visits), 0) as supervision_visits, coalesce(sum(f.reports), 0) as accepted_reports,
              coalesce(sum(f.person_times), 0) as person_times, sum(f.satisfaction) as satisfaction_sum
         from facts f
        group by grouping sets ((f.park_id)${totals ? ', ()' : ''}))`,
    params: facts.params,
  };
}

function toFunnel(row: FunnelRow | undefined, scope: FunnelScope): Funnel {
  const n = (column: string) => Number(row?.[column] ?? 0);
  const reports = n('accepted_reports');
  return {
    scope,
    projectCount: n(FunnelFigure.ALL),
    coached: n(FunnelFigure.COACHED),
    applied: n(FunnelFigure.APPLIED),
    approved: n(FunnelFigure.APPROVED),
    inDelivery: n(FunnelFigure.IN_DELIVERY),
    closed: n(FunnelFigure.CLOSED),
    closedByGrade: GRADE_ORDER.map((grade) => ({ grade, count: n(GRADE_FIGURE[grade]) })),
    supervisionVisits: n('supervision_visits'),
    visitedProjects: n(FunnelFigure.VISITED),
    personTimes: n('person_times'),
    acceptedReports: reports,
    reportingProjects: n(FunnelFigure.REPORTED),
    averageSatisfaction: reports ? Math.round((n('satisfaction_sum') / reports) * 10) / 10 : null,
  };
}

/** The programme and year a funnel is narrowed to, from the field's arguments. */
export interface FunnelArgs {
  programId?: string | null;
  year?: number | null;
}

function narrowing({ programId, year }: FunnelArgs): Pick<FunnelScope, 'programId' | 'year'> {
  const program = programId ? decodeId(programId, 'Program') : null;
  if (programId && !program) throw badInput('programId is not a programme ID.');
  return { ...(program && { programId: program }), ...(year != null && { year }) };
}

/**
 * A park's funnel: every project it coached, whichever district's programme it was in. For the
 * park's staff, its district's staff and administrators; a list of parks costs one statement.
 */
export function parkFunnel(ctx: Context, park: Park, args: FunnelArgs): Promise<Funnel> {
  const viewer = requireViewer(ctx.viewer);
  if (!canSeeParkFunnel(viewer, park)) throw forbidden('see this park’s funnel (its staff, its district’s staff or an administrator)');
  const narrowed = narrowing(args);
  return ctx.loaders
    .keyed(`parkFunnel:${JSON.stringify(narrowed)}`, async (parkIds, em) => {
      const where = scopeConditions(narrowed);
      const funnel = funnelSql({ text: `p.park_id in (?) and ${where.text}`, params: [[...parkIds], ...where.params] }, { totals: false });
      const rows: FunnelRow[] = await em.execute(`${funnel.text} select * from funnel`, funnel.params);
      return parkIds.map((parkId) => toFunnel(rows.find((row) => row.park_id === parkId), { ...narrowed, parkId }));
    })
    .load(park.id);
}

/**
 * A district's roll-up: its projects (by their district key) split by the park that coached them,
 * every park of the district listed, and the totals from the same statement.
 */
export async function districtRollup(ctx: Context, districtGlobalId: string, args: FunnelArgs): Promise<DistrictRollup> {
  const viewer = requireViewer(ctx.viewer);
  // Only staff see roll-ups: others are refused before anything is looked up.
  if (!hasRole(viewer, Role.ADMIN, Role.STAFF)) throw forbidden('see district roll-ups (a district’s staff or an administrator)');
  const districtId = decodeId(districtGlobalId, 'Place');
  if (!districtId) throw badInput('districtId is not a place ID.');
  if (!canSeeDistrictRollup(viewer, districtId)) throw forbidden('see this district’s roll-up (its staff or an administrator)');
  const narrowed = narrowing(args);
  const district = await ctx.loaders.byId(Place).load(districtId);
  if (!district || district.level !== PlaceLevel.DISTRICT) throw badInput('districtId does not name a district.');

  const scope: FunnelScope = { districtId, ...narrowed };
  const funnel = funnelSql(scopeConditions(scope), { totals: true });
  // The district's parks by name (as the parks list orders them), then other districts' parks that coached its projects.
  const rows: FunnelRow[] = await ctx.em.execute(
    `${funnel.text}
     select pk.id as row_park_id, funnel.*
       from funnel
       full join (select id from park where district_id = ?) own on own.id = funnel.park_id
       left join park pk on pk.id = coalesce(own.id, funnel.park_id)
      order by pk.district_id = ? desc, pk.name, pk.id`,
    [...funnel.params, districtId, districtId],
  );
  const parkRows = rows.filter((row) => row.row_park_id);
  const parks = (await ctx.loaders.byId(Park).loadMany(parkRows.map((row) => row.row_park_id as string))) as Park[];
  return {
    district,
    parks: parkRows.map((row, i) => ({ park: parks[i], funnel: toFunnel(row, { ...scope, parkId: parks[i].id }) })),
    withoutPark: toFunnel(rows.find((row) => !row.row_park_id && !row.is_total), { ...scope, withoutPark: true }),
    totals: toFunnel(rows.find((row) => row.is_total), scope),
  };
}

/**
 * The projects behind one figure of a funnel: exactly those it counts, as a project connection
 * (still within what the viewer may see, as every project list is).
 */
export function funnelProjects(ctx: Context, funnel: Funnel, figure: FunnelFigure, args: ProjectPageArgs) {
  const facts = factsSql(scopeConditions(funnel.scope));
  const counted = raw(`(with ${facts.text} select f.id from facts f where ${FIGURE_CONDITION[figure]})`, facts.params);
  return listProjects(ctx, args, { id: { $in: counted } }, JSON.stringify({ funnel: funnel.scope, figure }));
}
