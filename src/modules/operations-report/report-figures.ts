import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { readRows, readTogether, sqlArray } from '../../shared/read.js';
import { ReviewRound } from '../reviews/review-round.entity.js';
import { ranking } from '../reviews/review.queries.js';
import { activityReportFigures, type ActivityReportFigures, type Period, type ReportScope } from '../park-activities/park-activities.queries.js';
import { deliveredMatchIds, resourceFigures, type ResourceFigureTotals } from '../resources/resource.queries.js';

export interface RankingWon {
  projectId: string;
  title: string;
  roundId: string;
  roundName: string;
  rank: number;
  score: number;
  fieldSize: number;
}

export interface ClosingPassed {
  projectId: string;
  title: string;
  closedAt: string;
  score: number | null;
  grade: string | null;
}

export interface TaxonomyRow {
  id: string | null;
  name: string | null;
  projects: number;
  personTimes: number;
  projectIds: string[];
}

/** The lifecycle stages the funnel counts, each the projects that reached it in the period. */
export const FUNNEL_STAGES = ['created', 'submitted', 'approved', 'started', 'closed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * Everything an operations report states, computed from the rows of its scope and period; each
 * count keeps the IDs of the rows behind it, so a figure can be drilled down to them (and an issued
 * report's figures, frozen as this JSON, still can).
 */
export interface ReportFigures {
  coaching: {
    sessions: number; projectsCoached: number; coachedProjectIds: string[]; projectsApplied: number; appliedProjectIds: string[];
    /** The same per programme (申报 is to a programme's call). */
    byProgram: { programId: string; name: string; coached: number; applied: number }[];
  };
  revisions: { revisions: number; projectsRevised: number; mostRevisions: number; revisedProjectIds: string[] };
  rankings: RankingWon[];
  /** Projects recommended to a project library in the period (推荐至项目库). */
  recommendations: { projectId: string; title: string; library: string; recommendedAt: string }[];
  funnel: Record<FunnelStage, number> & { projectIds: Record<FunnelStage, string[]> };
  supervision: { visits: number; projectsVisited: number; visitIds: string[] };
  serviceReports: {
    submitted: number; accepted: number; acceptedReportIds: string[]; personTimes: number; averageSatisfaction: number | null;
    byProject: { projectId: string; title: string; submitted: number; accepted: number }[];
  };
  closings: ClosingPassed[];
  activities: ActivityReportFigures;
  resources: ResourceFigureTotals & { matchIds: string[] };
  areas: TaxonomyRow[];
  types: TaxonomyRow[];
  /** Per month (YYYY-MM in China): coaching sessions, visits, activity sessions and their person-times. */
  monthly: { month: string; coachingSessions: number; visits: number; activitySessions: number; personTimes: number }[];
}

/** The projects of the scope, as a condition on a project row `j`. */
const PROJECTS = `j.district_id = ? and (?::uuid[] is null or j.park_id = any(?::uuid[]))`;
const MONTH = (column: string) => `to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM')`;

type Row = Record<string, unknown>;
const count = (value: unknown) => Number(value ?? 0);
const ids = (value: unknown) => (value as string[] | null) ?? [];
/** A timestamp as a statement returns it: a Date inside a transaction, PostgreSQL's text outside one. */
const isoInstant = (value: unknown) => new Date(value as string | Date).toISOString();

/**
 * The figures of a park's (or a district's) work in a period: its projects' coaching, revisions,
 * rankings, supervision, service reports and closings, and the park's activities and resource
 * matching. A dozen statements, all set-based, whatever the size of the district.
 */
export async function reportFigures(ctx: Context, scope: ReportScope, period: Period): Promise<ReportFigures> {
  const { em } = ctx;
  const parks = scope.parkIds && sqlArray(scope.parkIds);
  const within = [scope.districtId, parks, parks];
  const during = [period.from, period.to];
  const read = (sql: string, params: unknown[] = []) => readRows<Row>(em, sql, [...params, ...within, ...during], { prepare: false });

  const [activities, resources, matchIds, recommendations, coaching, applied, revisions, rankings, funnel, visits, reports, closings, areas, types, monthly] = await readTogether(em, [
    () => activityReportFigures(em, scope, period),
    () => resourceFigures(em, scope, period),
    () => deliveredMatchIds(em, scope, period),
    () => read(`select j.id, j.title, r.library, r.created_at from project_recommendation r join project j on j.id = r.project_id
           where ${PROJECTS} and r.created_at >= ? and r.created_at < ? order by r.created_at, r.id`),
    () => read(`select count(*)::int as sessions, array_agg(distinct c.project_id) as project_ids
            from coaching_session c join project j on j.id = c.project_id where ${PROJECTS} and c.held_at >= ? and c.held_at < ?`),
    // Submitted in the period (申报): the first submission of each project.
    () => read(`select array_agg(j.id) as project_ids from project j
           where ${PROJECTS} and exists (select 1 from lifecycle_event e where e.project_id = j.id and e.to_status = 'SUBMITTED' and e.created_at >= ? and e.created_at < ?)`),
    () => read(`select count(*)::int as revisions, count(distinct r.project_id) filter (where r.number > 1)::int as projects_revised,
                 coalesce(max(r.number), 0)::int as most, array_agg(distinct r.project_id) filter (where r.number > 1) as project_ids
            from proposal_revision r join project j on j.id = r.project_id where ${PROJECTS} and r.created_at >= ? and r.created_at < ?`),
    () => rankingsWon(ctx, scope, period),
    () => read(`select array_agg(distinct e.project_id) filter (where e.type = 'PROJECT_CREATED') as created,
                 array_agg(distinct e.project_id) filter (where e.to_status = 'SUBMITTED') as submitted,
                 array_agg(distinct e.project_id) filter (where e.to_status in ('APPROVED', 'CONDITIONALLY_APPROVED')) as approved,
                 array_agg(distinct e.project_id) filter (where e.to_status = 'IN_PROGRESS') as started,
                 array_agg(distinct e.project_id) filter (where e.to_status = 'CLOSED') as closed
            from lifecycle_event e join project j on j.id = e.project_id where ${PROJECTS} and e.created_at >= ? and e.created_at < ?`),
    () => read(`select array_agg(v.id order by v.visited_at, v.id) as visit_ids, count(distinct v.project_id)::int as projects
            from supervision_visit v join project j on j.id = v.project_id where ${PROJECTS} and v.visited_at >= ? and v.visited_at < ?`),
    () => readRows<Row>(em, `select count(*) filter (where s.submitted_at >= ? and s.submitted_at < ?)::int as submitted,
                 array_agg(s.id order by s.period, s.id) filter (where s.status = 'ACCEPTED' and s.reviewed_at >= ? and s.reviewed_at < ?) as accepted_ids,
                 coalesce(sum(s.person_times) filter (where s.status = 'ACCEPTED' and s.reviewed_at >= ? and s.reviewed_at < ?), 0)::int as person_times,
                 avg(s.satisfaction_rate) filter (where s.status = 'ACCEPTED' and s.reviewed_at >= ? and s.reviewed_at < ?)::text as satisfaction
            from service_report s join project j on j.id = s.project_id where ${PROJECTS}`,
      [...during, ...during, ...during, ...during, ...within], { prepare: false }),
    () => read(`select j.id, j.title, e.created_at, (e.details ->> 'score')::float as score, e.details ->> 'grade' as grade
            from lifecycle_event e join project j on j.id = e.project_id
           where ${PROJECTS} and e.to_status = 'CLOSED' and e.created_at >= ? and e.created_at < ? order by e.created_at, j.id`),
    () => taxonomy(em, 'area', scope, period),
    () => taxonomy(em, 'type', scope, period),
    () => read(`select month, sum(coaching)::int as coaching, sum(visits)::int as visits from (
             select ${MONTH('c.held_at')} as month, 1 as coaching, 0 as visits from coaching_session c join project j on j.id = c.project_id
              where ${PROJECTS} and c.held_at >= ? and c.held_at < ?
             union all
             select ${MONTH('v.visited_at')}, 0, 1 from supervision_visit v join project j on j.id = v.project_id
              where ${PROJECTS} and v.visited_at >= ? and v.visited_at < ?) m group by month order by month`,
      [...within, ...during]),
  ] as const);

  const coachedIds = [...new Set([...ids(coaching[0].project_ids), ...activities.workshopProjectIds])].sort();
  const appliedIds = ids(applied[0].project_ids).filter((id) => coachedIds.includes(id)).sort();
  const acceptedIds = ids(reports[0].accepted_ids);
  const [programs, reportsByProject] = await readTogether(em, [
    () => readRows<Row>(em, `select g.id, g.name, count(*)::int as coached, count(*) filter (where j.id = any(?::uuid[]))::int as applied
                          from project j join program g on g.id = j.program_id where j.id = any(?::uuid[]) group by g.id, g.name order by g.name`,
      [sqlArray(appliedIds), sqlArray(coachedIds)]),
    () => readRows<Row>(em, `select j.id, j.title, count(*) filter (where s.submitted_at >= ? and s.submitted_at < ?)::int as submitted,
                              count(*) filter (where s.status = 'ACCEPTED' and s.reviewed_at >= ? and s.reviewed_at < ?)::int as accepted
                         from service_report s join project j on j.id = s.project_id
                        where ${PROJECTS} and (s.submitted_at >= ? and s.submitted_at < ? or s.reviewed_at >= ? and s.reviewed_at < ?)
                        group by j.id, j.title order by submitted desc, j.title`,
      [...during, ...during, ...within, ...during, ...during], { prepare: false }),
  ] as const);
  return {
    coaching: {
      sessions: count(coaching[0].sessions), projectsCoached: coachedIds.length, coachedProjectIds: coachedIds, projectsApplied: appliedIds.length, appliedProjectIds: appliedIds,
      byProgram: programs.map((row) => ({ programId: row.id as string, name: row.name as string, coached: count(row.coached), applied: count(row.applied) })),
    },
    revisions: { revisions: count(revisions[0].revisions), projectsRevised: count(revisions[0].projects_revised), mostRevisions: count(revisions[0].most), revisedProjectIds: ids(revisions[0].project_ids).sort() },
    rankings,
    recommendations: recommendations.map((row) => ({ projectId: row.id as string, title: row.title as string, library: row.library as string, recommendedAt: isoInstant(row.created_at) })),
    funnel: funnelOf(funnel[0]),
    supervision: { visits: ids(visits[0].visit_ids).length, projectsVisited: count(visits[0].projects), visitIds: ids(visits[0].visit_ids) },
    serviceReports: {
      submitted: count(reports[0].submitted),
      accepted: acceptedIds.length,
      acceptedReportIds: acceptedIds,
      personTimes: count(reports[0].person_times),
      averageSatisfaction: reports[0].satisfaction == null ? null : Math.round(Number(reports[0].satisfaction) * 10) / 10,
      byProject: reportsByProject.map((row) => ({ projectId: row.id as string, title: row.title as string, submitted: count(row.submitted), accepted: count(row.accepted) })),
    },
    closings: closings.map((row) => ({
      projectId: row.id as string, title: row.title as string, closedAt: isoInstant(row.created_at),
      score: row.score === null ? null : Number(row.score), grade: (row.grade as string | null) ?? null,
    })),
    activities,
    resources: { ...resources, matchIds },
    areas,
    types,
    monthly: mergeMonths(monthly, activities),
  };
}

function funnelOf(row: Row): ReportFigures['funnel'] {
  const projectIds = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, ids(row[stage]).sort()])) as Record<FunnelStage, string[]>;
  return { ...(Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, projectIds[stage].length])) as Record<FunnelStage, number>), projectIds };
}

