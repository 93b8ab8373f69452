import { Migration } from '@mikro-orm/migrations';

/**
 * Districts and parks. Places form the administrative tree (province → city → district → street →
 * community); organisations' free-text district / street / community become a place in it, with
 * every name kept exactly as written (a district with no city above it is a root until an
 * administrator files it under one). Parks belong to a place, serve streets, and have staff and
 * mentors; districts have staff (who oversee their parks) and an evaluator pool. Organisations,
 * programmes and projects carry their district (the key data could be partitioned by) and their park.
 * An existing programme is given the district most of its applicants are in.
 */
export class Migration20261130140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "place" (
      "id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(50) not null,
      "level" text check ("level" in ('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY')) not null,
      "parent_id" uuid null, "district_id" uuid null,
      constraint "place_pkey" primary key ("id"));`);
    this.addSql(`create index "place_parent_id_index" on "place" ("parent_id");`);
    this.addSql(`create index "place_district_id_index" on "place" ("district_id");`);
    this.addSql(`create unique index "place_parent_name_unique" on "place" ("parent_id", "name") nulls not distinct;`);
    this.addSql(`alter table "place" add constraint "place_parent_id_foreign" foreign key ("parent_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "place" add constraint "place_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);

    // The tree of the places organisations name today, names exactly as written.
    this.addSql(`insert into "place" ("id", "name", "level", "district_id")
      select gen_random_uuid(), "district", 'DISTRICT', null from (select distinct "district" from "organization") d;`);
    this.addSql(`update "place" set "district_id" = "id" where "level" = 'DISTRICT';`);
    this.addSql(`insert into "place" ("id", "name", "level", "parent_id", "district_id")
      select gen_random_uuid(), s."street", 'STREET', d."id", d."id"
        from (select distinct "district", "street" from "organization" where "street" is not null) s
        join "place" d on d."level" = 'DISTRICT' and d."name" = s."district";`);
    this.addSql(`insert into "place" ("id", "name", "level", "parent_id", "district_id")
      select gen_random_uuid(), c."community", 'COMMUNITY', coalesce(st."id", d."id"), d."id"
        from (select distinct "district", "street", "community" from "organization" where "community" is not null) c
        join "place" d on d."level" = 'DISTRICT' and d."name" = c."district"
        left join "place" st on st."level" = 'STREET' and st."parent_id" = d."id" and st."name" = c."street";`);
    // A district is its own district: set on insert, as the row cannot name its own key before it exists.
    this.addSql(`create function "place_own_district"() returns trigger language plpgsql as $$
      begin if new.level = 'DISTRICT' then new.district_id := new.id; end if; return new; end $$;`);
    this.addSql(`create trigger "place_own_district" before insert on "place" for each row execute function "place_own_district"();`);
    this.addSql(`alter table "place" add constraint "place_district_level" check ((level = 'PROVINCE' or level = 'CITY') = (district_id is null));`);

    this.addSql(`create table "park" (
      "id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(100) not null,
      "place_id" uuid not null, "district_id" uuid not null, "operator_id" uuid null,
      constraint "park_pkey" primary key ("id"));`);
    this.addSql(`alter table "park" add constraint "park_name_unique" unique ("name");`);
    this.addSql(`create index "park_place_id_index" on "park" ("place_id");`);
    this.addSql(`create index "park_district_id_index" on "park" ("district_id");`);
    this.addSql(`create index "park_operator_id_index" on "park" ("operator_id");`);
    this.addSql(`alter table "park" add constraint "park_place_id_foreign" foreign key ("place_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "park" add constraint "park_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "park" add constraint "park_operator_id_foreign" foreign key ("operator_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "park_street" ("park_id" uuid not null, "street_id" uuid not null, constraint "park_street_pkey" primary key ("park_id", "street_id"));`);
    this.addSql(`create index "park_street_street_id_index" on "park_street" ("street_id");`);
    this.addSql(`alter table "park_street" add constraint "park_street_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "park_street" add constraint "park_street_street_id_foreign" foreign key ("street_id") references "place" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "park_member" ("park_id" uuid not null, "person_id" uuid not null, "since" timestamptz not null default now(), constraint "park_member_pkey" primary key ("park_id", "person_id"));`);
    this.addSql(`create index "park_member_person_id_index" on "park_member" ("person_id");`);
    this.addSql(`alter table "park_member" add constraint "park_member_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "park_member" add constraint "park_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "district_member" ("district_id" uuid not null, "person_id" uuid not null, "since" timestamptz not null default now(), constraint "district_member_pkey" primary key ("district_id", "person_id"));`);
    this.addSql(`create index "district_member_person_id_index" on "district_member" ("person_id");`);
    this.addSql(`alter table "district_member" add constraint "district_member_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "district_member" add constraint "district_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    // Organisations: their place, district and park.
    this.addSql(`alter table "organization" add column "place_id" uuid null, add column "district_id" uuid null, add column "park_id" uuid null;`);
    this.addSql(`update "organization" o set "district_id" = d."id", "place_id" = d."id" from "place" d where d."level" = 'DISTRICT' and d."name" = o."district";`);
    this.addSql(`update "organization" o set "place_id" = st."id" from "place" st
      where st."level" = 'STREET' and st."parent_id" = o."district_id" and st."name" = o."street";`);
    this.addSql(`update "organization" o set "place_id" = c."id" from "place" c
      where c."level" = 'COMMUNITY' and c."parent_id" = o."place_id" and c."name" = o."community";`);
    this.addSql(`alter table "organization" alter column "place_id" set not null, alter column "district_id" set not null;`);
    this.addSql(`alter table "organization" drop column "district", drop column "street", drop column "community";`);
    this.addSql(`create index "organization_place_id_index" on "organization" ("place_id");`);
    this.addSql(`create index "organization_district_id_index" on "organization" ("district_id");`);
    this.addSql(`create index "organization_park_id_index" on "organization" ("park_id");`);
    this.addSql(`alter table "organization" add constraint "organization_place_id_foreign" foreign key ("place_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "organization_move" (
      "id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null,
      "from_park_id" uuid null, "to_park_id" uuid null, "moved_by_id" uuid not null, "reason" text null,
      constraint "organization_move_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_move_organization_id_index" on "organization_move" ("organization_id");`);
    this.addSql(`alter table "organization_move" add constraint "organization_move_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organization_move" add constraint "organization_move_from_park_id_foreign" foreign key ("from_park_id") references "park" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organization_move" add constraint "organization_move_to_park_id_foreign" foreign key ("to_park_id") references "park" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organization_move" add constraint "organization_move_moved_by_id_foreign" foreign key ("moved_by_id") references "person" ("id") on update cascade on delete restrict;`);

    // Programmes: the district that runs them (the one most of their applicants are in) and, for a park's own, the park.
    this.addSql(`alter table "program" add column "district_id" uuid null, add column "park_id" uuid null;`);
    this.addSql(`update "program" p set "district_id" = (
      select o."district_id" from "project" j join "organization" o on o."id" = j."organization_id"
       where j."program_id" = p."id" group by o."district_id" order by count(*) desc, o."district_id" limit 1);`);
    this.addSql(`create index "program_district_id_index" on "program" ("district_id");`);
    this.addSql(`create index "program_park_id_index" on "program" ("park_id");`);
    this.addSql(`alter table "program" add constraint "program_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "program" add constraint "program_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict;`);

    // Projects: the park that coached them (none yet) and their district.
    this.addSql(`alter table "project" add column "park_id" uuid null, add column "district_id" uuid null;`);
    this.addSql(`update "project" j set "district_id" = p."district_id" from "program" p where p."id" = j."program_id";`);
    this.addSql(`create index "project_park_id_index" on "project" ("park_id");`);
    this.addSql(`create index "project_district_id_index" on "project" ("district_id");`);
    this.addSql(`alter table "project" add constraint "project_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project" add constraint "project_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "project" drop column "park_id", drop column "district_id";`);
    this.addSql(`alter table "program" drop column "district_id", drop column "park_id";`);
    this.addSql(`drop table "organization_move";`);
    this.addSql(`alter table "organization" add column "district" varchar(50) null, add column "street" varchar(50) null, add column "community" varchar(50) null;`);
    this.addSql(`update "organization" o set "district" = d."name",
      "street" = (select s."name" from "place" s where s."level" = 'STREET' and s."id" in (pl."id", pl."parent_id")),
      "community" = case when pl."level" = 'COMMUNITY' then pl."name" end
      from "place" pl, "place" d where pl."id" = o."place_id" and d."id" = o."district_id";`);
    this.addSql(`alter table "organization" alter column "district" set not null;`);
    this.addSql(`alter table "organization" drop column "place_id", drop column "district_id", drop column "park_id";`);
    this.addSql(`drop table "district_member";`);
    this.addSql(`drop table "park_member";`);
    this.addSql(`drop table "park_street";`);
    this.addSql(`drop table "park";`);
    this.addSql(`drop table "place";`);
    this.addSql(`drop function "place_own_district"();`);
  }
}
