-- What PostGraphile cannot derive from the foreign keys for tests/bench/versus.ts's screens: the
-- mentors in the order they were assigned, a mentor's projects, open action items and whether they
-- are done or overdue, a review's progress and score, a round's leaderboard, and the attention views'
-- lists and counts (src/modules/attention/attention.queries.ts): a park's, as its staff see them; a
-- mentor's open action items; an evaluator's assignments due; an organisation's returned reports and
-- reports due. The rules are the API's own (src/modules/reviews/aggregation.ts, review-progress.ts;
-- coaching/due-dates.ts; attention/attention.queries.ts), written in SQL. Where a view compares with
-- today (a Shenzhen date) or this month (a Shenzhen month, YYYY-MM), the caller passes it, so that both
-- servers answer for the same day. Lists are in the views' orders, ties broken by id as the API's keyset
-- orders break them (listOrder). Idempotent; touches nothing outside the schema pgl_extra.

create schema if not exists pgl_extra;

-- The composite types, each created unless it exists (one at a time, so that a type added later is created too).
do $$
declare
  definition text;
begin
  foreach definition in array array[
    'review_progress as (active int, submitted int, required int)',
    'review_aggregate as (rule text, score float8, counted uuid[], dropped uuid[], pending text)',
    'review_summary as (progress pgl_extra.review_progress, aggregate pgl_extra.review_aggregate)',
    'ranking_entry as (rank int, score float8, scorecard_count int, aggregate pgl_extra.review_aggregate, project_id uuid)',
    -- A month a project owes its report (the API's ReportDue).
    'report_due as (project_id uuid, period text, overdue boolean)',
    -- The sizes of the attention views (the API's AttentionCounts).
    'attention_counts as (total int, waiting_for_evaluators int, overdue_assignments int, undecided_reviews int, reports_awaiting_acceptance int,
                          missing_reports int, overdue_follow_ups int, warning_visits int, open_action_items int, assignments_due int, reports_due int,
                          returned_reports int)'
  ] loop
    begin
      execute 'create type pgl_extra.' || definition;
    exception when duplicate_object then null;
    end;
  end loop;
end $$;

-- Project.mentorsList: in the order they were assigned.
create or replace function pgl_extra.project_mentors(p public.project) returns setof public.person language sql stable as $$
  select m.* from public.project_mentor pm join public.person m on m.id = pm.mentor_id
   where pm.project_id = p.id order by pm.assigned_at, m.id
$$;
comment on function pgl_extra.project_mentors(public.project) is E'@behavior -connection +list';

-- Query.pglExtraMentorProjects: the projects a mentor follows, newest first.
create or replace function pgl_extra.mentor_projects(mentor_id uuid) returns setof public.project language sql stable as $$
  select p.* from public.project p
   where p.id in (select pm.project_id from public.project_mentor pm where pm.mentor_id = mentor_projects.mentor_id)
   order by p.created_at desc, p.id desc
$$;

-- Project.openActionItemsList: earliest due first.
create or replace function pgl_extra.project_open_action_items(p public.project) returns setof public.action_item language sql stable as $$
  select a.* from public.action_item a where a.project_id = p.id and a.done_at is null order by a.due_date, a.id
$$;
comment on function pgl_extra.project_open_action_items(public.project) is E'@behavior -connection +list';

-- ActionItem.overdue: open and due before today in Shanghai.
create or replace function pgl_extra.action_item_overdue(a public.action_item) returns boolean language sql stable as $$
  select a.done_at is null and a.due_date < (now() at time zone 'Asia/Shanghai')::date
$$;

-- ActionItem.done.
create or replace function pgl_extra.action_item_done(a public.action_item) returns boolean language sql stable as $$
  select a.done_at is not null
$$;

-- Query.pglExtraMentorOpenActionItems: the open action items of a mentor's projects, earliest due first.
create or replace function pgl_extra.mentor_open_action_items(mentor_id uuid) returns setof public.action_item language sql stable as $$
  select a.* from public.action_item a
   where a.project_id in (select pm.project_id from public.project_mentor pm where pm.mentor_id = mentor_open_action_items.mentor_id) and a.done_at is null
   order by a.due_date, a.id
$$;

-- Query.pglExtraParkWarningVisits: the warning visits of a park's projects in delivery that no later visit has superseded, latest first.
create or replace function pgl_extra.park_warning_visits(park_id uuid) returns setof public.supervision_visit language sql stable as $$
  select v.* from public.supervision_visit v join public.project p on p.id = v.project_id
   where p.park_id = park_warning_visits.park_id and p.status = 'IN_PROGRESS' and v.risk_level = 'WARNING'
     and not exists (select 1 from public.supervision_visit later where later.project_id = v.project_id and (later.visited_at, later.id) > (v.visited_at, v.id))
   order by v.visited_at desc, v.id desc
$$;

-- Query.pglExtraParkWaitingForEvaluators: a park's proposals submitted and waiting for evaluators, and
-- its reviews (proposal or closing) with fewer counting assignments than the programme's minimum;
-- oldest submitted first. The review is the one the project's status calls for (closing in
-- CLOSING_REVIEW, else the proposal); an assignment counts when not recused and on the current revision.
create or replace function pgl_extra.park_waiting_for_evaluators(park_id uuid) returns setof public.project language sql stable as $$
  select p.* from public.project p join public.program g on g.id = p.program_id
   cross join lateral (
     select count(*) filter (where a.status <> 'RECUSED') as active
       from public.review_assignment a join public.review_round r on r.id = a.round_id
      where a.project_id = p.id and r.kind = case when p.status = 'CLOSING_REVIEW' then 'CLOSING' else 'PROPOSAL' end
        and (a.revision_id is null or a.revision_id = p.current_revision_id)) progress
   where p.park_id = park_waiting_for_evaluators.park_id and p.status in ('SUBMITTED', 'UNDER_REVIEW', 'CLOSING_REVIEW')
     and (p.status = 'SUBMITTED' or progress.active < g.min_evaluators)
   order by p.submitted_at, p.id
