import { Migration } from '@mikro-orm/migrations';

/** Sessions behind tokens (so they can be revoked), shared sign-in throttling, and deactivated accounts. */
export class Migration20261130110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "login_throttle" ("key" varchar(300) not null, "attempts" int not null, "last_attempt_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);
    this.addSql(`create table "auth_session" ("id" uuid not null, "person_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_session_person_id_index" on "auth_session" ("person_id");`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "person" add column "deactivated_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);
    this.addSql(`drop table if exists "auth_session" cascade;`);
    this.addSql(`alter table "person" drop column "deactivated_at";`);
  }
}
