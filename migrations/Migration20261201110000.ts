import { Migration } from '@mikro-orm/migrations';

/** The new tables, parents first, each with the trigger that copies its district key. */
const DISTRICT_FROM = [
  { table: 'resource_offer', trigger: `"district_from_parent"('park', 'park_id')` },
  { table: 'resource_need', trigger: `"district_from_project"()` },
  { table: 'resource_match', trigger: `"district_from_parent"('park', 'park_id')` },
] as const;

/**
 * Resource matching (资源对接): offers a park brokers, needs its projects raise, and the matches
 * between them from proposal to delivery. Amounts are yuan to the fen and never negative; a match's
 * columns follow its status (a delivered one has its value and time, an ended one who ended it); an
 * offer and a project have at most one open match (partial unique index). The district key of
 * each row is copied by the triggers of migrations/Migration20261130145000.ts: an offer's and a
 * match's from their park, a need's from its project.
 */
export class Migration20261201110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "resource_offer" ("id" uuid not null, "created_at" timestamptz not null default now(), "district_id" uuid null, "park_id" uuid not null, "kind" text check ("kind" in ('FUNDING', 'ENTERPRISE', 'VENUE', 'VOLUNTEERS', 'MEDIA', 'EXPERTISE')) not null, "title" varchar(200) not null, "provider_name" varchar(200) not null, "organization_id" uuid null, "terms" text not null, "value" numeric(14,2) not null, "available_until" date null, "created_by_id" uuid not null, "withdrawn_at" timestamptz null, "withdrawn_by_id" uuid null, constraint "resource_offer_pkey" primary key ("id"), constraint resource_offer_withdrawn_by check ((withdrawn_at is null) = (withdrawn_by_id is null)), constraint resource_offer_value_valid check (value >= 0));`);
    this.addSql(`create index "resource_offer_district_id_index" on "resource_offer" ("district_id");`);
    this.addSql(`create index "resource_offer_organization_id_index" on "resource_offer" ("organization_id");`);
    this.addSql(`create index "resource_offer_park_id_created_at_id_index" on "resource_offer" ("park_id", "created_at" desc, "id" desc);`);
    this.addSql(`alter table "resource_offer" add constraint "resource_offer_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_offer" add constraint "resource_offer_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_offer" add constraint "resource_offer_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_offer" add constraint "resource_offer_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_offer" add constraint "resource_offer_withdrawn_by_id_foreign" foreign key ("withdrawn_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "resource_need" ("id" uuid not null, "created_at" timestamptz not null default now(), "district_id" uuid null, "project_id" uuid not null, "kind" text check ("kind" in ('FUNDING', 'ENTERPRISE', 'VENUE', 'VOLUNTEERS', 'MEDIA', 'EXPERTISE')) not null, "description" text not null, "value_sought" numeric(14,2) null, "raised_by_id" uuid not null, "closed_at" timestamptz null, "closed_by_id" uuid null, constraint "resource_need_pkey" primary key ("id"), constraint resource_need_closed_by check ((closed_at is null) = (closed_by_id is null)), constraint resource_need_value_sought_valid check (value_sought is null or value_sought > 0));`);
    this.addSql(`create index "resource_need_district_id_index" on "resource_need" ("district_id");`);
    this.addSql(`create index "resource_need_project_id_created_at_id_index" on "resource_need" ("project_id", "created_at" desc, "id" desc);`);
    this.addSql(`alter table "resource_need" add constraint "resource_need_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_need" add constraint "resource_need_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_need" add constraint "resource_need_raised_by_id_foreign" foreign key ("raised_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_need" add constraint "resource_need_closed_by_id_foreign" foreign key ("closed_by_id") references "person" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "resource_match" ("id" uuid not null, "created_at" timestamptz not null default now(), "district_id" uuid null, "park_id" uuid not null, "offer_id" uuid not null, "project_id" uuid not null, "need_id" uuid null, "status" text check ("status" in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'DECLINED', 'CANCELLED')) not null default 'PROPOSED', "note" text null, "proposed_by_id" uuid not null, "accepted_at" timestamptz null, "accepted_by_id" uuid null, "delivered_at" timestamptz null, "delivered_by_id" uuid null, "value_brokered" numeric(14,2) null, "delivery_note" text null, "ended_at" timestamptz null, "ended_by_id" uuid null, "end_reason" text null, constraint "resource_match_pkey" primary key ("id"), constraint resource_match_ended check ((status = 'DECLINED' or status = 'CANCELLED') = (ended_at is not null and ended_by_id is not null)), constraint resource_match_accepted check ((status = 'ACCEPTED' or status = 'DELIVERED') <= (accepted_at is not null and accepted_by_id is not null)), constraint resource_match_delivered check ((status = 'DELIVERED') = (delivered_at is not null and delivered_by_id is not null and value_brokered is not null)), constraint resource_match_value_brokered_valid check (value_brokered is null or value_brokered >= 0));`);
    this.addSql(`create index "resource_match_district_id_index" on "resource_match" ("district_id");`);
    this.addSql(`create index "resource_match_offer_id_index" on "resource_match" ("offer_id");`);
    this.addSql(`create index "resource_match_need_id_index" on "resource_match" ("need_id");`);
    this.addSql(`create index "resource_match_delivered_index" on "resource_match" ("district_id", "delivered_at") where status = 'DELIVERED';`);
    this.addSql(`create index "resource_match_project_id_created_at_id_index" on "resource_match" ("project_id", "created_at" desc, "id" desc);`);
    this.addSql(`create index "resource_match_park_id_created_at_id_index" on "resource_match" ("park_id", "created_at" desc, "id" desc);`);
    this.addSql(`create unique index "resource_match_open_unique" on "resource_match" ("offer_id", "project_id") where status in ('PROPOSED', 'ACCEPTED');`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_offer_id_foreign" foreign key ("offer_id") references "resource_offer" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_need_id_foreign" foreign key ("need_id") references "resource_need" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_proposed_by_id_foreign" foreign key ("proposed_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_accepted_by_id_foreign" foreign key ("accepted_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_delivered_by_id_foreign" foreign key ("delivered_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "resource_match" add constraint "resource_match_ended_by_id_foreign" foreign key ("ended_by_id") references "person" ("id") on update cascade on delete restrict;`);
    for (const { table, trigger } of DISTRICT_FROM) {
      this.addSql(`create trigger "${table}_district" before insert on "${table}" for each row execute function ${trigger};`);
    }
  }

  override async down(): Promise<void> {
    for (const { table } of [...DISTRICT_FROM].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
  }
}