$$;

-- Query.pglExtraParkUndecidedReviews: a park's reviews with at least the minimum of scorecards in and
-- none pending, waiting for a decision or for closing; oldest submitted first (the review as above).
create or replace function pgl_extra.park_undecided_reviews(park_id uuid) returns setof public.project language sql stable as $$
  select p.* from public.project p join public.program g on g.id = p.program_id
   cross join lateral (
     select count(*) filter (where a.status = 'SUBMITTED') as submitted, count(*) filter (where a.status = 'ASSIGNED') as pending
       from public.review_assignment a join public.review_round r on r.id = a.round_id
      where a.project_id = p.id and r.kind = case when p.status = 'CLOSING_REVIEW' then 'CLOSING' else 'PROPOSAL' end
        and (a.revision_id is null or a.revision_id = p.current_revision_id)) progress
   where p.park_id = park_undecided_reviews.park_id and p.status in ('UNDER_REVIEW', 'CLOSING_REVIEW')
     and progress.submitted >= g.min_evaluators and progress.pending = 0
   order by p.submitted_at, p.id
$$;

-- Query.pglExtraParkOverdueAssignments: the assignments of a park's projects in open rounds, on the
-- current revision, still unscored after their due date (before `today`); earliest due first.
create or replace function pgl_extra.park_overdue_assignments(park_id uuid, today date) returns setof public.review_assignment language sql stable as $$
  select a.* from public.review_assignment a join public.review_round r on r.id = a.round_id join public.project p on p.id = a.project_id
   where p.park_id = park_overdue_assignments.park_id and a.status = 'ASSIGNED' and r.closed_at is null and a.due_date < park_overdue_assignments.today
     and (a.revision_id is null or a.revision_id = p.current_revision_id)
   order by a.due_date, a.id
$$;

-- Query.pglExtraParkReportsAwaitingAcceptance: the service reports of a park's projects submitted and
-- not yet accepted or returned; oldest submitted first.
create or replace function pgl_extra.park_reports_awaiting_acceptance(park_id uuid) returns setof public.service_report language sql stable as $$
  select s.* from public.service_report s join public.project p on p.id = s.project_id
   where p.park_id = park_reports_awaiting_acceptance.park_id and s.status = 'SUBMITTED'
   order by s.submitted_at, s.id
$$;

-- The months (YYYY-MM, Shenzhen months) a project has not reported, from the month delivery started (its
-- first move to IN_PROGRESS) up to the month of `until`, earliest first. Not exposed: the reports-due
-- lists read it for their projects in delivery (filtered there, so that the planner counts on those few).
create or replace function pgl_extra.unreported_months(p public.project, until timestamp) returns setof text language sql stable as $$
  select to_char(m.month, 'YYYY-MM')
    from generate_series(
      (select date_trunc('month', min(ev.created_at) at time zone 'Asia/Shanghai') from public.lifecycle_event ev where ev.project_id = p.id and ev.to_status = 'IN_PROGRESS'),
      until, interval '1 month') as m(month)
   where not exists (select 1 from public.service_report r where r.project_id = p.id and r.period = to_char(m.month, 'YYYY-MM'))
   order by m.month
$$;
comment on function pgl_extra.unreported_months(public.project, timestamp) is E'@behavior -*';

