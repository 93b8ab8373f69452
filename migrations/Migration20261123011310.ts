import { Migration } from '@mikro-orm/migrations';

export class Migration20261123011310 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "lifecycle_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "position" bigserial, "project_id" uuid not null, "type" text check ("type" in ('PROJECT_CREATED', 'REVISION_SAVED', 'STATUS_CHANGED', 'TEAM_ASSIGNED', 'COACHING_LOGGED', 'ACTION_ITEM_UPDATED', 'EVALUATOR_ASSIGNED', 'ASSIGNMENT_RECUSED', 'SCORECARD_SUBMITTED', 'REVIEW_COMPLETED', 'DECISION_RECORDED', 'CONDITION_MET', 'VISIT_LOGGED', 'FOLLOW_UP_CLOSED', 'REPORT_SUBMITTED', 'REPORT_ACCEPTED', 'REPORT_RETURNED')) not null, "actor_id" uuid null, "evaluator_id" uuid null, "from_status" text check ("from_status" in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'CONDITIONALLY_APPROVED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'IN_PROGRESS', 'CLOSING_REVIEW', 'CLOSED', 'TERMINATED')) null, "to_status" text check ("to_status" in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'CONDITIONALLY_APPROVED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'IN_PROGRESS', 'CLOSING_REVIEW', 'CLOSED', 'TERMINATED')) null, "details" jsonb not null, constraint "lifecycle_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "lifecycle_event" add constraint "lifecycle_event_position_unique" unique ("position");`);
    this.addSql(`create index "lifecycle_event_project_id_position_index" on "lifecycle_event" ("project_id", "position");`);

    this.addSql(`create table "decision" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "revision_id" uuid not null, "outcome" text check ("outcome" in ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'REVISION_REQUESTED', 'REJECTED')) not null, "grant_amount" numeric(14,2) null, "rationale" text not null, "override_reason" text null, "decided_by_id" uuid not null, constraint "decision_pkey" primary key ("id"), constraint decision_grant_matches_outcome check ((outcome = 'APPROVED' or outcome = 'APPROVED_WITH_CONDITIONS') = (grant_amount is not null and grant_amount > 0)));`);
    this.addSql(`create index "decision_project_id_index" on "decision" ("project_id");`);

    this.addSql(`create table "decision_condition" ("id" uuid not null, "created_at" timestamptz not null default now(), "decision_id" uuid not null, "position" smallint not null, "text" text not null, "met_at" timestamptz null, "met_by_id" uuid null, constraint "decision_condition_pkey" primary key ("id"));`);
    this.addSql(`alter table "decision_condition" add constraint "decision_condition_decision_id_position_unique" unique ("decision_id", "position");`);

    this.addSql(`create table "coaching_session" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "coach_id" uuid not null, "held_at" timestamptz not null, "mode" text check ("mode" in ('ON_SITE', 'ONLINE', 'PHONE')) not null, "duration_minutes" int not null, "topics" text[] not null, "notes" text not null, "discussed_revision_id" uuid null, "answered_by_revision_id" uuid null, constraint "coaching_session_pkey" primary key ("id"), constraint coaching_session_duration_valid check (duration_minutes > 0 and duration_minutes <= 1440));`);
    this.addSql(`create index "coaching_session_project_id_index" on "coaching_session" ("project_id");`);

    this.addSql(`create table "action_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "session_id" uuid not null, "project_id" uuid not null, "description" text not null, "due_date" date not null, "done_at" timestamptz null, "done_by_id" uuid null, constraint "action_item_pkey" primary key ("id"));`);
    this.addSql(`create index "action_item_session_id_index" on "action_item" ("session_id");`);
    this.addSql(`create index "action_item_project_id_done_at_index" on "action_item" ("project_id", "done_at");`);

    this.addSql(`create table "review_round" ("id" uuid not null, "created_at" timestamptz not null default now(), "program_id" uuid not null, "kind" text check ("kind" in ('PROPOSAL', 'CLOSING')) not null, "name" varchar(200) not null, "opened_by_id" uuid not null, "closed_at" timestamptz null, constraint "review_round_pkey" primary key ("id"));`);
    this.addSql(`create index "review_round_program_id_index" on "review_round" ("program_id");`);

    this.addSql(`create table "review_assignment" ("id" uuid not null, "created_at" timestamptz not null default now(), "round_id" uuid not null, "project_id" uuid not null, "evaluator_id" uuid not null, "revision_id" uuid null, "status" text check ("status" in ('ASSIGNED', 'RECUSED', 'SUBMITTED')) not null default 'ASSIGNED', "conflict_reason" text null, "scores" jsonb not null, "recommendation" text check ("recommendation" in ('APPROVE', 'REVISE', 'REJECT')) null, "comment" text null, "total" numeric(6,3) null, "submitted_at" timestamptz null, constraint "review_assignment_pkey" primary key ("id"), constraint review_assignment_total_range check (total is null or (total >= 0 and total <= 100)), constraint review_assignment_submitted_complete check (status <> 'SUBMITTED' or (submitted_at is not null and recommendation is not null and total is not null)));`);
    this.addSql(`create index "review_assignment_round_id_index" on "review_assignment" ("round_id");`);
    this.addSql(`create index "review_assignment_project_id_index" on "review_assignment" ("project_id");`);
    this.addSql(`create index "review_assignment_evaluator_id_index" on "review_assignment" ("evaluator_id");`);
    this.addSql(`alter table "review_assignment" add constraint "review_assignment_round_id_project_id_evaluator_i_4166f_unique" unique ("round_id", "project_id", "evaluator_id", "revision_id");`);

    this.addSql(`create table "service_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "period" varchar(7) not null, "sessions_held" int not null, "person_times" int not null, "volunteers" int not null, "volunteer_hours" numeric(10,1) not null, "satisfaction_rate" numeric(5,2) not null, "spending" numeric(14,2) not null, "narrative" text not null, "indicator_actuals" jsonb not null, "status" text check ("status" in ('SUBMITTED', 'ACCEPTED', 'RETURNED')) not null default 'SUBMITTED', "return_reason" text null, "submitted_by_id" uuid not null, "submitted_at" timestamptz not null, "reviewed_by_id" uuid null, "reviewed_at" timestamptz null, constraint "service_report_pkey" primary key ("id"), constraint service_report_period_format check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])\$'), constraint service_report_figures_valid check (sessions_held >= 0 and person_times >= 0 and volunteers >= 0 and volunteer_hours >= 0 and spending >= 0 and satisfaction_rate >= 0 and satisfaction_rate <= 100));`);
    this.addSql(`alter table "service_report" add constraint "service_report_project_id_period_unique" unique ("project_id", "period");`);

    this.addSql(`create table "supervision_visit" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "visitor_id" uuid not null, "visited_at" timestamptz not null, "kind" text check ("kind" in ('SITE_VISIT', 'ONLINE_CHECK', 'ACTIVITY_OBSERVATION')) not null, "findings" text not null, "risk_level" text check ("risk_level" in ('NORMAL', 'ATTENTION', 'WARNING')) not null, constraint "supervision_visit_pkey" primary key ("id"));`);
    this.addSql(`create index "supervision_visit_project_id_index" on "supervision_visit" ("project_id");`);

    this.addSql(`create table "follow_up" ("id" uuid not null, "created_at" timestamptz not null default now(), "visit_id" uuid not null, "project_id" uuid not null, "description" text not null, "due_date" date not null, "closed_at" timestamptz null, "resolution" text null, "closed_by_id" uuid null, constraint "follow_up_pkey" primary key ("id"));`);
    this.addSql(`create index "follow_up_visit_id_index" on "follow_up" ("visit_id");`);
    this.addSql(`create index "follow_up_project_id_closed_at_index" on "follow_up" ("project_id", "closed_at");`);

    this.addSql(`alter table "lifecycle_event" add constraint "lifecycle_event_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "lifecycle_event" add constraint "lifecycle_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "lifecycle_event" add constraint "lifecycle_event_evaluator_id_foreign" foreign key ("evaluator_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "decision" add constraint "decision_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "decision" add constraint "decision_revision_id_foreign" foreign key ("revision_id") references "proposal_revision" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "decision" add constraint "decision_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "decision_condition" add constraint "decision_condition_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "decision_condition" add constraint "decision_condition_met_by_id_foreign" foreign key ("met_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "coaching_session" add constraint "coaching_session_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "coaching_session" add constraint "coaching_session_coach_id_foreign" foreign key ("coach_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "coaching_session" add constraint "coaching_session_discussed_revision_id_foreign" foreign key ("discussed_revision_id") references "proposal_revision" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "coaching_session" add constraint "coaching_session_answered_by_revision_id_foreign" foreign key ("answered_by_revision_id") references "proposal_revision" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "action_item" add constraint "action_item_session_id_foreign" foreign key ("session_id") references "coaching_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "action_item" add constraint "action_item_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "action_item" add constraint "action_item_done_by_id_foreign" foreign key ("done_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "review_round" add constraint "review_round_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "review_round" add constraint "review_round_opened_by_id_foreign" foreign key ("opened_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "review_assignment" add constraint "review_assignment_round_id_foreign" foreign key ("round_id") references "review_round" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "review_assignment" add constraint "review_assignment_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "review_assignment" add constraint "review_assignment_evaluator_id_foreign" foreign key ("evaluator_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "review_assignment" add constraint "review_assignment_revision_id_foreign" foreign key ("revision_id") references "proposal_revision" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "service_report" add constraint "service_report_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "service_report" add constraint "service_report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "service_report" add constraint "service_report_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "supervision_visit" add constraint "supervision_visit_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "supervision_visit" add constraint "supervision_visit_visitor_id_foreign" foreign key ("visitor_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "follow_up" add constraint "follow_up_visit_id_foreign" foreign key ("visit_id") references "supervision_visit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_closed_by_id_foreign" foreign key ("closed_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "project" add column "approved_revision_id" uuid null, add column "final_score" numeric(5,1) null, add column "final_grade" text check ("final_grade" in ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')) null;`);
    this.addSql(`alter table "project" add constraint "project_approved_revision_id_foreign" foreign key ("approved_revision_id") references "proposal_revision" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "decision_condition" drop constraint "decision_condition_decision_id_foreign";`);

    this.addSql(`alter table "action_item" drop constraint "action_item_session_id_foreign";`);

    this.addSql(`alter table "review_assignment" drop constraint "review_assignment_round_id_foreign";`);

    this.addSql(`alter table "follow_up" drop constraint "follow_up_visit_id_foreign";`);

    this.addSql(`drop table if exists "lifecycle_event" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "decision_condition" cascade;`);

    this.addSql(`drop table if exists "coaching_session" cascade;`);

    this.addSql(`drop table if exists "action_item" cascade;`);

    this.addSql(`drop table if exists "review_round" cascade;`);

    this.addSql(`drop table if exists "review_assignment" cascade;`);

    this.addSql(`drop table if exists "service_report" cascade;`);

    this.addSql(`drop table if exists "supervision_visit" cascade;`);

    this.addSql(`drop table if exists "follow_up" cascade;`);

    this.addSql(`alter table "project" drop constraint "project_approved_revision_id_foreign";`);

    this.addSql(`alter table "project" drop column "approved_revision_id", drop column "final_score", drop column "final_grade";`);
  }
}
