import type { Context } from '../../shared/context.js';
import { Role, inRoles, requireRole, type Viewer } from '../../shared/auth.js';
import { entitySql } from '../../shared/connection.js';
import { Grade, type Program } from '../programs/program.entity.js';
import { Project, ProjectStatus } from '../projects/project.entity.js';
import { visibleProjectsFilter } from '../projects/project.permissions.js';
import type { ProgramStatistics } from './program-statistics.types.js';

const GRADE_ORDER = [Grade.EXCELLENT, Grade.GOOD, Grade.PASS, Grade.FAIL];
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/**
 * The funnel is read from the audit trail ("ever submitted", "ever approved"), not from current
 * status alone, so a project that went on to close still counts as submitted and approved.
 */
const funnelSql = (counted: string) => `
with p as (select id, status, revision_count, final_grade from (${counted}) counted),
reached as (
  select e.project_id, bool_or(e.to_status = 'SUBMITTED') as submitted,
         bool_or(e.to_status in ('APPROVED', 'CONDITIONALLY_APPROVED')) as approved,
         bool_or(e.to_status = 'IN_PROGRESS') as delivered
    from lifecycle_event e join p on p.id = e.project_id where e.to_status is not null group by e.project_id),
coached as (select distinct c.project_id from coaching_session c join p on p.id = c.project_id),
visits as (select count(*) as n from supervision_visit v join p on p.id = v.project_id),
reports as (select count(*) as n, coalesce(sum(r.person_times), 0) as person_times, avg(r.satisfaction_rate) as satisfaction
              from service_report r join p on p.id = r.project_id where r.status = 'ACCEPTED')
select
  (select count(*) from p) as projects,
  (select count(*) from coached) as coached,
  (select count(*) from reached where submitted) as submitted,
  (select count(*) from reached join coached using (project_id) where submitted) as coached_and_submitted,
  (select count(*) from reached where approved) as approved,
  (select count(*) from reached where delivered) as delivered,
  (select avg(p.revision_count) from p join reached r on r.project_id = p.id where r.submitted) as average_revision_rounds,
  (select n from visits) as supervision_visits,
  (select n from reports) as accepted_reports,
  (select person_times from reports) as total_person_times,
  (select satisfaction from reports) as average_satisfaction,
  (select coalesce(json_object_agg(status, n), '{}') from (select status, count(*) as n from p group by status) s) as by_status,
  (select coalesce(json_object_agg(final_grade, n), '{}') from (select final_grade, count(*) as n from p where final_grade is not null group by final_grade) g) as by_grade`;

const STATISTICS_ROLES = [Role.ADMIN, Role.STAFF, Role.MENTOR];

/** The projects programme statistics count for the viewer: those they see as staff or mentor. */
export const countedProjectsFilter = (viewer: Viewer) => visibleProjectsFilter(inRoles(viewer, ...STATISTICS_ROLES));

/**
 * Figures over the programme's projects the viewer sees as staff or mentor, by the one visibility
 * rule: administrators all, staff those of their parks and districts, a mentor those they mentor
 * (on a small programme, the whole programme's figures would reveal single projects). What the
 * viewer sees as an evaluator or applicant is not counted.
 */
export async function programStatistics(ctx: Context, program: Program): Promise<ProgramStatistics> {
  const viewer = requireRole(ctx.viewer, 'see programme statistics', ...STATISTICS_ROLES);
  const counted = entitySql(ctx.em, Project, { $and: [{ program: program.id }, countedProjectsFilter(viewer)] });
  const [row] = await ctx.em.execute(funnelSql(counted.text), counted.params);
  const byStatus = row.by_status as Record<string, number>;
  const byGrade = row.by_grade as Record<string, number>;
  const count = (status: ProjectStatus) => Number(byStatus[status] ?? 0);
  const delivered = Number(row.delivered);
  const visits = Number(row.supervision_visits);
  return {
    programId: program.id,
    projects: Number(row.projects),
    coached: Number(row.coached),
    submitted: Number(row.submitted),
    coachedAndSubmitted: Number(row.coached_and_submitted),
    approved: Number(row.approved),
    rejected: count(ProjectStatus.REJECTED),
    withdrawn: count(ProjectStatus.WITHDRAWN),
    inProgress: count(ProjectStatus.IN_PROGRESS),
    closed: count(ProjectStatus.CLOSED),
    terminated: count(ProjectStatus.TERMINATED),
    closedByGrade: GRADE_ORDER.filter((grade) => byGrade[grade]).map((grade) => ({ grade, count: Number(byGrade[grade]) })),
    byStatus: Object.values(ProjectStatus).filter((status) => byStatus[status]).map((status) => ({ status, count: count(status) })),
    averageRevisionRounds: oneDecimal(row.average_revision_rounds),
    supervisionVisits: visits,
    visitsPerProject: delivered ? oneDecimal(visits / delivered) : null,
    acceptedReports: Number(row.accepted_reports),
    totalPersonTimes: Number(row.total_person_times),
    averageSatisfaction: oneDecimal(row.average_satisfaction),
  };
}
