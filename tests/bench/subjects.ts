import type pg from 'pg';
import { LARGE_LOGINS } from '../../seeds/large/generate.js';

/**
 * Whom and what the benchmarks' screens open, on a large dataset (seeds/large/generate.ts), picked
 * here once so bench:api and bench:versus load the same screens: park 1 (staff1's), mentor1 and
 * evaluator1; 福田区's programme of last year, its first proposal round (100 projects; fewer on a
 * dataset under 20,000 projects); park 1's project with the longest timeline; and an applicant with
 * something to do: an organisation with a project in delivery whose report was returned, park 1's
 * first (a smaller dataset may have none there), else applicant1.
 */
export interface BenchSubjects {
  park: string;
  mentor: string;
  evaluator: string;
  /** The applicant's email, and its organisation. */
  applicant: string;
  organization: string;
  round: { id: string; projects: number };
  detail: { id: string; events: number };
}

export async function benchSubjects(db: pg.Client): Promise<BenchSubjects> {
  const { rows } = await db.query(
    `with applicant as (
       select email, organization_id from person
        where email = coalesce((select p.email from person p join project j on j.organization_id = p.organization_id
                                  join service_report s on s.project_id = j.id and s.status = 'RETURNED'
                                 where j.status = 'IN_PROGRESS' order by j.park_id = md5('park:0')::uuid desc, p.email limit 1), $4)),
     detail as (
       select e.project_id as id, count(*)::int as events from lifecycle_event e join project p on p.id = e.project_id
        where p.park_id = md5('park:0')::uuid group by e.project_id order by count(*) desc, e.project_id limit 1)
     select (select park_id from park_member m join person p on p.id = m.person_id where p.email = $1) as park,
            (select id from person where email = $2) as mentor, (select id from person where email = $3) as evaluator,
            (select email from applicant) as applicant, (select organization_id from applicant) as organization,
            (select json_build_object('id', r.id, 'projects', count(distinct a.project_id)) from review_round r join review_assignment a on a.round_id = r.id
              where r.id = md5('round:1:0')::uuid group by r.id) as round,
            (select json_build_object('id', id, 'events', events) from detail) as detail`,
    [LARGE_LOGINS.staff, LARGE_LOGINS.mentor, LARGE_LOGINS.evaluator, LARGE_LOGINS.applicant],
  );
  const subjects = rows[0] as BenchSubjects;
  if (!subjects.round) throw new Error('the leaderboard round is missing');
  return subjects;
}
