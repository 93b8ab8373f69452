/**
 * A large, deterministic dataset for benchmarks: `npm run seed:large -- --database incubator_large [--today 2026-12-01] [--projects 20000]`.
 *
 * Creates the database afresh, applies the migrations with MikroORM's migrator, then fills every
 * table with set-based SQL (`insert … select … from generate_series`) in one transaction. Nothing is
 * random: every value is derived from a row's index (a multiplicative hash, modulo), every id is
 * `md5('<kind>:<index>')::uuid`, and every date is placed relative to `today`, so the same `today`
 * gives the same rows (the password hash excepted: `hashPassword` salts it). The rows go in through
 * the tables' own constraints and triggers; `district_id` is given explicitly, which the district
 * triggers keep, so they do not look it up row by row.
 *
 * Shape: 广东省 › 深圳市 › 8 districts › 6 streets each › 5 communities each; 3 parks per district
 * (2 streets each); 6,000 organisations (3 per 10 projects); 40 programmes (8 districts × 5 years); 20,000 projects (`--projects`) whose
 * statuses follow their programme's age; 1–4 revisions each; proposal rounds of 100 projects with
 * 5 evaluators per project; closing rounds with 3; coaching, action items, decisions and conditions,
 * delivery with monthly reports and supervision visits and follow-ups; the audit trail of all of it.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/app/mikro-orm.config.js';
import { hashPassword } from '../../src/modules/people/password.js';

export const LARGE_PASSWORD = 'incubator-large';
export const LARGE_LOGINS = {
  admin: 'admin@large.incubator.test',
  /** Staff of park 1 (福田区's first park). */
  staff: 'staff1@large.incubator.test',
  /** Staff of district 1 (福田区): runs its programmes and rounds. */
  district: 'district1@large.incubator.test',
  /** Mentor of park 1's projects. */
  mentor: 'mentor1@large.incubator.test',
  /** In 福田区's expert pool. */
  evaluator: 'evaluator1@large.incubator.test',
  /** Of organisation 1. */
  applicant: 'applicant1@large.incubator.test',
} as const;

const DISTRICTS = ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区', '坪山区'];
/** Projects by default; `--projects` builds a smaller or larger dataset of the same shape (3 organisations per 10 projects). */
export const PROJECTS = 20_000;
const organizationsFor = (projects: number) => Math.max(100, Math.round((projects * 3) / 10));

export interface LargeDatasetOptions {
  /** `postgres://…/postgres`: a server on which the database may be created. */
  serverUrl: string;
  database: string;
  /** The day the data is placed around (YYYY-MM-DD, in Shenzhen); default today. */
  today?: string;
  /** How many projects (PROJECTS when omitted); organisations scale with them, people, parks and programmes do not. */
  projects?: number;
  log?: (line: string) => void;
}

export interface LargeDataset {
  url: string;
  today: string;
  seconds: { migrate: number; fill: number; analyze: number; total: number };
  counts: Record<string, number>;
}

