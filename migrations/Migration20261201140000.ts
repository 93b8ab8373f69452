import { Migration } from '@mikro-orm/migrations';

/** Projects recommended to project libraries (推荐至项目库): the district key comes from the project, as for its other rows. */
export class Migration20261201140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "project_recommendation" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "district_id" uuid null, "library" varchar(200) not null, "note" text null, "recommended_by_id" uuid not null, constraint "project_recommendation_pkey" primary key ("id"));`);
    this.addSql(`create index "project_recommendation_project_id_index" on "project_recommendation" ("project_id");`);
    this.addSql(`create index "project_recommendation_district_id_index" on "project_recommendation" ("district_id");`);
    this.addSql(`alter table "project_recommendation" add constraint "project_recommendation_project_id_library_unique" unique ("project_id", "library");`);
    this.addSql(`alter table "project_recommendation" add constraint "project_recommendation_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project_recommendation" add constraint "project_recommendation_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "project_recommendation" add constraint "project_recommendation_recommended_by_id_foreign" foreign key ("recommended_by_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`create trigger "project_recommendation_district" before insert on "project_recommendation" for each row execute function "district_from_project"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "project_recommendation";`);
  }
}