-- Query.pglExtraParkMissingReports: the past months (up to the one before `current_period`) for which
-- a park's project in delivery has no report, all overdue; earliest month first, then by project id.
create or replace function pgl_extra.park_missing_reports(park_id uuid, current_period text) returns setof pgl_extra.report_due language sql stable as $$
  select p.id, m.period, true
    from public.project p
   cross join lateral pgl_extra.unreported_months(p, to_date(park_missing_reports.current_period, 'YYYY-MM') - interval '1 month') as m(period)
   where p.park_id = park_missing_reports.park_id and p.status = 'IN_PROGRESS'
   order by m.period, p.id
$$;

-- PglExtraReportDue.project: the project that owes the report.
create or replace function pgl_extra.report_due_project(e pgl_extra.report_due) returns public.project language sql stable as $$
  select p.* from public.project p where p.id = e.project_id
$$;

-- Query.pglExtraParkOverdueFollowUps: the open follow-ups of a park's projects past their due date
-- (before `today`); earliest due first.
create or replace function pgl_extra.park_overdue_follow_ups(park_id uuid, today date) returns setof public.follow_up language sql stable as $$
  select f.* from public.follow_up f join public.project p on p.id = f.project_id
   where p.park_id = park_overdue_follow_ups.park_id and f.closed_at is null and f.due_date < park_overdue_follow_ups.today
   order by f.due_date, f.id
$$;

-- Query.pglExtraEvaluatorAssignmentsDue: an evaluator's assignments in open rounds not yet submitted; earliest due first.
create or replace function pgl_extra.evaluator_assignments_due(evaluator_id uuid) returns setof public.review_assignment language sql stable as $$
  select a.* from public.review_assignment a join public.review_round r on r.id = a.round_id
   where a.evaluator_id = evaluator_assignments_due.evaluator_id and a.status = 'ASSIGNED' and r.closed_at is null
   order by a.due_date, a.id
$$;

-- Query.pglExtraOrganizationReportsDue: for each of an organisation's projects in delivery, the next
-- monthly report due (its earliest unreported month up to `current_period`), overdue when that month is
-- over; earliest month first, then by project id.
create or replace function pgl_extra.organization_reports_due(organization_id uuid, current_period text) returns setof pgl_extra.report_due language sql stable as $$
  select d.* from (
    select distinct on (p.id) p.id as project_id, m.period, m.period < organization_reports_due.current_period as overdue
      from public.project p
     cross join lateral pgl_extra.unreported_months(p, to_date(organization_reports_due.current_period, 'YYYY-MM')::timestamp) as m(period)
     where p.organization_id = organization_reports_due.organization_id and p.status = 'IN_PROGRESS'
     order by p.id, m.period) d
   order by d.period, d.project_id
$$;

-- Query.pglExtraOrganizationReturnedReports: an organisation's reports staff returned; earliest month first.
create or replace function pgl_extra.organization_returned_reports(organization_id uuid) returns setof public.service_report language sql stable as $$
  select s.* from public.service_report s join public.project p on p.id = s.project_id
   where p.organization_id = organization_returned_reports.organization_id and s.status = 'RETURNED'
   order by s.period, s.id
$$;