export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export const shenzhenToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Every statement of the fill, in order; `$1` is today (a date), `$2` the password hash. */
function fillStatements(PROJECTS: number): string[] {
  const ORGANIZATIONS = organizationsFor(PROJECTS);
  const districtNames = `array[${DISTRICTS.map((d) => `'${d}'`).join(',')}]`;
  return [
    `set local synchronous_commit = off`,
    // The temp tables have no statistics, so their estimates are huge and would have every statement JIT-compiled (a second each).
    `set local jit = off`,
    // A global ID as the API writes it into event details: base64url("Type:uuid").
    `create function pg_temp.gid(kind text, id uuid) returns text language sql immutable as $$
       select translate(replace(rtrim(encode(convert_to(kind || ':' || id::text, 'UTF8'), 'base64'), '='), E'\\n', ''), '+/', '-_') $$`,
    `create function pg_temp.uid(key text) returns uuid language sql immutable as $$ select md5(key)::uuid $$`,
    `create temp table knobs on commit drop as
       select $1::date as today, ($1::date + time '09:00') at time zone 'Asia/Shanghai' as now, $2::text as password_hash`,

    // Places: province, city, districts, streets, communities.
    `insert into place (id, name, level, parent_id, district_id) values
       (pg_temp.uid('place:province'), '广东省', 'PROVINCE', null, null),
       (pg_temp.uid('place:city'), '深圳市', 'CITY', pg_temp.uid('place:province'), null)`,
    `insert into place (id, name, level, parent_id, district_id)
       select pg_temp.uid('place:district:' || d), (${districtNames})[d + 1], 'DISTRICT', pg_temp.uid('place:city'), pg_temp.uid('place:district:' || d)
         from generate_series(0, 7) d`,
    `insert into place (id, name, level, parent_id, district_id)
       select pg_temp.uid('place:street:' || d || ':' || s), (${districtNames})[d + 1] || '第' || (s + 1) || '街道', 'STREET',
              pg_temp.uid('place:district:' || d), pg_temp.uid('place:district:' || d)
         from generate_series(0, 7) d, generate_series(0, 5) s`,
    `insert into place (id, name, level, parent_id, district_id)
       select pg_temp.uid('place:community:' || d || ':' || s || ':' || c), '第' || (s + 1) || '街道第' || (c + 1) || '社区', 'COMMUNITY',
              pg_temp.uid('place:street:' || d || ':' || s), pg_temp.uid('place:district:' || d)
         from generate_series(0, 7) d, generate_series(0, 5) s, generate_series(0, 4) c`,

    // Organisations (j = 1…6000): district (j-1)%8, street ((j-1)/8)%6, community ((j-1)/48)%5; the park of its street.
    `create temp table gorg on commit drop as
       select j, pg_temp.uid('organization:' || j) as id, (j - 1) % 8 as d, ((j - 1) / 8) % 6 as s, ((j - 1) / 48) % 5 as c,
              ((j - 1) % 8) * 3 + ((j - 1) / 8) % 6 / 2 as park
         from generate_series(1, ${ORGANIZATIONS}) j`,
    `insert into organization (id, created_at, name, kind, credit_code, contact_name, contact_phone, place_id, district_id, park_id)
       select o.id, k.now - interval '6 years' + o.j * interval '1 minute',
              (${districtNames})[o.d + 1] || '社会服务组织' || lpad(o.j::text, 5, '0'),
              (array['SOCIAL_ORGANIZATION','SOCIAL_WORK_AGENCY','FOUNDATION','COMMUNITY_COMMITTEE','RESIDENT_GROUP'])[o.j % 5 + 1],
              case when o.j % 5 = 4 then null else '52440300' || lpad(o.j::text, 10, '0') end,
              '联系人' || o.j, '0755-' || lpad((o.j * 7919 % 10000000)::text, 8, '0'),
              pg_temp.uid('place:community:' || o.d || ':' || o.s || ':' || o.c), pg_temp.uid('place:district:' || o.d), null
         from gorg o, knobs k`,

    // Parks: 3 per district (park n = d*3+k), at its first street, serving two streets, run by one of the district's organisations.
    `insert into park (id, created_at, name, place_id, district_id, operator_id)
       select pg_temp.uid('park:' || n), k.now - interval '6 years', (${districtNames})[n / 3 + 1] || '社会创新园' || (n % 3 + 1) || '号',
              pg_temp.uid('place:street:' || n / 3 || ':' || (n % 3) * 2), pg_temp.uid('place:district:' || n / 3),
              pg_temp.uid('organization:' || (n / 3 + 1))
         from generate_series(0, 23) n, knobs k`,
    `insert into park_street (park_id, street_id, district_id)
       select pg_temp.uid('park:' || n), pg_temp.uid('place:street:' || n / 3 || ':' || (n % 3) * 2 + t), pg_temp.uid('place:district:' || n / 3)
         from generate_series(0, 23) n, generate_series(0, 1) t`,
    `update organization o set park_id = pg_temp.uid('park:' || g.park) from gorg g where g.id = o.id`,

    // People. Staff n (1…48) work for park (n-1)/2, mentors n (1…96) for park (n-1)/4, evaluators n (1…240) for district (n-1)/30.
    `insert into person (id, created_at, email, name, password_hash, roles, organization_id)
       select pg_temp.uid('person:admin'), k.now - interval '6 years', '${LARGE_LOGINS.admin}', '平台管理员', k.password_hash, array['ADMIN'], null::uuid from knobs k
       union all
       select pg_temp.uid('person:district:' || d), k.now - interval '6 years', 'district' || (d + 1) || '@large.incubator.test',
              (${districtNames})[d + 1] || '职员', k.password_hash, array['STAFF'], null from generate_series(0, 7) d, knobs k
       union all
       select pg_temp.uid('person:staff:' || n), k.now - interval '6 years', 'staff' || n || '@large.incubator.test',
              '园区职员' || lpad(n::text, 3, '0'), k.password_hash, array['STAFF'], null from generate_series(1, 48) n, knobs k
       union all
       select pg_temp.uid('person:mentor:' || n), k.now - interval '6 years', 'mentor' || n || '@large.incubator.test',
              '督导' || lpad(n::text, 3, '0'), k.password_hash, array['MENTOR'], null from generate_series(1, 96) n, knobs k
       union all
       select pg_temp.uid('person:evaluator:' || n), k.now - interval '6 years', 'evaluator' || n || '@large.incubator.test',
              '评审专家' || lpad(n::text, 3, '0'), k.password_hash, array['EVALUATOR'], null from generate_series(1, 240) n, knobs k
       union all
       select pg_temp.uid('person:applicant:' || o.j), k.now - interval '6 years', 'applicant' || o.j || '@large.incubator.test',
              '申请人' || lpad(o.j::text, 5, '0'), k.password_hash, array['APPLICANT'], o.id from gorg o, knobs k`,
    `insert into district_member (district_id, person_id, since)
       select pg_temp.uid('place:district:' || d), pg_temp.uid('person:district:' || d), k.now - interval '6 years' from generate_series(0, 7) d, knobs k
       union all
       select pg_temp.uid('place:district:' || (n - 1) / 30), pg_temp.uid('person:evaluator:' || n), k.now - interval '6 years' from generate_series(1, 240) n, knobs k`,
    `insert into park_member (park_id, person_id, since, district_id)
       select pg_temp.uid('park:' || (n - 1) / 2), pg_temp.uid('person:staff:' || n), k.now - interval '6 years', pg_temp.uid('place:district:' || (n - 1) / 6)
         from generate_series(1, 48) n, knobs k
       union all
       select pg_temp.uid('park:' || (n - 1) / 4), pg_temp.uid('person:mentor:' || n), k.now - interval '6 years', pg_temp.uid('place:district:' || (n - 1) / 12)
         from generate_series(1, 96) n, knobs k`,

    // Taxonomy: 2 areas and 6 types per district.
    `insert into project_area (id, district_id, name, position)
       select pg_temp.uid('area:' || d || ':' || a), pg_temp.uid('place:district:' || d), (array['社区治理','民生服务'])[a + 1], a
         from generate_series(0, 7) d, generate_series(0, 1) a`,
    `insert into project_type (id, district_id, area_id, name, kind, max_grant)
       select pg_temp.uid('type:' || d || ':' || t), pg_temp.uid('place:district:' || d), pg_temp.uid('area:' || d || ':' || t / 3),
              (array['议事协商','平安建设','微改造','长者关爱','青少年成长','困境帮扶'])[t + 1], case when t = 2 then 'WORKS' else 'SERVICE' end, null
         from generate_series(0, 7) d, generate_series(0, 5) t`,

    // Programmes: one per district and year, a = 0 (this year's, open since 60 days ago) … 4.
    `create temp table gprog on commit drop as
       select d, a, d * 5 + a as n, pg_temp.uid('program:' || d || ':' || a) as id,
              k.now - (a * 365 + 60) * interval '1 day' as open_at
         from generate_series(0, 7) d, generate_series(0, 4) a, knobs k`,
    `insert into program (id, created_at, name, funder, year, focus_areas, budget_pool, max_grant, applications_open_at, applications_close_at,
                          proposal_rubric, closing_rubric, aggregation_rule, min_evaluators, blind_review, grade_thresholds, district_id, park_id)
       select p.id, p.open_at - interval '10 days',
              (${districtNames})[p.d + 1] || extract(year from p.open_at at time zone 'Asia/Shanghai') || '年度社会治理创新项目(第' || (5 - p.a) || '期)',
              (${districtNames})[p.d + 1] || '委政法委', extract(year from p.open_at at time zone 'Asia/Shanghai')::int, array['社区治理','民生服务'],
              50000000, 300000, p.open_at, p.open_at + interval '90 days',
              '[{"key":"need","title":"需求分析","weight":25,"maxScore":25},{"key":"design","title":"方案设计","weight":25,"maxScore":25},{"key":"capacity","title":"执行能力","weight":25,"maxScore":25},{"key":"budget","title":"预算合理性","weight":25,"maxScore":25}]',
              '[{"key":"delivery","title":"完成情况","weight":25,"maxScore":25},{"key":"outcome","title":"服务成效","weight":25,"maxScore":25},{"key":"finance","title":"资金使用","weight":25,"maxScore":25},{"key":"records","title":"档案规范","weight":25,"maxScore":25}]',
              case when p.d % 2 = 0 then 'MEAN' else 'TRIMMED_MEAN' end, 3, false, '{"excellent":90,"good":80,"pass":60}', pg_temp.uid('place:district:' || p.d), null
         from gprog p`,

    // Projects (i = 1…20000): organisation, programme of its district, status by the programme's age, a timeline from t0.
    `create temp table gp0 on commit drop as
       select i, pg_temp.uid('project:' || i) as id, (i::bigint * 2654435761) % 4294967296 as h, ((i - 1) % ${ORGANIZATIONS}) + 1 as j
         from generate_series(1, ${PROJECTS}) i`,
    `create temp table gp on commit drop as
       select g.i, g.id, g.h, g.j, o.id as org_id, o.d, o.park, p.a, p.n as prog, p.id as program_id, p.open_at,
              pg_temp.uid('place:district:' || o.d) as district_id, pg_temp.uid('park:' || o.park) as park_id,
              least(4, 1 + (g.h / 7) % 4 + (g.i % 100 = 0)::int) as revisions, 1 + (g.h / 13) % 3 as sessions,
              pg_temp.uid('person:applicant:' || g.j) as applicant_id,
              pg_temp.uid('person:staff:' || (o.park * 2 + 1 + (g.h / 37) % 2)) as lead_id,
              pg_temp.uid('person:district:' || o.d) as district_staff_id,
              o.park * 4 + 1 + (g.h / 31) % 4 as mentor_n,
              case
                when p.a = 0 then case
                  when g.h % 100 < 20 then 'DRAFT' when g.h % 100 < 25 then 'WITHDRAWN' when g.h % 100 < 40 then 'SUBMITTED'
                  when g.h % 100 < 70 then 'UNDER_REVIEW' when g.h % 100 < 78 then 'REVISION_REQUESTED' when g.h % 100 < 85 then 'REJECTED'
                  when g.h % 100 < 90 then 'CONDITIONALLY_APPROVED' when g.h % 100 < 95 then 'APPROVED' else 'IN_PROGRESS' end
                when p.a = 1 then case
                  when g.h % 100 < 25 then 'REJECTED' when g.h % 100 < 30 then 'WITHDRAWN' when g.h % 100 < 75 then 'IN_PROGRESS'
                  when g.h % 100 < 80 then 'TERMINATED' when g.h % 100 < 90 then 'CLOSING_REVIEW' else 'CLOSED' end
                else case
                  when g.h % 100 < 30 then 'REJECTED' when g.h % 100 < 35 then 'WITHDRAWN' when g.h % 100 < 40 then 'TERMINATED' else 'CLOSED' end
              end as status,
              p.open_at + ((g.h / 1000) % 25) * interval '1 day' + (g.i % 600) * interval '1 minute' as t0
         from gp0 g join gorg o on o.j = g.j join gprog p on p.d = o.d and p.a = (g.h / 100) % 5`,
    `alter table gp add column stage int, add column delivery_start timestamptz, add column months int`,
    // stage: 0 draft, 1 submitted, 2 under review, 3 decided, 4 in delivery, 5 closing review, 6 closed.
    `update gp set stage = case status
       when 'DRAFT' then 0 when 'WITHDRAWN' then 0 when 'SUBMITTED' then 1 when 'UNDER_REVIEW' then 2
       when 'REVISION_REQUESTED' then 3 when 'REJECTED' then 3 when 'CONDITIONALLY_APPROVED' then 3 when 'APPROVED' then 3
       when 'IN_PROGRESS' then 4 when 'TERMINATED' then 4 when 'CLOSING_REVIEW' then 5 else 6 end`,
    `update gp set delivery_start = t0 + interval '35 days' where stage >= 4`,
    // Months of delivery with a report each: six for the closing and closed, three for the terminated, up to last month for those in delivery.
    `update gp set months = case
       when status = 'TERMINATED' then 3 when stage >= 5 then 6
       else (select (extract(year from k.today) * 12 + extract(month from k.today))::int
                  - (extract(year from delivery_start at time zone 'Asia/Shanghai') * 12 + extract(month from delivery_start at time zone 'Asia/Shanghai'))::int
               from knobs k) end
       where stage >= 4`,
    `create index on gp (i)`,
    `analyze gp`,

    `insert into project (id, created_at, program_id, organization_id, title, focus_area, community_served, status, lead_staff_id, revision_count,
                          submitted_at, approved_grant, created_by_id, updated_at, version, final_score, final_grade, park_id, district_id, type_id)
       select g.id, g.t0, g.program_id, g.org_id, '社区服务项目' || lpad(g.i::text, 5, '0') || (array['·邻里守望','·长者关爱','·青少年成长','·议事协商','·平安共建'])[g.i % 5 + 1],
              (array['社区治理','民生服务'])[g.i % 2 + 1], '服务社区' || (g.h % 5 + 1), g.status, g.lead_id, g.revisions,
              case when g.stage >= 1 then g.t0 + interval '10 days' end,
              case when g.status in ('APPROVED','IN_PROGRESS','TERMINATED','CLOSING_REVIEW','CLOSED','CONDITIONALLY_APPROVED')
                   then 50000 + (g.h % 200) * 1000 + g.revisions * 1000 end,
              g.applicant_id, g.t0, 1, null, null, g.park_id, g.district_id, pg_temp.uid('type:' || g.d || ':' || g.i % 6)
         from gp g order by g.i`,
    `insert into project_mentor (project_id, mentor_id, assigned_at, district_id)
       select g.id, pg_temp.uid('person:mentor:' || g.mentor_n), g.t0 + interval '6 days', g.district_id from gp g
       union all
       select g.id, pg_temp.uid('person:mentor:' || (g.park * 4 + 1 + (g.h / 31 + 1) % 4)), g.t0 + interval '6 days', g.district_id from gp g where (g.h / 43) % 3 = 0`,

    // Revisions: n = 1…revisions, one day apart; the budget lines add up to the request.
    `insert into proposal_revision (id, created_at, project_id, number, summary, needs, objectives, activity_plan, beneficiaries, indicator_targets,
                                    budget_lines, requested_amount, team, change_note, author_id, district_id)
       select pg_temp.uid('revision:' || g.i || ':' || n), g.t0 + n * interval '1 day', g.id, n,
              '项目' || g.i || '第' || n || '稿：以社区为平台，联动社会组织与志愿者，为居民提供持续服务。',
              '社区' || (g.h % 5 + 1) || '长者与青少年服务需求突出，现有资源分散。',
              jsonb_build_array('建立邻里互助网络', '开展常态化服务活动' || n),
              jsonb_build_array(jsonb_build_object('title', '需求调研', 'period', '第一季度', 'description', '走访' || (20 + n) || '户'),
                                jsonb_build_object('title', '服务实施', 'period', '第二至四季度', 'description', '')),
              '社区居民约' || (500 + g.h % 1000) || '人',
              jsonb_build_array(jsonb_build_object('name', '服务人次', 'unit', '人次', 'target', 1000 + (g.h % 20) * 100),
                                jsonb_build_object('name', '活动场次', 'unit', '场', 'target', 12 + g.h % 12)),
              jsonb_build_array(jsonb_build_object('item', '活动物资', 'amount', (50000 + (g.h % 200) * 1000 + n * 1000) * 6 / 10, 'note', null),
                                jsonb_build_object('item', '人员费用', 'amount', (50000 + (g.h % 200) * 1000 + n * 1000) - (50000 + (g.h % 200) * 1000 + n * 1000) * 6 / 10, 'note', '社工2名')),
              50000 + (g.h % 200) * 1000 + n * 1000,
              jsonb_build_array(jsonb_build_object('name', '项目负责人' || g.j, 'role', '项目负责人'), jsonb_build_object('name', '社工' || g.j, 'role', '社工')),
              case when n > 1 then '根据辅导意见修改第' || (n - 1) || '稿' end,
              g.applicant_id, g.district_id
         from gp g, generate_series(1, 4) n where n <= g.revisions`,
    `update project p set current_revision_id = pg_temp.uid('revision:' || g.i || ':' || g.revisions),
                          approved_revision_id = case when p.approved_grant is not null then pg_temp.uid('revision:' || g.i || ':' || g.revisions) end
       from gp g where g.id = p.id`,

    // Coaching: sessions c = 1…sessions, two days apart, each with one action item; open items only for drafts.
    `insert into coaching_session (id, created_at, project_id, coach_id, held_at, mode, duration_minutes, topics, notes, discussed_revision_id, answered_by_revision_id, district_id)
       select pg_temp.uid('session:' || g.i || ':' || c), g.t0 + c * interval '2 days' + interval '3 hours', g.id, pg_temp.uid('person:mentor:' || g.mentor_n),
              g.t0 + c * interval '2 days' + interval '2 hours', (array['ON_SITE','ONLINE','PHONE'])[c], 60 + c * 30, array['方案设计','预算'],
              '第' || c || '次辅导：梳理目标与预算。', null, null, g.district_id
         from gp g, generate_series(1, 3) c where c <= g.sessions`,
    `insert into action_item (id, created_at, session_id, project_id, description, due_date, done_at, done_by_id, district_id)
       select pg_temp.uid('action:' || g.i || ':' || c), g.t0 + c * interval '2 days' + interval '3 hours', pg_temp.uid('session:' || g.i || ':' || c), g.id,
              '补充第' || c || '项材料', ((g.t0 + c * interval '2 days') at time zone 'Asia/Shanghai')::date + 14,
              case when g.stage > 0 then g.t0 + c * interval '2 days' + interval '4 days' end,
              case when g.stage > 0 then g.applicant_id end, g.district_id
         from gp g, generate_series(1, 3) c where c <= g.sessions`,

    // Review rounds: a programme's reviewed projects in batches of 100 (by index), one proposal round per batch; one closing round per programme.
    `create temp table greview on commit drop as
       select g.*, (row_number() over (partition by g.prog order by g.i) - 1) / 100 as batch
         from gp g where g.stage >= 2`,
    `insert into review_round (id, created_at, program_id, kind, name, opened_by_id, closed_at, district_id)
       select distinct on (r.prog, r.batch) pg_temp.uid('round:' || r.prog || ':' || r.batch), r.open_at + interval '10 days', r.program_id, 'PROPOSAL',
              '立项评审(第' || (r.batch + 1) || '批)', r.district_staff_id, case when r.a > 0 then r.open_at + interval '120 days' end, r.district_id
         from greview r order by r.prog, r.batch`,
    `insert into review_round (id, created_at, program_id, kind, name, opened_by_id, closed_at, district_id)
       select pg_temp.uid('round:closing:' || p.n), p.open_at + interval '150 days', p.id, 'CLOSING', '结项评审', pg_temp.uid('person:district:' || p.d),
              case when p.a > 1 then p.open_at + interval '330 days' end, pg_temp.uid('place:district:' || p.d)
         from gprog p where p.a > 0`,
    // Proposal scorecards: 5 evaluators from the district's pool; all submitted once decided, h % 6 of them while under review.
    `create temp table gcard on commit drop as
       select r.i, r.id as project_id, r.district_id, r.h, r.t0, r.status, r.stage, 'PROPOSAL' as kind, k,
              pg_temp.uid('card:' || r.i || ':p:' || k) as id, pg_temp.uid('round:' || r.prog || ':' || r.batch) as round_id,
              pg_temp.uid('person:evaluator:' || (r.d * 30 + 1 + ((r.h / 41) % 30 + k * 6) % 30)) as evaluator_id,
              pg_temp.uid('revision:' || r.i || ':' || r.revisions) as revision_id,
              r.t0 + interval '15 days' as assigned_at, r.t0 + interval '16 days' + k * interval '1 day' as submitted_at,
              (r.stage >= 3 or k < r.h % 6) as submitted,
              12 + (r.h / 3 + k * 5) % 14 as s1, 12 + (r.h / 5 + k * 3) % 14 as s2, 12 + (r.h / 11 + k * 7) % 14 as s3, 12 + (r.h / 17 + k) % 14 as s4
         from greview r, generate_series(0, 4) k
       union all
       select g.i, g.id, g.district_id, g.h, g.t0, g.status, g.stage, 'CLOSING', k,
              pg_temp.uid('card:' || g.i || ':c:' || k), pg_temp.uid('round:closing:' || g.prog),
              pg_temp.uid('person:evaluator:' || (g.d * 30 + 1 + ((g.h / 41) % 30 + k * 6 + 3) % 30)), null,
              g.delivery_start + interval '6 months 6 days', g.delivery_start + interval '6 months 7 days' + k * interval '1 day',
              (g.stage = 6 or k < g.h % 4),
              14 + (g.h / 3 + k * 5) % 12, 14 + (g.h / 5 + k * 3) % 12, 14 + (g.h / 11 + k * 7) % 12, 14 + (g.h / 17 + k) % 12
         from gp g, generate_series(0, 2) k where g.stage >= 5`,
    `insert into review_assignment (id, created_at, round_id, project_id, evaluator_id, revision_id, status, conflict_reason, scores, recommendation, comment,
                                    total, submitted_at, due_date, district_id)
       select c.id, c.assigned_at, c.round_id, c.project_id, c.evaluator_id, c.revision_id, case when c.submitted then 'SUBMITTED' else 'ASSIGNED' end, null,
              case when c.submitted then jsonb_build_array(
                jsonb_build_object('criterionKey', case when c.kind = 'PROPOSAL' then 'need' else 'delivery' end, 'score', c.s1, 'comment', '较好'),
                jsonb_build_object('criterionKey', case when c.kind = 'PROPOSAL' then 'design' else 'outcome' end, 'score', c.s2, 'comment', ''),
                jsonb_build_object('criterionKey', case when c.kind = 'PROPOSAL' then 'capacity' else 'finance' end, 'score', c.s3, 'comment', ''),
                jsonb_build_object('criterionKey', case when c.kind = 'PROPOSAL' then 'budget' else 'records' end, 'score', c.s4, 'comment', '')) else '[]' end,
              case when c.submitted and c.kind = 'PROPOSAL' then case when c.s1 + c.s2 + c.s3 + c.s4 >= 75 then 'APPROVE' when c.s1 + c.s2 + c.s3 + c.s4 >= 60 then 'REVISE' else 'REJECT' end end,
              case when c.submitted then '评审意见' end,
              case when c.submitted then c.s1 + c.s2 + c.s3 + c.s4 end,
              case when c.submitted then c.submitted_at end,
              case when c.status = 'UNDER_REVIEW' and not c.submitted then k.today + (c.h % 10)::int - 3 else (c.assigned_at at time zone 'Asia/Shanghai')::date + 14 end,
              c.district_id
         from gcard c, knobs k order by c.assigned_at, c.id`,
    `update project p set final_score = s.score, final_grade = case when s.score >= 90 then 'EXCELLENT' when s.score >= 80 then 'GOOD' when s.score >= 60 then 'PASS' else 'FAIL' end
       from (select project_id, round(avg(s1 + s2 + s3 + s4), 1) as score from gcard where kind = 'CLOSING' and status = 'CLOSED' group by project_id) s
       where s.project_id = p.id`,

    // Decisions of the decided: the outcome their status says; a condition for conditional approvals.
    `insert into decision (id, created_at, project_id, revision_id, outcome, grant_amount, rationale, override_reason, decided_by_id, district_id)
       select pg_temp.uid('decision:' || g.i), g.t0 + interval '25 days', g.id, pg_temp.uid('revision:' || g.i || ':' || g.revisions),
              case g.status when 'REJECTED' then 'REJECTED' when 'REVISION_REQUESTED' then 'REVISION_REQUESTED'
                            when 'CONDITIONALLY_APPROVED' then 'APPROVED_WITH_CONDITIONS' else 'APPROVED' end,
              case when g.status not in ('REJECTED', 'REVISION_REQUESTED') then 50000 + (g.h % 200) * 1000 + g.revisions * 1000 end,
              '依据评审得分与排名作出决定', null, g.district_staff_id, g.district_id
         from gp g where g.stage >= 3`,
    `insert into decision_condition (id, created_at, decision_id, position, text, met_at, met_by_id, district_id)
       select pg_temp.uid('condition:' || g.i), g.t0 + interval '25 days', pg_temp.uid('decision:' || g.i), 1, '补充街道同意书', null, null, g.district_id
         from gp g where g.status = 'CONDITIONALLY_APPROVED'`,

    // Delivery: a monthly report per month (the last of those in delivery awaiting acceptance, returned, or for one in five missing), a visit every other month.
    `create temp table greport on commit drop as
       select g.i, g.id as project_id, g.district_id, g.h, g.applicant_id, g.lead_id, m,
              to_char((g.delivery_start at time zone 'Asia/Shanghai') + m * interval '1 month', 'YYYY-MM') as period,
              least(date_trunc('month', (g.delivery_start at time zone 'Asia/Shanghai') + (m + 1) * interval '1 month') + interval '2 days 10 hours',
                    (k.now at time zone 'Asia/Shanghai') - interval '2 hours') at time zone 'Asia/Shanghai' as submitted_at,
              case when g.status = 'IN_PROGRESS' and m = g.months - 1 then (array['SUBMITTED','RETURNED','ACCEPTED'])[g.h % 3 + 1] else 'ACCEPTED' end as status
         from gp g, generate_series(0, 11) m, knobs k
        where g.stage >= 4 and m < g.months and not (g.status = 'IN_PROGRESS' and g.h % 5 = 4 and m = g.months - 1)`,
    `insert into service_report (id, created_at, project_id, period, sessions_held, person_times, volunteers, volunteer_hours, satisfaction_rate, spending,
                                 narrative, indicator_actuals, status, return_reason, submitted_by_id, submitted_at, reviewed_by_id, reviewed_at, district_id)
       select pg_temp.uid('report:' || r.i || ':' || r.m), r.submitted_at, r.project_id, r.period, 2 + (r.h + r.m) % 6, 80 + (r.h / 7 + r.m * 13) % 200,
              3 + r.m % 5, 10.5 + r.m, 90 + (r.h + r.m) % 10, 5000 + ((r.h + r.m) % 50) * 100,
              r.period || '月开展服务活动。',
              jsonb_build_array(jsonb_build_object('name', '服务人次', 'actual', 80 + (r.h / 7 + r.m * 13) % 200), jsonb_build_object('name', '活动场次', 'actual', 2 + (r.h + r.m) % 6)),
              r.status, case when r.status = 'RETURNED' then '请补充活动照片' end, r.applicant_id, r.submitted_at,
              case when r.status <> 'SUBMITTED' then r.lead_id end, case when r.status <> 'SUBMITTED' then r.submitted_at + interval '1 hour' end,
              r.district_id
         from greport r order by r.submitted_at, r.i`,
    `create temp table gvisit on commit drop as
       select g.i, g.id as project_id, g.district_id, g.lead_id, g.status, v, g.delivery_start + v * interval '60 days' + interval '20 days' as visited_at,
              case when (g.h / 3 + v) % 17 = 0 then 'WARNING' when (g.h / 3 + v) % 7 = 0 then 'ATTENTION' else 'NORMAL' end as risk,
              (v + 1) * 2 >= g.months as last
         from gp g, generate_series(0, 5) v, knobs k
        where g.stage >= 4 and v * 2 < greatest(g.months, 1) and g.delivery_start + v * interval '60 days' + interval '20 days' < k.now`,
    `insert into supervision_visit (id, created_at, project_id, visitor_id, visited_at, kind, findings, risk_level, district_id)
       select pg_temp.uid('visit:' || v.i || ':' || v.v), v.visited_at, v.project_id, v.lead_id, v.visited_at,
              (array['SITE_VISIT','ONLINE_CHECK','ACTIVITY_OBSERVATION'])[v.v % 3 + 1], '活动按计划开展。', v.risk, v.district_id
         from gvisit v order by v.visited_at, v.i`,
    `insert into follow_up (id, created_at, visit_id, project_id, description, due_date, closed_at, resolution, closed_by_id, district_id)
       select pg_temp.uid('followup:' || v.i || ':' || v.v), v.visited_at, pg_temp.uid('visit:' || v.i || ':' || v.v), v.project_id, '整改：补齐签到记录',
              (v.visited_at at time zone 'Asia/Shanghai')::date + 14,
              case when not (v.status = 'IN_PROGRESS' and v.last) then v.visited_at + interval '10 days' end,
              case when not (v.status = 'IN_PROGRESS' and v.last) then '已整改' end,
              case when not (v.status = 'IN_PROGRESS' and v.last) then v.lead_id end, v.district_id
         from gvisit v where v.risk <> 'NORMAL'`,

    // The audit trail, in time order, so positions follow time as they do when the API writes them.
    `create temp table gevent (project_id uuid, district_id uuid, at timestamptz, key text, type text, from_status text, to_status text,
                               actor_id uuid, evaluator_id uuid, details jsonb) on commit drop`,
    `insert into gevent
       select g.id, g.district_id, g.t0, 'created', 'PROJECT_CREATED', null, null, g.applicant_id, null::uuid,
              jsonb_build_object('title', '社区服务项目' || lpad(g.i::text, 5, '0') || (array['·邻里守望','·长者关爱','·青少年成长','·议事协商','·平安共建'])[g.i % 5 + 1])
         from gp g
       union all
       select g.id, g.district_id, g.t0 + n * interval '1 day', 'rev:' || n, 'REVISION_SAVED', null, null, g.applicant_id, null,
              jsonb_build_object('revisionId', pg_temp.gid('ProposalRevision', pg_temp.uid('revision:' || g.i || ':' || n)), 'number', n, 'answersSessionIds', '[]'::jsonb)
         from gp g, generate_series(1, 4) n where n <= g.revisions
       union all
       select g.id, g.district_id, g.t0 + c * interval '2 days' + interval '3 hours', 'coach:' || c, 'COACHING_LOGGED', null, null, pg_temp.uid('person:mentor:' || g.mentor_n), null,
              jsonb_build_object('sessionId', pg_temp.gid('CoachingSession', pg_temp.uid('session:' || g.i || ':' || c)), 'mode', (array['ON_SITE','ONLINE','PHONE'])[c],
                                 'durationMinutes', 60 + c * 30, 'actionItems', 1)
         from gp g, generate_series(1, 3) c where c <= g.sessions
       union all
       select g.id, g.district_id, g.t0 + c * interval '2 days' + interval '4 days', 'action:' || c, 'ACTION_ITEM_UPDATED', null, null, g.applicant_id, null,
              jsonb_build_object('actionItemId', pg_temp.gid('ActionItem', pg_temp.uid('action:' || g.i || ':' || c)), 'done', true)
         from gp g, generate_series(1, 3) c where c <= g.sessions and g.stage > 0
       union all
       select g.id, g.district_id, g.t0 + interval '6 days', 'team', 'TEAM_ASSIGNED', null, null, g.lead_id, null,
              jsonb_build_object('leadStaffId', pg_temp.gid('Person', g.lead_id), 'mentorIds', jsonb_build_array(pg_temp.gid('Person', pg_temp.uid('person:mentor:' || g.mentor_n))))
         from gp g
       union all
       select g.id, g.district_id, g.t0 + interval '10 days', 'submit', 'STATUS_CHANGED', 'DRAFT', 'SUBMITTED', g.applicant_id, null,
              jsonb_build_object('action', 'SUBMIT', 'revisionNumber', g.revisions)
         from gp g where g.stage >= 1
       union all
       select g.id, g.district_id, g.t0 + interval '9 days', 'withdraw', 'STATUS_CHANGED', 'DRAFT', 'WITHDRAWN', g.applicant_id, null,
              jsonb_build_object('action', 'WITHDRAW', 'reason', '机构调整')
         from gp g where g.status = 'WITHDRAWN'
       union all
       select c.project_id, c.district_id, c.assigned_at, 'assign:' || c.kind || c.k, 'EVALUATOR_ASSIGNED', null, null, null, c.evaluator_id,
              jsonb_build_object('roundId', pg_temp.gid('ReviewRound', c.round_id), 'assignmentId', pg_temp.gid('ReviewAssignment', c.id), 'kind', c.kind)
         from gcard c
       union all
       select g.id, g.district_id, g.t0 + interval '15 days 1 minute', 'start-review', 'STATUS_CHANGED', 'SUBMITTED', 'UNDER_REVIEW', g.lead_id, null,
              jsonb_build_object('action', 'START_REVIEW', 'roundId', pg_temp.gid('ReviewRound', pg_temp.uid('round:' || g.prog || ':' || g.batch)))
         from greview g
       union all
       select c.project_id, c.district_id, c.submitted_at, 'card:' || c.kind || c.k, 'SCORECARD_SUBMITTED', null, null, c.evaluator_id, c.evaluator_id,
              jsonb_build_object('roundId', pg_temp.gid('ReviewRound', c.round_id), 'assignmentId', pg_temp.gid('ReviewAssignment', c.id),
                                 'submitted', c.k + 1, 'expected', case when c.kind = 'PROPOSAL' then 5 else 3 end)
         from gcard c where c.submitted
       union all
       select c.project_id, min(c.district_id::text)::uuid, max(c.submitted_at) + interval '1 minute', 'review-completed:' || c.kind, 'REVIEW_COMPLETED', null, null, null, null,
              jsonb_build_object('roundId', pg_temp.gid('ReviewRound', min(c.round_id::text)::uuid), 'kind', c.kind,
                                 'rule', 'MEAN', 'score', round(avg(c.s1 + c.s2 + c.s3 + c.s4), 3),
                                 'counted', jsonb_agg(pg_temp.gid('ReviewAssignment', c.id) order by c.k), 'dropped', '[]'::jsonb)
         from gcard c group by c.project_id, c.kind having bool_and(c.submitted)
       union all
       select g.id, g.district_id, g.t0 + interval '25 days', 'decision', 'DECISION_RECORDED', 'UNDER_REVIEW', case when g.stage > 3 then 'APPROVED' else g.status end,
              g.district_staff_id, null,
              jsonb_build_object('action', case g.status when 'REJECTED' then 'REJECT' when 'REVISION_REQUESTED' then 'REQUEST_REVISION'
                                                       when 'CONDITIONALLY_APPROVED' then 'APPROVE_WITH_CONDITIONS' else 'APPROVE' end,
                                 'outcome', case g.status when 'REJECTED' then 'REJECTED' when 'REVISION_REQUESTED' then 'REVISION_REQUESTED'
                                                       when 'CONDITIONALLY_APPROVED' then 'APPROVED_WITH_CONDITIONS' else 'APPROVED' end,
                                 'grantAmount', case when g.status not in ('REJECTED', 'REVISION_REQUESTED') then 50000 + (g.h % 200) * 1000 + g.revisions * 1000 end,
                                 'revisionNumber', g.revisions)
         from gp g where g.stage >= 3
       union all
       select g.id, g.district_id, g.delivery_start, 'start-delivery', 'STATUS_CHANGED', 'APPROVED', 'IN_PROGRESS', g.lead_id, null, jsonb_build_object('action', 'START_DELIVERY')
         from gp g where g.stage >= 4
       union all
       select r.project_id, r.district_id, r.submitted_at, 'report:' || r.m, 'REPORT_SUBMITTED', null, null, r.applicant_id, null,
              jsonb_build_object('reportId', pg_temp.gid('ServiceReport', pg_temp.uid('report:' || r.i || ':' || r.m)), 'period', r.period, 'resubmission', false)
         from greport r
       union all
       select r.project_id, r.district_id, r.submitted_at + interval '1 hour', 'report-review:' || r.m, case when r.status = 'ACCEPTED' then 'REPORT_ACCEPTED' else 'REPORT_RETURNED' end,
              null, null, r.lead_id, null,
              case when r.status = 'ACCEPTED' then jsonb_build_object('reportId', pg_temp.gid('ServiceReport', pg_temp.uid('report:' || r.i || ':' || r.m)), 'period', r.period)
                   else jsonb_build_object('reportId', pg_temp.gid('ServiceReport', pg_temp.uid('report:' || r.i || ':' || r.m)), 'period', r.period, 'reason', '请补充活动照片') end
         from greport r where r.status <> 'SUBMITTED'
       union all
       select v.project_id, v.district_id, v.visited_at, 'visit:' || v.v, 'VISIT_LOGGED', null, null, v.lead_id, null,
              jsonb_build_object('visitId', pg_temp.gid('SupervisionVisit', pg_temp.uid('visit:' || v.i || ':' || v.v)), 'kind', (array['SITE_VISIT','ONLINE_CHECK','ACTIVITY_OBSERVATION'])[v.v % 3 + 1],
                                 'riskLevel', v.risk, 'followUps', case when v.risk <> 'NORMAL' then 1 else 0 end)
         from gvisit v
       union all
       select v.project_id, v.district_id, v.visited_at + interval '10 days', 'followup:' || v.v, 'FOLLOW_UP_CLOSED', null, null, v.lead_id, null,
              jsonb_build_object('followUpId', pg_temp.gid('FollowUp', pg_temp.uid('followup:' || v.i || ':' || v.v)), 'visitId', pg_temp.gid('SupervisionVisit', pg_temp.uid('visit:' || v.i || ':' || v.v)))
         from gvisit v where v.risk <> 'NORMAL' and not (v.status = 'IN_PROGRESS' and v.last)
       union all
       select g.id, g.district_id, g.delivery_start + interval '6 months 5 days', 'open-closing', 'STATUS_CHANGED', 'IN_PROGRESS', 'CLOSING_REVIEW', g.lead_id, null,
              jsonb_build_object('action', 'OPEN_CLOSING')
         from gp g where g.stage >= 5
       union all
       select g.id, g.district_id, g.delivery_start + interval '3 months 5 days', 'terminate', 'STATUS_CHANGED', 'IN_PROGRESS', 'TERMINATED', g.lead_id, null,
              jsonb_build_object('action', 'TERMINATE', 'reason', '服务对象迁出')
         from gp g where g.status = 'TERMINATED'
       union all
       select g.id, g.district_id, g.delivery_start + interval '6 months 15 days', 'close', 'STATUS_CHANGED', 'CLOSING_REVIEW', 'CLOSED', g.lead_id, null,
              jsonb_build_object('action', 'CLOSE', 'score', p.final_score, 'rule', 'MEAN', 'grade', p.final_grade)
         from gp g join project p on p.id = g.id where g.stage = 6`,
    `insert into lifecycle_event (id, created_at, project_id, type, actor_id, evaluator_id, from_status, to_status, details, district_id)
       select pg_temp.uid('event:' || e.project_id || ':' || e.key), e.at, e.project_id, e.type, e.actor_id, e.evaluator_id, e.from_status, e.to_status, e.details, e.district_id
         from gevent e order by e.at, e.project_id, e.key`,
    `update project p set updated_at = e.last from (select project_id, max(at) as last from gevent group by project_id) e where e.project_id = p.id`,
    ...parkWorkStatements(districtNames),
  ];
}

