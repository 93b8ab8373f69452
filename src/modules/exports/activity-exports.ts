import { Role, STAFF_COVERS_SQL, hasRole, workplaceArrays } from '../../shared/auth.js';
import type { Sql } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/node-id.js';
import { PERSON_TIMES, SESSION_PERSON_TIMES } from '../park-activities/park-activities.queries.js';
import { amount, instant, newestFirst } from './export-rows.js';
import type { ExportColumn } from './export-table.js';

/** The activities of the parks the viewer is staff over (an administrator: all), as a subquery of ids. */
function staffActivityIds(ctx: Context): Sql {
  if (hasRole(ctx.viewer, Role.ADMIN)) return { text: 'select a.id from park_activity a', params: [] };
  return { text: `select a.id from park_activity a where ${STAFF_COVERS_SQL.replaceAll('park_id', 'a.park_id').replaceAll('district_id', 'a.district_id')}`, params: workplaceArrays(ctx.viewer!) };
}

interface ActivityRow {
  id: string;
  starts_at: string;
  park: string;
  kind: string;
  title: string;
  topic: string | null;
  organizer: string;
  venue: string | null;
  ends_at: string;
  sessions: number;
  registrations: number;
  person_times: number;
  participants: number;
  streets: number;
  satisfaction: string | null;
}

export const ACTIVITY_COLUMNS: ExportColumn<ActivityRow>[] = [
  { key: 'id', en: 'ID', zh: '编号', value: (row) => toGlobalId('ParkActivity', row.id) },
  { key: 'park', en: 'Park', zh: '园区', value: (row) => row.park },
  { key: 'kind', en: 'Kind', zh: '类型', value: (row) => row.kind },
  { key: 'title', en: 'Title', zh: '活动名称', value: (row) => row.title },
  { key: 'topic', en: 'Topic', zh: '主题', value: (row) => row.topic },
  { key: 'organizer', en: 'Organiser', zh: '主办单位', value: (row) => row.organizer },
  { key: 'venue', en: 'Venue', zh: '地点', value: (row) => row.venue },
  { key: 'startsAt', en: 'Starts at', zh: '开始时间', value: (row) => instant(row.starts_at), kind: 'instant' },
  { key: 'endsAt', en: 'Ends at', zh: '结束时间', value: (row) => instant(row.ends_at), kind: 'instant' },
  { key: 'sessions', en: 'Sessions', zh: '场次', value: (row) => row.sessions },
  { key: 'registrations', en: 'Registrations', zh: '报名人数', value: (row) => row.registrations },
  { key: 'personTimes', en: 'Person-times', zh: '参与人次', value: (row) => row.person_times },
  { key: 'participants', en: 'Participants', zh: '参与人数', value: (row) => row.participants },
  { key: 'streets', en: 'Streets', zh: '来源街道数', value: (row) => row.streets },
  { key: 'satisfaction', en: 'Average satisfaction (1–5)', zh: '平均满意度(5分制)', value: (row) => amount(row.satisfaction) },
];

/** Every activity of the viewer's parks with its figures (as the activity's own `attendance` counts them), latest start first. */
export function activityRows(ctx: Context): AsyncIterable<ActivityRow[]> {
  const ids = staffActivityIds(ctx);
  return newestFirst<ActivityRow>(ctx, {
    text: `select a.id, a.starts_at, k.name as park, a.kind, a.title, a.topic, a.organizer, a.venue, a.ends_at,
                  (select count(*)::int from activity_session s where s.activity_id = a.id) as sessions,
                  (select count(*)::int from activity_registration r where r.activity_id = a.id and r.cancelled_at is null) as registrations,
                  (select coalesce(sum(${PERSON_TIMES}), 0)::int from ${SESSION_PERSON_TIMES} s where s.activity_id = a.id) as person_times,
                  (select count(distinct t.registration_id)::int from activity_attendance t join activity_session s on s.id = t.session_id where s.activity_id = a.id) as participants,
                  (select count(distinct r.street_id)::int from activity_attendance t join activity_registration r on r.id = t.registration_id where r.activity_id = a.id) as streets,
                  (select round(avg(r.satisfaction), 2)::text from activity_registration r where r.activity_id = a.id) as satisfaction
             from park_activity a join park k on k.id = a.park_id
            where a.id in (${ids.text})`,
    params: ids.params,
  }, 'starts_at');
}

interface AttendanceRow {
  /** The session and the registration: one check-in. */
  id: string;
  registration_id: string;
  checked_in_at: string;
  activity_id: string;
  activity: string;
  session: number;
  session_starts_at: string;
  name: string;
  unit: string | null;
  street: string | null;
  community: string | null;
  walk_in: boolean;
  satisfaction: number | null;
}

export const ATTENDANCE_COLUMNS: ExportColumn<AttendanceRow>[] = [
  { key: 'activityId', en: 'Activity ID', zh: '活动编号', value: (row) => toGlobalId('ParkActivity', row.activity_id) },
  { key: 'activity', en: 'Activity', zh: '活动名称', value: (row) => row.activity },
  { key: 'session', en: 'Session', zh: '场次', value: (row) => row.session },
  { key: 'sessionStartsAt', en: 'Session starts at', zh: '场次开始时间', value: (row) => instant(row.session_starts_at), kind: 'instant' },
  { key: 'registrationId', en: 'Registration ID', zh: '报名编号', value: (row) => toGlobalId('ActivityRegistration', row.registration_id) },
  { key: 'name', en: 'Name', zh: '姓名', value: (row) => row.name },
  { key: 'unit', en: 'Unit', zh: '单位', value: (row) => row.unit },
  { key: 'street', en: 'Street', zh: '街道', value: (row) => row.street },
  { key: 'community', en: 'Community', zh: '社区', value: (row) => row.community },
  { key: 'walkIn', en: 'Walk-in', zh: '现场签到', value: (row) => (row.walk_in ? 'yes' : 'no') },
  { key: 'checkedInAt', en: 'Checked in at', zh: '签到时间', value: (row) => instant(row.checked_in_at), kind: 'instant' },
  { key: 'satisfaction', en: 'Satisfaction (1–5)', zh: '满意度(5分制)', value: (row) => row.satisfaction },
];

/**
 * Every check-in (one person-time) to the viewer's parks' activities, latest first: who, from where.
 * A check-in is one session and one registration, so the two together key its row.
 */
export function attendanceRows(ctx: Context): AsyncIterable<AttendanceRow[]> {
  const ids = staffActivityIds(ctx);
  return newestFirst<AttendanceRow>(ctx, {
    text: `select t.session_id::text || ':' || t.registration_id::text as id, t.registration_id, t.checked_in_at, a.id as activity_id, a.title as activity,
                  s.number as session, s.starts_at as session_starts_at, coalesce(r.guest_name, who.name) as name, r.unit,
                  street.name as street, community.name as community, r.walk_in, r.satisfaction
             from activity_attendance t
             join activity_session s on s.id = t.session_id
             join park_activity a on a.id = s.activity_id
             join activity_registration r on r.id = t.registration_id
             left join person who on who.id = r.person_id
             left join place street on street.id = r.street_id
             left join place community on community.id = r.community_id
            where a.id in (${ids.text})`,
    params: ids.params,
  }, 'checked_in_at');
}
