import { Migration } from '@mikro-orm/migrations';

/**
 * A mentor's projects, newest first (the mentor's dashboard, and what a mentor may see): the
 * mentor's links are read off (mentor_id, project_id) alone, and the projects' creation times off
 * (id) including created_at, so only the page's rows are read from the table.
 */
export class Migration20261130190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "project_mentor_mentor_id_project_id_index" on "project_mentor" ("mentor_id", "project_id");`);
    this.addSql(`drop index "project_mentor_mentor_id_index";`);
    this.addSql(`create index "project_id_created_at_index" on "project" ("id") include ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "project_id_created_at_index";`);
    this.addSql(`create index "project_mentor_mentor_id_index" on "project_mentor" ("mentor_id");`);
    this.addSql(`drop index "project_mentor_mentor_id_project_id_index";`);
  }
}
