import { Migration } from '@mikro-orm/migrations';

export class Migration20261123003954 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(200) not null, "kind" text check ("kind" in ('SOCIAL_ORGANIZATION', 'SOCIAL_WORK_AGENCY', 'FOUNDATION', 'COMMUNITY_COMMITTEE', 'RESIDENT_GROUP')) not null, "credit_code" varchar(18) null, "district" varchar(50) not null, "street" varchar(50) null, "community" varchar(50) null, "contact_name" varchar(100) not null, "contact_phone" varchar(30) not null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_name_unique" unique ("name");`);
    this.addSql(`alter table "organization" add constraint "organization_credit_code_unique" unique ("credit_code");`);

    this.addSql(`create table "person" ("id" uuid not null, "created_at" timestamptz not null default now(), "email" varchar(254) not null, "name" varchar(100) not null, "password_hash" varchar(200) not null, "roles" text[] not null, "organization_id" uuid null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);

    this.addSql(`create table "program" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(200) not null, "funder" varchar(200) not null, "year" smallint not null, "focus_areas" text[] not null, "budget_pool" numeric(14,2) not null, "max_grant" numeric(14,2) not null, "applications_open_at" timestamptz not null, "applications_close_at" timestamptz not null, "proposal_rubric" jsonb not null, "closing_rubric" jsonb not null, "aggregation_rule" text check ("aggregation_rule" in ('MEAN', 'TRIMMED_MEAN')) not null default 'MEAN', "min_evaluators" smallint not null default 3, "blind_review" boolean not null default false, "grade_thresholds" jsonb not null, constraint "program_pkey" primary key ("id"));`);
    this.addSql(`alter table "program" add constraint "program_name_unique" unique ("name");`);

    this.addSql(`create table "project" ("id" uuid not null, "created_at" timestamptz not null default now(), "program_id" uuid not null, "organization_id" uuid not null, "title" varchar(200) not null, "focus_area" varchar(100) not null, "community_served" varchar(200) not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'CONDITIONALLY_APPROVED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'IN_PROGRESS', 'CLOSING_REVIEW', 'CLOSED', 'TERMINATED')) not null default 'DRAFT', "lead_staff_id" uuid null, "current_revision_id" uuid null, "revision_count" int not null default 0, "submitted_at" timestamptz null, "approved_grant" numeric(14,2) null, "created_by_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, constraint "project_pkey" primary key ("id"));`);
    this.addSql(`alter table "project" add constraint "project_program_id_organization_id_title_unique" unique ("program_id", "organization_id", "title");`);

    this.addSql(`create table "proposal_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "number" int not null, "summary" text not null, "needs" text not null, "objectives" jsonb not null, "activity_plan" jsonb not null, "beneficiaries" text not null, "indicator_targets" jsonb not null, "budget_lines" jsonb not null, "requested_amount" numeric(14,2) not null, "team" jsonb not null, "change_note" text null, "author_id" uuid not null, constraint "proposal_revision_pkey" primary key ("id"));`);
    this.addSql(`alter table "proposal_revision" add constraint "proposal_revision_project_id_number_unique" unique ("project_id", "number");`);

    this.addSql(`create table "project_mentor" ("project_id" uuid not null, "mentor_id" uuid not null, "assigned_at" timestamptz not null default now(), constraint "project_mentor_pkey" primary key ("project_id", "mentor_id"));`);

    this.addSql(`alter table "person" add constraint "person_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "project" add constraint "project_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project" add constraint "project_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project" add constraint "project_lead_staff_id_foreign" foreign key ("lead_staff_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project" add constraint "project_current_revision_id_foreign" foreign key ("current_revision_id") references "proposal_revision" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project" add constraint "project_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "proposal_revision" add constraint "proposal_revision_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "proposal_revision" add constraint "proposal_revision_author_id_foreign" foreign key ("author_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "project_mentor" add constraint "project_mentor_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_mentor" add constraint "project_mentor_mentor_id_foreign" foreign key ("mentor_id") references "person" ("id") on update cascade on delete restrict;`);
    // Invariants the database holds itself, whatever code writes to it.
    this.addSql(`alter table "organization" add constraint "organization_credit_code_format" check ("credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$');`);
    this.addSql(`alter table "organization" add constraint "organization_credit_code_required" check ("kind" = 'RESIDENT_GROUP' or "credit_code" is not null);`);
    this.addSql(`alter table "person" add constraint "person_roles_valid" check (cardinality("roles") >= 1 and "roles" <@ array['ADMIN','STAFF','MENTOR','EVALUATOR','APPLICANT']::text[]);`);
    this.addSql(`alter table "person" add constraint "person_email_lower_case" check ("email" = lower("email"));`);
    this.addSql(`alter table "person" add constraint "person_applicant_has_organization" check (not ('APPLICANT' = any("roles")) or "organization_id" is not null);`);
    this.addSql(`alter table "program" add constraint "program_amounts_valid" check ("max_grant" > 0 and "max_grant" <= "budget_pool");`);
    this.addSql(`alter table "program" add constraint "program_dates_ordered" check ("applications_close_at" > "applications_open_at");`);
    this.addSql(`alter table "program" add constraint "program_min_evaluators_positive" check ("min_evaluators" >= 1);`);
    this.addSql(`alter table "program" add constraint "program_year_plausible" check ("year" between 2000 and 2100);`);
    this.addSql(`alter table "project" add constraint "project_counts_valid" check ("revision_count" >= 0 and ("approved_grant" is null or "approved_grant" >= 0));`);
    this.addSql(`alter table "proposal_revision" add constraint "proposal_revision_values_valid" check ("number" >= 1 and "requested_amount" > 0);`);

    this.addSql(`create index "person_organization_id_index" on "person" ("organization_id");`);
    this.addSql(`create index "project_program_id_index" on "project" ("program_id");`);
    this.addSql(`create index "project_organization_id_index" on "project" ("organization_id");`);
    this.addSql(`create index "project_mentor_mentor_id_index" on "project_mentor" ("mentor_id");`);

    // A revision is an immutable snapshot: refuse any update or delete, whoever sends it.
    this.addSql(`create function "proposal_revision_immutable"() returns trigger language plpgsql as $$
      begin
        raise exception 'proposal revisions are immutable: save a new revision instead' using errcode = 'P0001';
      end $$;`);
    this.addSql(`create trigger "proposal_revision_immutable" before update or delete on "proposal_revision"
      for each row execute function "proposal_revision_immutable"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "project_mentor", "proposal_revision", "project", "person", "program", "organization" cascade;`);
    this.addSql(`drop function if exists "proposal_revision_immutable"();`);
  }
}