function mergeMonths(rows: Row[], activities: ActivityReportFigures): ReportFigures['monthly'] {
  const months = new Map<string, ReportFigures['monthly'][number]>();
  const month = (key: string) => months.get(key) ?? months.set(key, { month: key, coachingSessions: 0, visits: 0, activitySessions: 0, personTimes: 0 }).get(key)!;
  for (const row of rows) Object.assign(month(row.month as string), { coachingSessions: count(row.coaching), visits: count(row.visits) });
  for (const row of activities.monthly) Object.assign(month(row.month), { activitySessions: row.sessions, personTimes: row.personTimes });
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * Projects of the scope active in the period (any lifecycle event in it) by area or by type, with
 * the person-times their accepted service reports of the period served.
 */
async function taxonomy(em: EntityManager, by: 'area' | 'type', scope: ReportScope, period: Period): Promise<TaxonomyRow[]> {
  const parks = scope.parkIds && sqlArray(scope.parkIds);
  const key = by === 'area' ? 't.area_id' : 'j.type_id';
  const name = by === 'area' ? 'a.name' : 't.name';
  const rows = await readRows<Row>(
    em,
    `select ${key} as id, ${name} as name, count(*)::int as projects, coalesce(sum(served.person_times), 0)::int as person_times,
            array_agg(j.id order by j.id) as project_ids
       from project j
       left join project_type t on t.id = j.type_id left join project_area a on a.id = t.area_id
       left join lateral (select sum(s.person_times) as person_times from service_report s
                           where s.project_id = j.id and s.status = 'ACCEPTED' and s.reviewed_at >= ? and s.reviewed_at < ?) served on true
      where ${PROJECTS} and exists (select 1 from lifecycle_event e where e.project_id = j.id and e.created_at >= ? and e.created_at < ?)
      group by ${key}, ${name} order by projects desc, ${name} nulls last`,
    [period.from, period.to, scope.districtId, parks, parks, period.from, period.to],
    { prepare: false },
  );
  return rows.map((row) => ({ id: (row.id as string | null) ?? null, name: (row.name as string | null) ?? null, projects: count(row.projects), personTimes: count(row.person_times), projectIds: ids(row.project_ids) }));
}

/**
 * The top-three places the scope's projects took in proposal rounds closed in the period, with the
 * score and the size of the field (路演评分第一名), as the round's own leaderboard ranks them.
 */
async function rankingsWon(ctx: Context, scope: ReportScope, period: Period): Promise<RankingWon[]> {
  const parks = scope.parkIds && sqlArray(scope.parkIds);
  const rounds = await readRows<{ id: string }>(
    ctx.em,
    `select r.id from review_round r
      where r.kind = 'PROPOSAL' and r.closed_at >= ? and r.closed_at < ?
        and exists (select 1 from review_assignment a join project j on j.id = a.project_id where a.round_id = r.id and ${PROJECTS})
      order by r.closed_at, r.id`,
    [period.from, period.to, scope.districtId, parks, parks],
    { prepare: false },
  );
  const won: RankingWon[] = [];
  for (const { id } of rounds) {
    const round = (await ctx.loaders.byId(ReviewRound).load(id))!;
    for (const entry of await ranking(ctx, round)) {
      const inScope = entry.project.district?.id === scope.districtId && (!scope.parkIds || scope.parkIds.includes(entry.project.park?.id ?? ''));
      if (!inScope || entry.rank === null || entry.rank > 3 || entry.score === null) continue;
      won.push({ projectId: entry.project.id, title: entry.project.title, roundId: round.id, roundName: round.name, rank: entry.rank, score: entry.score, fieldSize: entry.fieldSize });
    }
  }
  return won;
}