-- Query.pglExtraParkAttentionCounts: the size of every attention view for a park's staff, counted from
-- the lists above. Views of other roles (a mentor's open action items, an evaluator's assignments due,
-- an applicant's reports due and returned reports) are 0 for staff, as the API's counts give them.
create or replace function pgl_extra.park_attention_counts(park_id uuid, today date, current_period text) returns pgl_extra.attention_counts language sql stable as $$
  select c.waiting + c.overdue_assignments + c.undecided + c.awaiting + c.missing + c.overdue_follow_ups + c.warning,
         c.waiting, c.overdue_assignments, c.undecided, c.awaiting, c.missing, c.overdue_follow_ups, c.warning, 0, 0, 0, 0
    from (select (select count(*) from pgl_extra.park_waiting_for_evaluators(park_attention_counts.park_id))::int as waiting,
                 (select count(*) from pgl_extra.park_overdue_assignments(park_attention_counts.park_id, park_attention_counts.today))::int as overdue_assignments,
                 (select count(*) from pgl_extra.park_undecided_reviews(park_attention_counts.park_id))::int as undecided,
                 (select count(*) from pgl_extra.park_reports_awaiting_acceptance(park_attention_counts.park_id))::int as awaiting,
                 (select count(*) from pgl_extra.park_missing_reports(park_attention_counts.park_id, park_attention_counts.current_period))::int as missing,
                 (select count(*) from pgl_extra.park_overdue_follow_ups(park_attention_counts.park_id, park_attention_counts.today))::int as overdue_follow_ups,
                 (select count(*) from pgl_extra.park_warning_visits(park_attention_counts.park_id))::int as warning) c
$$;

-- The reviews of one kind of the projects `project_ids` (within one round, or all), as
-- summarizeReview and aggregate compute them: the counting scorecards are the non-recused ones on the
-- current revision (any, for a closing review); the score is their mean, or under TRIMMED_MEAN the
-- mean without the lowest and the highest (of equal totals, the earlier submitted is the lower),
-- summed in that order in double precision and rounded half up to one decimal as Math.round does.
-- PL/pgSQL with a generic plan, so that each connection plans the statement once, not at every call
-- (a page of projects calls it once per project).
create or replace function pgl_extra.review_summaries(project_ids uuid[], round_kind text, only_round uuid)
  returns table (project_id uuid, summary pgl_extra.review_summary) language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
    with projects as (
      select p.id, p.current_revision_id, g.aggregation_rule as rule, g.min_evaluators::int as required,
             greatest(g.min_evaluators, case g.aggregation_rule when 'TRIMMED_MEAN' then 3 else 1 end)::int as needed
        from public.project p join public.program g on g.id = p.program_id where p.id = any(project_ids)
    ), counting as (
      select a.project_id, a.id, a.status, a.total, a.submitted_at, p.rule
        from projects p join public.review_assignment a on a.project_id = p.id
       where (only_round is null or a.round_id = only_round) and (select r.kind from public.review_round r where r.id = a.round_id) = round_kind
         and (a.revision_id is null or a.revision_id = p.current_revision_id) and a.status <> 'RECUSED'
    ), placed as (
      select c.project_id, c.id, c.total::float8 as total, c.status = 'SUBMITTED' as submitted,
             row_number() over (partition by c.project_id order by c.status <> 'SUBMITTED', c.total, c.submitted_at, c.id) as place,
             count(*) filter (where c.status = 'SUBMITTED') over (partition by c.project_id) as n, c.rule
        from counting c
    ), kept as (
      select s.*, s.submitted and not (s.rule = 'TRIMMED_MEAN' and s.place in (1, s.n)) as kept from placed s
    ), tally as (
      select k.project_id, count(*)::int as active, count(*) filter (where k.submitted)::int as submitted,
             sum(k.total order by k.place) filter (where k.kept) / count(*) filter (where k.kept) as mean,
             coalesce(array_agg(k.id order by k.place) filter (where k.kept), '{}') as counted,
             coalesce(array_agg(k.id order by k.place) filter (where k.submitted and not k.kept), '{}') as dropped
        from kept k group by k.project_id
    )
    select p.id, row(
      row(coalesce(t.active, 0), coalesce(t.submitted, 0), p.required)::pgl_extra.review_progress,
      case when t.submitted >= p.needed
        then row(p.rule, floor(t.mean * 10 + 2.220446049250313e-16 + 0.5) / 10, t.counted, t.dropped, null)::pgl_extra.review_aggregate
        else row(p.rule, null, '{}'::uuid[], '{}'::uuid[], coalesce(t.submitted, 0) || ' of ' || p.needed || ' scorecards are in.')::pgl_extra.review_aggregate
      end
    )::pgl_extra.review_summary
    from projects p left join tally t on t.project_id = p.id;
end
$$;
comment on function pgl_extra.review_summaries(uuid[], text, uuid) is E'@behavior -*';

-- Project.proposalReview.
create or replace function pgl_extra.project_proposal_review(p public.project) returns pgl_extra.review_summary language plpgsql stable as $$
begin
  return (select s.summary from pgl_extra.review_summaries(array[p.id], 'PROPOSAL', null) s);
end
$$;

-- ReviewRound.rankingList: every project with an assignment in the round, by score (higher first), then
-- more counted scorecards, then the earlier submission, then id; equal scores share a rank; projects
-- without a score come last, unranked.
create or replace function pgl_extra.review_round_ranking(r public.review_round) returns setof pgl_extra.ranking_entry language sql stable as $$
  select case when e.score is not null then rank() over (order by e.score desc nulls last) end::int, e.score, e.submitted, e.aggregate, e.id
    from (select p.id, p.submitted_at, ((s.summary).aggregate).score, ((s.summary).progress).submitted, (s.summary).aggregate
            from pgl_extra.review_summaries(array(select distinct a.project_id from public.review_assignment a where a.round_id = r.id), r.kind, r.id) s
            join public.project p on p.id = s.project_id) e
   order by e.score desc nulls last, e.submitted desc, e.submitted_at nulls last, e.id
$$;
comment on function pgl_extra.review_round_ranking(public.review_round) is E'@behavior -connection +list';

-- PglExtraRankingEntry.project.
create or replace function pgl_extra.ranking_entry_project(e pgl_extra.ranking_entry) returns public.project language sql stable as $$
  select p.* from public.project p where p.id = e.project_id
$$;