/** Activities per park and year, and resource offers per park and year, over the last ACTIVITY_YEARS years before today. */
const ACTIVITY_YEARS = 5;
const ACTIVITIES_PER_YEAR = 40;
const OFFERS_PER_YEAR = 20;

/**
 * The parks' own work (after the projects, whose temp tables gp and gorg it reads): activities with
 * their sessions, registrations (the park's applicants and guests from its district's streets and
 * communities), check-ins per session and satisfaction; projects linked to coaching workshops and
 * organisations to exchanges; resource offers, projects' needs, and matches in every status. Placed
 * back from today: activity i of a park starts i × 365/40 days before today, offer o o × 365/20 days
 * before; sessions after now have no check-ins or headcount, matches no later step than now allows.
 */
function parkWorkStatements(districtNames: string): string[] {
  const ACTIVITIES = ACTIVITY_YEARS * ACTIVITIES_PER_YEAR;
  const OFFERS = ACTIVITY_YEARS * OFFERS_PER_YEAR;
  const hash = (expression: string) => `(((${expression})::bigint * 2654435761) % 4294967296)`;
  return [
    // The park's members: its organisations' applicants (r = 0… per park), with where they come from.
    `create temp table gmember on commit drop as
       select o.park, (row_number() over (partition by o.park order by o.j) - 1)::int as idx, o.id as org_id,
              pg_temp.uid('person:applicant:' || o.j) as person_id, pg_temp.uid('place:street:' || o.d || ':' || o.s) as street_id,
              pg_temp.uid('place:community:' || o.d || ':' || o.s || ':' || o.c) as community_id,
              (${districtNames})[o.d + 1] || '社会服务组织' || lpad(o.j::text, 5, '0') as unit
         from gorg o`,
    `create index on gmember (park, idx)`,
    `create temp table gparkm on commit drop as select park, count(*)::int as members from gmember group by park`,
    // Activities: 40 a year per park, kinds in a fixed mix (p, a permutation of 0…39 over each 40): 8 courses of 4–8 weekly
    // sessions, 10 coaching workshops, 5 theme days (public), 5 exchanges, 6 lectures (half public), 4 observations of 2–4 daily batches, 2 volunteer teams.
    `create temp table gact on commit drop as
       select x.*, least(x.regs * x.member_pct / 100, pm.members) as members, pm.members as park_members,
              x.starts_at + (x.sessions - 1) * x.spacing + x.duration as ends_at, x.starts_at - interval '14 days' as created_at
         from (select b.park, b.park / 3 as d, b.i, b.h, b.kind, pg_temp.uid('activity:' || b.park || ':' || b.i) as id,
                      pg_temp.uid('park:' || b.park) as park_id, pg_temp.uid('place:district:' || b.park / 3) as district_id,
                      pg_temp.uid('person:staff:' || (b.park * 2 + 1 + b.h % 2)) as staff_id,
                      case b.kind when 'TRAINING_COURSE' then 4 + b.h % 5 when 'COACHING_WORKSHOP' then 1 + b.h % 2 when 'EXCHANGE' then 1 + b.h % 2
                                  when 'SITE_OBSERVATION' then 2 + b.h % 3 when 'VOLUNTEER_TEAM_FORMATION' then 1 + b.h % 3 else 1 end as sessions,
                      case b.kind when 'TRAINING_COURSE' then 20 + b.h % 21 when 'COACHING_WORKSHOP' then 8 + b.h % 13 when 'THEME_DAY' then 25 + b.h % 26
                                  when 'EXCHANGE' then 12 + b.h % 19 when 'LECTURE' then 25 + b.h % 36 when 'SITE_OBSERVATION' then 20 + b.h % 21 else 12 + b.h % 13 end as regs,
                      case b.kind when 'TRAINING_COURSE' then 60 when 'COACHING_WORKSHOP' then 80 when 'THEME_DAY' then 20 when 'EXCHANGE' then 50
                                  when 'LECTURE' then 30 when 'SITE_OBSERVATION' then 50 else 30 end as member_pct,
                      (b.kind = 'THEME_DAY' or (b.kind = 'LECTURE' and b.h % 2 = 0) or (b.kind = 'SITE_OBSERVATION' and b.h % 3 = 0)) as public,
                      case b.kind when 'SITE_OBSERVATION' then interval '1 day' else interval '7 days' end as spacing,
                      case b.kind when 'THEME_DAY' then interval '5 hours' when 'TRAINING_COURSE' then interval '3 hours' else interval '2 hours' end as duration,
                      ((k.today - b.i * 365 / ${ACTIVITIES_PER_YEAR}) + time '09:00' + (b.h / 3 % 3) * interval '5 hours') at time zone 'Asia/Shanghai' as starts_at,
                      b.i * 365 / ${ACTIVITIES_PER_YEAR} as days_ago
                 from (select n as park, i, ${hash('n * 1000 + i + 1')} as h,
                              case when (i * 17 + n * 7) % 40 < 8 then 'TRAINING_COURSE' when (i * 17 + n * 7) % 40 < 18 then 'COACHING_WORKSHOP'
                                   when (i * 17 + n * 7) % 40 < 23 then 'THEME_DAY' when (i * 17 + n * 7) % 40 < 28 then 'EXCHANGE'
                                   when (i * 17 + n * 7) % 40 < 34 then 'LECTURE' when (i * 17 + n * 7) % 40 < 38 then 'SITE_OBSERVATION'
                                   else 'VOLUNTEER_TEAM_FORMATION' end as kind
                         from generate_series(0, 23) n, generate_series(0, ${ACTIVITIES - 1}) i) b, knobs k) x
         join gparkm pm on pm.park = x.park`,
    `insert into park_activity (id, created_at, park_id, district_id, kind, title, topic, description, organizer, venue, capacity, open_to_public,
                                starts_at, ends_at, created_by_id, version)
       select a.id, a.created_at, a.park_id, a.district_id, a.kind,
              case a.kind
                when 'TRAINING_COURSE' then (array['社会组织项目设计能力提升培训班','社工实务技能培训','公益项目财务管理培训','社区骨干领袖培训营'])[a.h % 4 + 1]
                when 'COACHING_WORKSHOP' then (array['社区社会组织如何设计公益创投项目辅导会','项目申报书撰写辅导会','项目中期督导辅导会'])[a.h % 3 + 1]
                when 'THEME_DAY' then (array['邻里文化节主题日','社区平安宣传主题日','长者关爱主题日'])[a.h % 3 + 1]
                when 'EXCHANGE' then (array['社会组织与企业资源对接交流会','社区治理经验交流会'])[a.h % 2 + 1]
                when 'LECTURE' then (array['基层社会治理政策宣讲','公益慈善法规讲座'])[a.h % 2 + 1]
                when 'SITE_OBSERVATION' then '优秀公益项目现场观摩会'
                else '社区志愿服务队组建' end || '(第' || (a.h / 7 % 9 + 1) || '期)',
              case when a.h % 3 = 0 then '构建亲子和谐关系,创新基层社会治理' end,
              case when a.h % 2 = 0 then '围绕社区需求开展能力建设与创新展示。' end,
              case when a.h % 10 = 0 then '区基层社会治理工作领导小组办公室' else (${districtNames})[a.d + 1] || '社会创新园' || (a.park % 3 + 1) || '号' end,
              case a.kind when 'THEME_DAY' then '社区文化广场' when 'SITE_OBSERVATION' then '项目服务点' else '园区多功能厅' end,
              case when not a.public then a.regs + 5 + a.h % 10 end, a.public, a.starts_at, a.ends_at, a.staff_id, 1
         from gact a order by a.starts_at, a.id`,
    `create temp table gsess on commit drop as
       select a.id as activity_id, a.district_id, a.staff_id, a.kind, a.sessions, s as number, pg_temp.uid('asession:' || a.park || ':' || a.i || ':' || s) as id,
              a.starts_at + (s - 1) * a.spacing as starts_at, a.starts_at + (s - 1) * a.spacing + a.duration as ends_at,
              case when a.kind = 'TRAINING_COURSE' and (a.h + s) % 3 = 0 then 'ONLINE' when a.kind = 'LECTURE' and a.h % 5 = 1 then 'ONLINE' else 'ON_SITE' end as mode,
              a.starts_at + (s - 1) * a.spacing < k.now as past,
              case when a.public and not (a.kind = 'LECTURE' and a.h % 5 = 1) and a.starts_at + (s - 1) * a.spacing < k.now and (a.h / 11 + s) % 8 <> 0
                   then a.regs + case a.kind when 'THEME_DAY' then 60 + (a.h / 7 + s * 13) % 240 else 10 + (a.h / 7 + s * 13) % 60 end end as headcount
         from gact a, generate_series(1, 8) s, knobs k where s <= a.sessions`,
    `insert into activity_session (id, created_at, activity_id, district_id, number, starts_at, ends_at, mode, venue, headcount, version)
       select s.id, s.starts_at - interval '14 days', s.activity_id, s.district_id, s.number, s.starts_at, s.ends_at, s.mode, null, s.headcount, 1
         from gsess s order by s.starts_at, s.id`,
    // Registrations r = 0…regs-1: the first \`members\` the park's applicants (distinct, from an offset), the rest guests by name, most
    // from the park's two streets, some from the district's others, one in ten of unknown street; one in twenty cancelled the day
    // before, one guest in ten a walk-in; two in five of those of a finished activity rated it.
    `create temp table greg on commit drop as
       select x.*, case when not x.walk_in and x.hr % 20 = 7 then x.starts_at - interval '1 day' end as cancelled_at,
              case when not (not x.walk_in and x.hr % 20 = 7) and x.ends_at < k.now and (x.hr / 3) % 5 < 2
                   then (array[5,4,5,3,4,5,2,4,5,4,5,5,4,3,5,1])[(x.hr / 100) % 16 + 1] end as satisfaction
         from (select a.id as activity_id, a.park, a.d, a.h as ah, a.district_id, a.staff_id, a.kind, a.sessions, a.starts_at, a.ends_at, a.created_at as activity_created_at, r,
                      pg_temp.uid('registration:' || a.park || ':' || a.i || ':' || r) as id, ${hash('(a.park * 1000 + a.i) * 100 + r + 1')} as hr,
                      m.person_id, m.org_id, m.unit as member_unit, m.street_id as member_street_id, m.community_id as member_community_id,
                      r >= a.members and (${hash('(a.park * 1000 + a.i) * 100 + r + 1')} / 7) % 10 = 0 and a.starts_at < k.now as walk_in
                 from gact a cross join generate_series(0, 59) r cross join knobs k
                 left join gmember m on r < a.members and m.park = a.park and m.idx = (a.h / 11 + r) % a.park_members
                where r < a.regs) x, knobs k`,
    `insert into activity_registration (id, created_at, activity_id, district_id, person_id, guest_name, unit, organization_id, street_id, community_id,
                                        walk_in, registered_by_id, cancelled_at, satisfaction, feedback, version)
       select r.id, case when r.walk_in then r.starts_at + interval '5 minutes' else r.activity_created_at + (1 + r.hr % 10) * interval '1 day' + (r.hr % 600) * interval '1 minute' end,
              r.activity_id, r.district_id, r.person_id,
              case when r.person_id is null then (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','林','罗','高'])[(r.r + r.ah / 1000) % 20 + 1]
                                              || (array['秀英','建华','丽娟','志强','海燕','国平','晓明','文静','子涵','浩然','桂兰','明辉','淑芬','伟','敏','静','磊','洋','婷','军'])[(r.r / 20 + r.ah / 20000) % 20 + 1] end,
              case when r.person_id is not null then r.member_unit
                   when r.hr % 3 = 0 then '第' || ((r.park % 3) * 2 + r.r % 2 + 1) || '街道第' || ((r.hr / 60) % 5 + 1) || '社区居委会' end,
              r.org_id,
              case when r.person_id is not null then r.member_street_id
                   when r.hr % 10 < 7 then pg_temp.uid('place:street:' || r.d || ':' || ((r.park % 3) * 2 + r.r % 2))
                   when r.hr % 10 < 9 then pg_temp.uid('place:street:' || r.d || ':' || (r.hr / 10) % 6) end,
              case when r.person_id is not null then r.member_community_id
                   when r.hr % 10 < 7 then pg_temp.uid('place:community:' || r.d || ':' || ((r.park % 3) * 2 + r.r % 2) || ':' || (r.hr / 60) % 5)
                   when r.hr % 10 < 9 then pg_temp.uid('place:community:' || r.d || ':' || (r.hr / 10) % 6 || ':' || (r.hr / 60) % 5) end,
              r.walk_in, coalesce(r.person_id, r.staff_id), r.cancelled_at, r.satisfaction,
              case when r.satisfaction is not null and (r.hr / 100) % 4 = 0 then (array['收获很大，希望多办','内容实用','时间安排可以更灵活','讲师很专业'])[(r.hr / 400) % 4 + 1] end,
              1
         from greg r order by r.activity_id, r.r`,
    `create index on greg (activity_id)`,
    `analyze greg`,
    // Check-ins: of the sessions begun, each registration not cancelled comes to about seven in ten (repeatedly, over a course);
    // an observation's registrations each come to one batch; walk-ins and those who rated it to the first session at least.
    `insert into activity_attendance (session_id, registration_id, district_id, checked_in_at, checked_in_by_id)
       select s.id, r.id, s.district_id, s.starts_at + ((r.hr / 13) % 25 - 10) * interval '1 minute', s.staff_id
         from gsess s join greg r on r.activity_id = s.activity_id
        where s.past and r.cancelled_at is null
          and case when s.kind = 'SITE_OBSERVATION' then s.number = case when r.walk_in then 1 else 1 + r.r % s.sessions end
                   else (s.number = 1 and (r.walk_in or r.satisfaction is not null)) or (r.hr / 7 + s.number * 37) % 100 < 72 end
        order by s.starts_at, s.id, r.id`,
    // A coaching workshop coached 3–8 of the park's projects of the latest programme open when it was held (none before the first).
    `create temp table gpp on commit drop as
       select g.park, g.a, g.stage, g.id, g.applicant_id, (row_number() over (partition by g.park, g.a order by g.i) - 1)::int as r,
              (row_number() over (partition by g.park, g.a, g.stage >= 4 order by g.i) - 1)::int as rd
         from gp g`,
    `create temp table gppn on commit drop as
       select park, a, count(*)::int as n, count(*) filter (where stage >= 4)::int as delivering from gpp group by park, a`,
    `create index on gpp (park, a, r)`,
    `insert into activity_project (activity_id, project_id, district_id)
       select a.id, p.id, a.district_id
         from gact a
         join gppn c on c.park = a.park and c.a = least(4, (a.days_ago + 305) / 365)
         cross join generate_series(0, 7) l
         join gpp p on p.park = a.park and p.a = c.a and p.r = (a.h / 17 + l) % c.n
        where a.kind = 'COACHING_WORKSHOP' and a.days_ago < c.a * 365 + 60 and l < least(3 + a.h % 6, c.n)`,
    `insert into activity_organization (activity_id, organization_id, district_id)
       select a.id, m.org_id, a.district_id
         from gact a cross join generate_series(0, 1) l
         join gmember m on m.park = a.park and m.idx = (a.h / 19 + l) % a.park_members
        where a.kind in ('EXCHANGE', 'THEME_DAY', 'SITE_OBSERVATION', 'VOLUNTEER_TEAM_FORMATION') and l < least(1 + a.h % 2, a.park_members)`,

    // Resource offers: 20 a year per park, of six kinds in a fixed mix; one in five from one of its organisations; one in ten older
    // than a year withdrawn after 200 days.
    `create temp table goffer on commit drop as
       select x.*, x.k_now - x.days_ago * interval '1 day' - (x.h % 8) * interval '1 hour' as created_at
         from (select n as park, n / 3 as d, o, ${hash('n * 1000 + o + 1')} as h, pg_temp.uid('offer:' || n || ':' || o) as id,
                      pg_temp.uid('park:' || n) as park_id, pg_temp.uid('place:district:' || n / 3) as district_id,
                      pg_temp.uid('person:staff:' || (n * 2 + 1 + o % 2)) as staff_id,
                      (array['FUNDING','ENTERPRISE','VOLUNTEERS','VENUE','FUNDING','EXPERTISE','ENTERPRISE','VOLUNTEERS','MEDIA','FUNDING',
                             'VENUE','ENTERPRISE','VOLUNTEERS','EXPERTISE','FUNDING','MEDIA','ENTERPRISE','VENUE','VOLUNTEERS','EXPERTISE'])[(o * 7 + n) % 20 + 1] as kind,
                      o * 365 / ${OFFERS_PER_YEAR} + 3 + (${hash('n * 1000 + o + 1')}) % 5 as days_ago, k.now as k_now
                 from generate_series(0, 23) n, generate_series(0, ${OFFERS - 1}) o, knobs k) x`,
    `alter table goffer add column value numeric(14,2)`,
    `update goffer set value = case kind when 'FUNDING' then 20000 + (h / 7 % 50) * 4000 when 'ENTERPRISE' then 5000 + (h / 7 % 40) * 1000
                                         when 'VENUE' then (h / 7 % 20) * 500 when 'EXPERTISE' then 2000 + (h / 7 % 20) * 500 else 0 end`,
    `insert into resource_offer (id, created_at, district_id, park_id, kind, title, provider_name, organization_id, terms, value, available_until,
                                 created_by_id, withdrawn_at, withdrawn_by_id)
       select o.id, o.created_at, o.district_id, o.park_id, o.kind,
              case o.kind when 'FUNDING' then '公益创投配套资金' when 'ENTERPRISE' then '企业物资与服务支持' when 'VENUE' then '活动场地免费使用'
                          when 'VOLUNTEERS' then '志愿者团队 每月一次' when 'MEDIA' then '项目宣传报道' else '专业咨询服务' end || '(' || (o.o + 1) || ')',
              case o.kind when 'FUNDING' then (array['深圳市社会公益基金会','区慈善会','万科公益基金会'])[o.h % 3 + 1]
                          when 'ENTERPRISE' then (array['华润万家','平安银行','顺丰速运','比亚迪'])[o.h % 4 + 1]
                          when 'VENUE' then (array['街道党群服务中心','社区图书馆','园区多功能厅'])[o.h % 3 + 1]
                          when 'VOLUNTEERS' then (array['区义工联','深圳大学志愿者协会','企业志愿者团队'])[o.h % 3 + 1]
                          when 'MEDIA' then (array['深圳特区报','区融媒体中心'])[o.h % 2 + 1]
                          else (array['律师事务所','会计师事务所','高校社工系'])[o.h % 3 + 1] end,
              m.org_id, '须在园区备案，使用后提交服务记录。', o.value,
              case when o.h % 2 = 0 then (o.created_at at time zone 'Asia/Shanghai')::date + 180 end,
              o.staff_id,
              case when o.days_ago > 365 and o.h % 10 = 3 then o.created_at + interval '200 days' end,
              case when o.days_ago > 365 and o.h % 10 = 3 then o.staff_id end
         from goffer o
         join gparkm pm on pm.park = o.park
         left join gmember m on o.h % 5 = 0 and m.park = o.park and m.idx = (o.h / 23) % pm.members
        order by o.created_at, o.id`,
    // Needs: one in five projects submitted raised one, twelve days after it started; a third closed after 100 days.
    `create temp table gneed on commit drop as
       select g.id as project_id, g.district_id, g.applicant_id, g.lead_id, g.t0, pg_temp.uid('need:' || g.i) as id,
              (array['FUNDING','ENTERPRISE','VENUE','VOLUNTEERS','MEDIA','EXPERTISE'])[(g.h / 59) % 6 + 1] as kind, g.h
         from gp g where g.stage >= 1 and (g.h / 53) % 5 = 0`,
    `insert into resource_need (id, created_at, district_id, project_id, kind, description, value_sought, raised_by_id, closed_at, closed_by_id)
       select n.id, n.t0 + interval '12 days', n.district_id, n.project_id, n.kind,
              case n.kind when 'FUNDING' then '项目配套资金缺口' when 'ENTERPRISE' then '需要企业物资支持' when 'VENUE' then '需要固定活动场地'
                          when 'VOLUNTEERS' then '需要志愿者协助开展活动' when 'MEDIA' then '希望扩大项目宣传' else '需要专业督导与法律咨询' end,
              case when n.kind = 'FUNDING' then 10000 + (n.h / 7 % 30) * 1000 when n.kind in ('VENUE', 'EXPERTISE') and n.h % 2 = 0 then 3000 + (n.h / 7 % 10) * 500 end,
              n.applicant_id,
              case when (n.h / 61) % 3 = 0 and n.t0 + interval '112 days' < k.now then n.t0 + interval '112 days' end,
              case when (n.h / 61) % 3 = 0 and n.t0 + interval '112 days' < k.now then n.lead_id end
         from gneed n, knobs k order by n.t0, n.id`,
    // Matches: 1–4 per offer (an offer in its first years none), each to a different project of the park in delivery in the
    // programme of the time; 45% delivered (with the value brokered), 15% accepted, 12% proposed, 15% declined, 13% cancelled,
    // each step as far as now allows.
    `create temp table gmatch on commit drop as
       select x.*, case
                when x.wanted = 'DELIVERED' and x.delivered_at < x.k_now then 'DELIVERED'
                when x.wanted in ('DELIVERED', 'ACCEPTED') and x.accepted_at < x.k_now then 'ACCEPTED'
                when x.wanted in ('DECLINED', 'CANCELLED') and x.ended_at < x.k_now then x.wanted
                else 'PROPOSED' end as status
         from (select o.id as offer_id, o.park_id, o.district_id, o.staff_id, o.value, o.kind, m, p.id as project_id, p.applicant_id,
                      pg_temp.uid('match:' || o.park || ':' || o.o || ':' || m) as id, ${hash('(o.park * 1000 + o.o) * 4 + m + 1')} as hm,
                      o.created_at + (3 + m * 4) * interval '1 day' + (o.h % 24) * interval '1 hour' as proposed_at,
                      o.created_at + (7 + m * 4) * interval '1 day' + (o.h % 24) * interval '1 hour' as accepted_at,
                      o.created_at + (9 + m * 4) * interval '1 day' as ended_at,
                      o.created_at + (24 + m * 4 + o.h % 30) * interval '1 day' as delivered_at,
                      case when ${hash('(o.park * 1000 + o.o) * 4 + m + 1')} % 100 < 45 then 'DELIVERED'
                           when ${hash('(o.park * 1000 + o.o) * 4 + m + 1')} % 100 < 60 then 'ACCEPTED'
                           when ${hash('(o.park * 1000 + o.o) * 4 + m + 1')} % 100 < 72 then 'PROPOSED'
                           when ${hash('(o.park * 1000 + o.o) * 4 + m + 1')} % 100 < 87 then 'DECLINED' else 'CANCELLED' end as wanted,
                      k.now as k_now
                 from goffer o
                 join gppn c on c.park = o.park and c.a = greatest(1, least(4, (o.days_ago + 340) / 365)) and c.delivering > 0
                 cross join generate_series(0, 3) m
                 join gpp p on p.park = o.park and p.a = c.a and p.stage >= 4 and p.rd = (o.h / 29 + m) % c.delivering
                 cross join knobs k
                where o.days_ago <= c.a * 365 and m < least(1 + o.h % 4, c.delivering)) x
        where x.proposed_at < x.k_now`,
    `insert into resource_match (id, created_at, district_id, park_id, offer_id, project_id, need_id, status, note, proposed_by_id,
                                 accepted_at, accepted_by_id, delivered_at, delivered_by_id, value_brokered, delivery_note, ended_at, ended_by_id, end_reason)
       select m.id, m.proposed_at, m.district_id, m.park_id, m.offer_id, m.project_id, n.id, m.status, case when m.hm % 3 = 0 then '园区推荐对接' end, m.staff_id,
              case when m.status in ('ACCEPTED', 'DELIVERED') then m.accepted_at end, case when m.status in ('ACCEPTED', 'DELIVERED') then m.applicant_id end,
              case when m.status = 'DELIVERED' then m.delivered_at end, case when m.status = 'DELIVERED' then m.staff_id end,
              case when m.status = 'DELIVERED' then case when m.value > 0 then round(m.value * (50 + m.hm % 51) / 100, 2) else 500 + (m.hm / 7 % 20) * 250 end end,
              case when m.status = 'DELIVERED' then '已完成对接，服务记录已归档。' end,
              case when m.status in ('DECLINED', 'CANCELLED') then m.ended_at end,
              case m.status when 'DECLINED' then m.applicant_id when 'CANCELLED' then m.staff_id end,
              case m.status when 'DECLINED' then '与项目需求不符' when 'CANCELLED' then '资源方时间调整' end
         from gmatch m left join gneed n on n.project_id = m.project_id and n.kind = m.kind
        order by m.proposed_at, m.id`,
  ];
}

