import { Migration } from '@mikro-orm/migrations';

/**
 * Project taxonomy: each district's areas of work and project types (4个方面12个类型), a type's
 * optional cap on the grant, the type of a project, and the types a programme accepts.
 */
export class Migration20261130150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "project_area" (
      "id" uuid not null, "created_at" timestamptz not null default now(), "district_id" uuid not null,
      "name" varchar(100) not null, "position" smallint not null,
      constraint "project_area_pkey" primary key ("id"));`);
    this.addSql(`create index "project_area_district_id_index" on "project_area" ("district_id");`);
    this.addSql(`alter table "project_area" add constraint "project_area_district_name_unique" unique ("district_id", "name");`);
    this.addSql(`alter table "project_area" add constraint "project_area_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "project_type" (
      "id" uuid not null, "created_at" timestamptz not null default now(), "district_id" uuid not null, "area_id" uuid not null,
      "name" varchar(100) not null, "kind" text check ("kind" in ('SERVICE', 'WORKS')) not null, "max_grant" numeric(14,2) null,
      constraint "project_type_pkey" primary key ("id"),
      constraint "project_type_max_grant_positive" check (max_grant is null or max_grant > 0));`);
    this.addSql(`create index "project_type_district_id_index" on "project_type" ("district_id");`);
    this.addSql(`create index "project_type_area_id_index" on "project_type" ("area_id");`);
    this.addSql(`alter table "project_type" add constraint "project_type_district_name_unique" unique ("district_id", "name");`);
    this.addSql(`alter table "project_type" add constraint "project_type_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project_type" add constraint "project_type_area_id_foreign" foreign key ("area_id") references "project_area" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "program_project_type" (
      "program_id" uuid not null, "project_type_id" uuid not null, "district_id" uuid not null,
      constraint "program_project_type_pkey" primary key ("program_id", "project_type_id"));`);
    this.addSql(`create index "program_project_type_project_type_id_index" on "program_project_type" ("project_type_id");`);
    this.addSql(`alter table "program_project_type" add constraint "program_project_type_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "program_project_type" add constraint "program_project_type_project_type_id_foreign" foreign key ("project_type_id") references "project_type" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "program_project_type" add constraint "program_project_type_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "project" add column "type_id" uuid null;`);
    this.addSql(`create index "project_type_id_index" on "project" ("type_id");`);
    this.addSql(`alter table "project" add constraint "project_type_id_foreign" foreign key ("type_id") references "project_type" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "project" drop column "type_id";`);
    this.addSql(`drop table "program_project_type";`);
    this.addSql(`drop table "project_type";`);
    this.addSql(`drop table "project_area";`);
  }
}
