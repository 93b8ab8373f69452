import { Migration } from '@mikro-orm/migrations';

/**
 * Operations reports: the working copy of a park's or a district's report for a period (its
 * narrative sections), and its issued versions, whose frozen figures and sections no statement may
 * change or delete (refuse_history_change, as for the other history tables).
 */
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "operations_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "district_id" uuid not null, "park_id" uuid null, "period_kind" text check ("period_kind" in ('MONTH', 'QUARTER', 'YEAR')) not null, "period_start" varchar(10) not null, "sections" jsonb not null, "updated_by_id" uuid null, "updated_at" timestamptz null, "version" int not null default 1, constraint "operations_report_pkey" primary key ("id"), constraint operations_report_period_start check (period_start ~ '^[0-9]{4}-[0-9]{2}-01$'));`);
    this.addSql(`create unique index "operations_report_scope_period_unique" on "operations_report" ("district_id", "park_id", "period_kind", "period_start") nulls not distinct;`);
    this.addSql(`create table "operations_report_issue" ("id" uuid not null, "created_at" timestamptz not null default now(), "report_id" uuid not null, "district_id" uuid null, "number" int not null, "figures" jsonb not null, "sections" jsonb not null, "note" text null, "issued_by_id" uuid not null, constraint "operations_report_issue_pkey" primary key ("id"), constraint operations_report_issue_number check (number >= 1));`);
    this.addSql(`create index "operations_report_issue_district_id_index" on "operations_report_issue" ("district_id");`);
    this.addSql(`alter table "operations_report_issue" add constraint "operations_report_issue_report_id_number_unique" unique ("report_id", "number");`);
    this.addSql(`alter table "operations_report" add constraint "operations_report_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "operations_report" add constraint "operations_report_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "operations_report" add constraint "operations_report_updated_by_id_foreign" foreign key ("updated_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "operations_report_issue" add constraint "operations_report_issue_report_id_foreign" foreign key ("report_id") references "operations_report" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "operations_report_issue" add constraint "operations_report_issue_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "operations_report_issue" add constraint "operations_report_issue_issued_by_id_foreign" foreign key ("issued_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`create trigger "operations_report_issue_district" before insert on "operations_report_issue" for each row execute function "district_from_parent"('operations_report', 'report_id');`);
    const reason = 'an issued report is never changed: issue a new version';
    this.addSql(`create trigger "operations_report_issue_history" before update or delete on "operations_report_issue" for each row execute function "refuse_history_change"('${reason}');`);
    this.addSql(`create trigger "operations_report_issue_no_truncate" before truncate on "operations_report_issue" for each statement execute function "refuse_history_change"('${reason}');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "operations_report_issue";`);
    this.addSql(`drop table "operations_report";`);
  }
}