/**
 * Bulk loading as pg_restore does it: the foreign keys and the secondary indexes are dropped inside
 * the fill's transaction and created again at its end, so each is built (and each key checked) in
 * one pass over the table instead of row by row. Re-adding a foreign key validates every row, and a
 * unique index is checked as it is built, so the data still satisfies them all. Primary keys,
 * unique and check constraints and the triggers stay in place throughout. Returns the statements
 * that restore what was dropped, indexes first.
 */
async function deferChecks(client: pg.Client): Promise<string[]> {
  const { rows: keys } = await client.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace order by conrelid::regclass::text, conname`);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = 'public'::regnamespace)
      order by i.tablename, i.indexname`);
  for (const key of keys) await client.query(`alter table ${key.tbl} drop constraint "${key.name}"`);
  for (const index of indexes) await client.query(`drop index "${index.name}"`);
  return [...indexes.map((index) => index.def), ...keys.map((key) => `alter table ${key.tbl} add constraint "${key.name}" ${key.def}`)];
}

const COUNTED = ['place', 'park', 'organization', 'person', 'program', 'project', 'proposal_revision', 'project_mentor', 'coaching_session', 'action_item',
  'review_round', 'review_assignment', 'decision', 'decision_condition', 'service_report', 'supervision_visit', 'follow_up', 'lifecycle_event',
  'park_activity', 'activity_session', 'activity_registration', 'activity_attendance', 'activity_project', 'activity_organization',
  'resource_offer', 'resource_need', 'resource_match'];

