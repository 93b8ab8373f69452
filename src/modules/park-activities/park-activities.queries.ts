import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { groupByKey } from '../../shared/loaders.js';
import { readRows, readTogether, sqlArray } from '../../shared/read.js';
import { ActivityKind, TRAINING_KINDS } from './park-activity.entity.js';

/**
 * Person-times (人次) are counted per session: those checked in by name, or the session's headcount
 * when one was taken and is larger (an open theme day counts everyone at the door). The same SQL
 * serves an activity's own figures and the operations report, so the two always agree.
 */
export const SESSION_PERSON_TIMES = `(select s.id, s.activity_id, s.starts_at, s.mode, s.headcount,
          (select count(*) from activity_attendance t where t.session_id = s.id)::int as checked_in
     from activity_session s)`;
export const PERSON_TIMES = 'greatest(coalesce(s.headcount, 0), s.checked_in)';

export interface StreetPersonTimes {
  streetId: string;
  personTimes: number;
}

export interface AttendanceFigures {
  personTimes: number;
  /** Different registrations checked in at least once. */
  participants: number;
  /** People counted at the door beyond those checked in by name. */
  countedAtDoor: number;
  /** Person-times by the street people came from, most first; those of unknown street are `unknownOrigin`. */
  streets: StreetPersonTimes[];
  unknownOrigin: number;
  /** Person-times by community, most first (those who gave one). */
  communities: { communityId: string; personTimes: number }[];
  /** Person-times by unit (单位: organisation, community office, enterprise), most first (those who gave one). */
  units: { unit: string; personTimes: number }[];
  satisfactionResponses: number;
  averageSatisfaction: number | null;
}

/** The attendance figures of each activity a request resolves, in one statement per batch. */
export function attendanceOf(ctx: Context, activityId: string): Promise<AttendanceFigures> {
  return ctx.loaders
    .keyed('activityAttendance', async (ids, em) => {
      const rows = await readRows<{
        activity_id: string; person_times: number; participants: number; counted_at_door: number; streets: [string | null, number][] | null;
        communities: [string, number][] | null; units: [string, number][] | null; responses: number; satisfaction: string | null;
      }>(
        em,
        `select a.id as activity_id, sessions.person_times, sessions.counted_at_door,
                (select count(distinct t.registration_id)::int from activity_attendance t join activity_session s on s.id = t.session_id where s.activity_id = a.id) as participants,
                (select json_agg(json_build_array(street_id, n) order by n desc, street_id)
                   from (select r.street_id, count(*)::int as n from activity_attendance t join activity_registration r on r.id = t.registration_id
                          where r.activity_id = a.id group by r.street_id) by_street) as streets,
                (select json_agg(json_build_array(community_id, n) order by n desc, community_id)
                   from (select r.community_id, count(*)::int as n from activity_attendance t join activity_registration r on r.id = t.registration_id
                          where r.activity_id = a.id and r.community_id is not null group by r.community_id) by_community) as communities,
                (select json_agg(json_build_array(unit, n) order by n desc, unit)
                   from (select r.unit, count(*)::int as n from activity_attendance t join activity_registration r on r.id = t.registration_id
                          where r.activity_id = a.id and r.unit is not null group by r.unit) by_unit) as units,
                (select count(r.satisfaction)::int from activity_registration r where r.activity_id = a.id) as responses,
                (select avg(r.satisfaction)::text from activity_registration r where r.activity_id = a.id) as satisfaction
           from park_activity a
           cross join lateral (select coalesce(sum(${PERSON_TIMES}), 0)::int as person_times,
                                      coalesce(sum(greatest(coalesce(s.headcount, 0) - s.checked_in, 0)), 0)::int as counted_at_door
                                 from ${SESSION_PERSON_TIMES} s where s.activity_id = a.id) sessions
          where a.id = any(?::uuid[])`,
        [sqlArray(ids)],
      );
      const byId = new Map(rows.map((row) => [row.activity_id, row]));
      return ids.map((id) => {
        const row = byId.get(id)!;
        const streets = (row.streets ?? []).filter(([street]) => street !== null).map(([streetId, personTimes]) => ({ streetId: streetId!, personTimes }));
        const unknown = (row.streets ?? []).find(([street]) => street === null)?.[1] ?? 0;
        return {
          personTimes: row.person_times,
          participants: row.participants,
          countedAtDoor: row.counted_at_door,
          streets,
          unknownOrigin: unknown + row.counted_at_door,
          communities: (row.communities ?? []).map(([communityId, personTimes]) => ({ communityId, personTimes })),
          units: (row.units ?? []).map(([unit, personTimes]) => ({ unit, personTimes })),
          satisfactionResponses: row.responses,
          averageSatisfaction: row.satisfaction === null ? null : Math.round(Number(row.satisfaction) * 100) / 100,
        };
      });
    })
    .load(activityId);
}

