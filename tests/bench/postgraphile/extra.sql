-- What PostGraphile cannot derive from the foreign keys for tests/bench/versus.ts's screens: the
-- mentors in the order they were assigned, a mentor's projects, open action items and whether they
-- are done or overdue, a review's progress and score, a round's leaderboard, and the attention views'
-- lists (a mentor's open action items, a park's warning visits). The rules are the API's own
-- (src/modules/reviews/aggregation.ts, review-progress.ts; coaching/due-dates.ts), written in SQL.
-- Idempotent; touches nothing outside the schema pgl_extra.

create schema if not exists pgl_extra;

do $$
begin
  create type pgl_extra.review_progress as (active int, submitted int, required int);
  create type pgl_extra.review_aggregate as (rule text, score float8, counted uuid[], dropped uuid[], pending text);
  create type pgl_extra.review_summary as (progress pgl_extra.review_progress, aggregate pgl_extra.review_aggregate);
  create type pgl_extra.ranking_entry as (rank int, score float8, scorecard_count int, aggregate pgl_extra.review_aggregate, project_id uuid);
exception when duplicate_object then null;
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
