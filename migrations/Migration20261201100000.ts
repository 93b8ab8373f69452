import { Migration } from '@mikro-orm/migrations';

/** The child tables of an activity, and the parent each copies its district key from. */
const DISTRICT_FROM = [
  { table: 'park_activity', parent: 'park', column: 'park_id' },
  { table: 'activity_session', parent: 'park_activity', column: 'activity_id' },
  { table: 'activity_registration', parent: 'park_activity', column: 'activity_id' },
  { table: 'activity_attendance', parent: 'activity_session', column: 'session_id' },
  { table: 'activity_project', parent: 'park_activity', column: 'activity_id' },
  { table: 'activity_organization', parent: 'park_activity', column: 'activity_id' },
] as const;

/**
 * A park's own activities (trainings, coaching workshops, theme days, observations…), their sessions,
 * registrations (people of the platform or guests, with their street and community), check-ins per
 * session, and the projects and organisations they concerned.
 */
export class Migration20261201100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "park_activity" ("id" uuid not null, "created_at" timestamptz not null default now(), "park_id" uuid not null, "district_id" uuid null, "kind" text check ("kind" in ('TRAINING_COURSE', 'COACHING_WORKSHOP', 'THEME_DAY', 'EXCHANGE', 'LECTURE', 'SITE_OBSERVATION', 'VOLUNTEER_TEAM_FORMATION')) not null, "title" varchar(200) not null, "topic" varchar(200) null, "description" text null, "organizer" varchar(200) not null, "venue" varchar(200) null, "capacity" int null, "open_to_public" boolean not null default false, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "created_by_id" uuid not null, "version" int not null default 1, constraint "park_activity_pkey" primary key ("id"), constraint park_activity_times check (ends_at > starts_at), constraint park_activity_capacity check (capacity is null or capacity > 0));`);
    this.addSql(`create index "park_activity_district_id_index" on "park_activity" ("district_id");`);
    this.addSql(`create index "park_activity_park_id_starts_at_id_index" on "park_activity" ("park_id", "starts_at", "id");`);
    this.addSql(`create table "activity_session" ("id" uuid not null, "created_at" timestamptz not null default now(), "activity_id" uuid not null, "district_id" uuid null, "number" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "mode" text check ("mode" in ('ON_SITE', 'ONLINE')) not null, "venue" varchar(200) null, "headcount" int null, "version" int not null default 1, constraint "activity_session_pkey" primary key ("id"), constraint activity_session_headcount check (headcount is null or headcount >= 0), constraint activity_session_times check (ends_at > starts_at));`);
    this.addSql(`create index "activity_session_district_id_index" on "activity_session" ("district_id");`);
    this.addSql(`create index "activity_session_starts_at_index" on "activity_session" ("starts_at");`);
    this.addSql(`alter table "activity_session" add constraint "activity_session_activity_id_number_unique" unique ("activity_id", "number");`);
    this.addSql(`create table "activity_registration" ("id" uuid not null, "created_at" timestamptz not null default now(), "activity_id" uuid not null, "district_id" uuid null, "person_id" uuid null, "guest_name" varchar(100) null, "unit" varchar(200) null, "organization_id" uuid null, "street_id" uuid null, "community_id" uuid null, "walk_in" boolean not null default false, "registered_by_id" uuid not null, "cancelled_at" timestamptz null, "satisfaction" smallint null, "feedback" text null, "version" int not null default 1, constraint "activity_registration_pkey" primary key ("id"), constraint activity_registration_satisfaction check (satisfaction >= 1 and satisfaction <= 5), constraint activity_registration_who check ((person_id is null) <> (guest_name is null)));`);
    this.addSql(`create index "activity_registration_district_id_index" on "activity_registration" ("district_id");`);
    this.addSql(`create index "activity_registration_person_id_index" on "activity_registration" ("person_id");`);
    this.addSql(`create unique index "activity_registration_guest_unique" on "activity_registration" ("activity_id", "guest_name", "unit") nulls not distinct where "guest_name" is not null;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_person_unique" unique ("activity_id", "person_id");`);
    this.addSql(`create table "activity_organization" ("activity_id" uuid not null, "organization_id" uuid not null, "district_id" uuid null, constraint "activity_organization_pkey" primary key ("activity_id", "organization_id"));`);
    this.addSql(`create index "activity_organization_organization_id_index" on "activity_organization" ("organization_id");`);
    this.addSql(`create index "activity_organization_district_id_index" on "activity_organization" ("district_id");`);
    this.addSql(`create table "activity_attendance" ("session_id" uuid not null, "registration_id" uuid not null, "district_id" uuid null, "checked_in_at" timestamptz not null, "checked_in_by_id" uuid not null, constraint "activity_attendance_pkey" primary key ("session_id", "registration_id"));`);
    this.addSql(`create index "activity_attendance_registration_id_index" on "activity_attendance" ("registration_id");`);
    this.addSql(`create index "activity_attendance_district_id_index" on "activity_attendance" ("district_id");`);
    this.addSql(`create table "activity_project" ("activity_id" uuid not null, "project_id" uuid not null, "district_id" uuid null, constraint "activity_project_pkey" primary key ("activity_id", "project_id"));`);
    this.addSql(`create index "activity_project_project_id_index" on "activity_project" ("project_id");`);
    this.addSql(`create index "activity_project_district_id_index" on "activity_project" ("district_id");`);
    this.addSql(`alter table "park_activity" add constraint "park_activity_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "park_activity" add constraint "park_activity_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "park_activity" add constraint "park_activity_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_session" add constraint "activity_session_activity_id_foreign" foreign key ("activity_id") references "park_activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_session" add constraint "activity_session_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_activity_id_foreign" foreign key ("activity_id") references "park_activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_street_id_foreign" foreign key ("street_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_community_id_foreign" foreign key ("community_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_registration" add constraint "activity_registration_registered_by_id_foreign" foreign key ("registered_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_organization" add constraint "activity_organization_activity_id_foreign" foreign key ("activity_id") references "park_activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_organization" add constraint "activity_organization_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_organization" add constraint "activity_organization_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_attendance" add constraint "activity_attendance_session_id_foreign" foreign key ("session_id") references "activity_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_attendance" add constraint "activity_attendance_registration_id_foreign" foreign key ("registration_id") references "activity_registration" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_attendance" add constraint "activity_attendance_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_attendance" add constraint "activity_attendance_checked_in_by_id_foreign" foreign key ("checked_in_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_project" add constraint "activity_project_activity_id_foreign" foreign key ("activity_id") references "park_activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_project" add constraint "activity_project_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity_project" add constraint "activity_project_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    for (const { table, parent, column } of DISTRICT_FROM) {
      this.addSql(`create trigger "${table}_district" before insert on "${table}" for each row execute function "district_from_parent"('${parent}', '${column}');`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['activity_organization', 'activity_project', 'activity_attendance', 'activity_registration', 'activity_session', 'park_activity']) {
      this.addSql(`drop table "${table}";`);
    }
  }
}