/** How many are checked in to each session, batched. */
export function checkedInOf(ctx: Context, sessionId: string): Promise<number> {
  return ctx.loaders
    .keyed('sessionCheckedIn', async (ids, em) => {
      const rows = await readRows<{ session_id: string; n: number }>(em, 'select session_id, count(*)::int as n from activity_attendance where session_id = any(?::uuid[]) group by session_id', [sqlArray(ids)]);
      const counts = new Map(rows.map((row) => [row.session_id, row.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    })
    .load(sessionId);
}

/** The numbers of the sessions each registration was checked in to, batched. */
export function attendedSessionsOf(ctx: Context, registrationId: string): Promise<number[]> {
  return ctx.loaders
    .keyed('registrationSessions', async (ids, em) => {
      const rows = await readRows<{ registration_id: string; number: number }>(
        em,
        'select t.registration_id, s.number from activity_attendance t join activity_session s on s.id = t.session_id where t.registration_id = any(?::uuid[]) order by s.number',
        [sqlArray(ids)],
      );
      return groupByKey(ids, rows, (row) => row.registration_id).map((group) => group.map((row) => row.number));
    })
    .load(registrationId);
}

/** What a report covers: a district, or some of its parks. */
export interface ReportScope {
  districtId: string;
  /** The parks counted; null for every park of the district. */
  parkIds: string[] | null;
}

export interface Period {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface KindFigures {
  kind: ActivityKind;
  activities: number;
  sessions: number;
  personTimes: number;
}

export interface ActivityReportFigures {
  /** Activities with a session in the period. */
  activities: number;
  sessions: number;
  onlineSessions: number;
  personTimes: number;
  /** Person-times of training courses (培训人次). */
  trainingPersonTimes: number;
  byKind: KindFigures[];
  /** Person-times by the street people came from, with the street's name, most first. */
  streets: { streetId: string; name: string; personTimes: number }[];
  satisfactionResponses: number;
  averageSatisfaction: number | null;
  /** Person-times by month (YYYY-MM, China Standard Time), months with none left out. */
  monthly: { month: string; sessions: number; personTimes: number }[];
  /** The activities counted, by start. */
  activityIds: string[];
  /** Projects linked to a coaching workshop held in the period: coached there. */
  workshopProjectIds: string[];
  /** Each activity counted: its sessions and person-times in the period, and how many streets people came from. */
  perActivity: { activityId: string; title: string; kind: ActivityKind; sessions: number; personTimes: number; streets: number }[];
}

const SCOPED = `a.district_id = ? and (?::uuid[] is null or a.park_id = any(?::uuid[]))`;
const scopeParams = (scope: ReportScope) => [scope.districtId, scope.parkIds && sqlArray(scope.parkIds), scope.parkIds && sqlArray(scope.parkIds)];

/**
 * The park's activities in a period, for the operations report: every session that starts in the
 * period counts, with its person-times (see SESSION_PERSON_TIMES); two statements.
 */
export async function activityReportFigures(em: EntityManager, scope: ReportScope, period: Period): Promise<ActivityReportFigures> {
  const sessions = await readRows<{ activity_id: string; title: string; kind: ActivityKind; starts_at: Date; month: string; person_times: number; online: boolean }>(
    em,
    `select a.id as activity_id, a.title, a.kind, s.starts_at, to_char(s.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
            ${PERSON_TIMES} as person_times, s.mode = 'ONLINE' as online
       from ${SESSION_PERSON_TIMES} s join park_activity a on a.id = s.activity_id
      where ${SCOPED} and s.starts_at >= ? and s.starts_at < ?
      order by a.starts_at, a.id, s.starts_at`,
    [...scopeParams(scope), period.from, period.to],
  );
  const [origins, satisfaction, workshops, streetsPerActivity] = await readTogether(em, [
    () => readRows<{ street_id: string; name: string; person_times: number }>(
      em,
      `select r.street_id, p.name, count(*)::int as person_times
         from activity_attendance t join activity_session s on s.id = t.session_id join park_activity a on a.id = s.activity_id
         join activity_registration r on r.id = t.registration_id join place p on p.id = r.street_id
        where ${SCOPED} and s.starts_at >= ? and s.starts_at < ?
        group by r.street_id, p.name order by person_times desc, p.name`,
      [...scopeParams(scope), period.from, period.to],
    ),
    () => readRows<{ responses: number; average: string | null }>(
      em,
      `select count(r.satisfaction)::int as responses, avg(r.satisfaction)::text as average
         from activity_registration r join park_activity a on a.id = r.activity_id
        where ${SCOPED} and exists (select 1 from activity_session s where s.activity_id = a.id and s.starts_at >= ? and s.starts_at < ?)`,
      [...scopeParams(scope), period.from, period.to],
    ),
    () => readRows<{ project_id: string }>(
      em,
      `select distinct l.project_id from activity_project l join park_activity a on a.id = l.activity_id
        where ${SCOPED} and a.kind = 'COACHING_WORKSHOP'
          and exists (select 1 from activity_session s where s.activity_id = a.id and s.starts_at >= ? and s.starts_at < ?)`,
      [...scopeParams(scope), period.from, period.to],
    ),
    () => readRows<{ activity_id: string; streets: number }>(
      em,
      `select a.id as activity_id, count(distinct r.street_id)::int as streets
         from activity_attendance t join activity_session s on s.id = t.session_id join park_activity a on a.id = s.activity_id
         join activity_registration r on r.id = t.registration_id
        where ${SCOPED} and s.starts_at >= ? and s.starts_at < ? group by a.id`,
      [...scopeParams(scope), period.from, period.to],
    ),
  ] as const);
  const byKind = new Map<ActivityKind, KindFigures & { ids: Set<string> }>();
  const monthly = new Map<string, { month: string; sessions: number; personTimes: number }>();
  for (const session of sessions) {
    const kind = byKind.get(session.kind) ?? { kind: session.kind, activities: 0, sessions: 0, personTimes: 0, ids: new Set<string>() };
    kind.ids.add(session.activity_id);
    kind.activities = kind.ids.size;
    kind.sessions += 1;
    kind.personTimes += session.person_times;
    byKind.set(session.kind, kind);
    const month = monthly.get(session.month) ?? { month: session.month, sessions: 0, personTimes: 0 };
    month.sessions += 1;
    month.personTimes += session.person_times;
    monthly.set(session.month, month);
  }
  const activityIds = [...new Set(sessions.map((session) => session.activity_id))];
  const streetCounts = new Map(streetsPerActivity.map((row) => [row.activity_id, row.streets]));
  const perActivity = activityIds.map((activityId) => {
    const own = sessions.filter((session) => session.activity_id === activityId);
    return { activityId, title: own[0].title, kind: own[0].kind, sessions: own.length, personTimes: own.reduce((total, session) => total + session.person_times, 0), streets: streetCounts.get(activityId) ?? 0 };
  });
  const sum = (pick: (kind: KindFigures) => number, kinds = [...byKind.values()]) => kinds.reduce((total, kind) => total + pick(kind), 0);
  return {
    activities: activityIds.length,
    sessions: sessions.length,
    onlineSessions: sessions.filter((session) => session.online).length,
    personTimes: sum((kind) => kind.personTimes),
    trainingPersonTimes: sum((kind) => kind.personTimes, [...byKind.values()].filter((kind) => TRAINING_KINDS.includes(kind.kind))),
    byKind: Object.values(ActivityKind).flatMap((kind) => {
      const found = byKind.get(kind);
      return found ? [{ kind, activities: found.activities, sessions: found.sessions, personTimes: found.personTimes }] : [];
    }),
    streets: origins.map((row) => ({ streetId: row.street_id, name: row.name, personTimes: row.person_times })),
    satisfactionResponses: satisfaction[0]?.responses ?? 0,
    averageSatisfaction: satisfaction[0]?.average == null ? null : Math.round(Number(satisfaction[0].average) * 100) / 100,
    monthly: [...monthly.values()].sort((a, b) => a.month.localeCompare(b.month)),
    activityIds,
    workshopProjectIds: workshops.map((row) => row.project_id),
    perActivity,
  };
}