/** Builds the database `database` afresh on `serverUrl` and fills it; returns the time taken and the row counts. */
export async function generateLargeDataset({ serverUrl, database, today = shenzhenToday(), projects = PROJECTS, log = () => {} }: LargeDatasetOptions): Promise<LargeDataset> {
  if (!Number.isSafeInteger(projects) || projects < 100) throw new Error(`projects must be a whole number of at least 100, got ${projects}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`database must be a plain lower-case name, got "${database}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got "${today}"`);
  const started = performance.now();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlOn(serverUrl, database);
  log(`Applying the migrations to ${database}…`);
  const orm = await MikroORM.init(ormConfig({ url, poolSize: 1 }));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
  const migrated = performance.now();

  log(`Filling ${database} with ${projects.toLocaleString('en')} projects (as of ${today})…`);
  const passwordHash = await hashPassword(LARGE_PASSWORD);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  let filled: number;
  try {
    await client.query('begin');
    const deferred = await deferChecks(client);
    for (const statement of [...fillStatements(projects), ...deferred]) {
      const t = performance.now();
      await client.query(statement, statement.includes('$1::date') ? [today, passwordHash] : []).catch((error: Error) => {
        throw new Error(`${error.message}\nin: ${statement.slice(0, 300)}`);
      });
      if (process.env.SEED_PROFILE) log(`${Math.round(performance.now() - t)} ms  ${statement.replace(/\s+/g, ' ').slice(0, 90)}`);
    }
    await client.query('commit');
    filled = performance.now();
    // As autovacuum leaves a settled database: statistics, and the visibility map that lets counts read indexes alone.
    log('Vacuuming and analyzing…');
    await client.query('vacuum analyze');
    for (const table of COUNTED) counts[table] = Number((await client.query(`select count(*) from "${table}"`)).rows[0].count);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const done = performance.now();
  const s = (ms: number) => Math.round(ms / 100) / 10;
  return { url, today, seconds: { migrate: s(migrated - started), fill: s(filled - migrated), analyze: s(done - filled), total: s(done - started) }, counts };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'incubator_large' },
      today: { type: 'string' },
      projects: { type: 'string', default: String(PROJECTS) },
      'database-server': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    },
  });
  const result = await generateLargeDataset({ serverUrl: values['database-server'], database: values.database, today: values.today, projects: Number(values.projects), log: console.log });
  console.log(`Built ${values.database} as of ${result.today} in ${result.seconds.total} s (migrations ${result.seconds.migrate} s, fill ${result.seconds.fill} s, analyze ${result.seconds.analyze} s)`);
  for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table.padEnd(22)} ${count.toLocaleString('en')}`);
  console.log(`Every account's password is "${LARGE_PASSWORD}"; e.g. ${Object.values(LARGE_LOGINS).join(', ')}`);
}
