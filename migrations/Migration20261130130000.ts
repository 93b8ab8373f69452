import { Migration } from '@mikro-orm/migrations';

/**
 * Project search: trigram (pg_trgm) GIN indexes let `ilike '%…%'` on a project's title, its
 * organisation's name and its revisions' summaries be read off an index, Chinese included.
 */
export class Migration20261130130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "project_title_trgm_index" on "project" using gin ("title" gin_trgm_ops);`);
    this.addSql(`create index "organization_name_trgm_index" on "organization" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index "proposal_revision_summary_trgm_index" on "proposal_revision" using gin ("summary" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "proposal_revision_summary_trgm_index";`);
    this.addSql(`drop index "organization_name_trgm_index";`);
    this.addSql(`drop index "project_title_trgm_index";`);
  }
}
