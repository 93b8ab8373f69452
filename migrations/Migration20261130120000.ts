import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for keyset pages: each list's sort keys then id, so a page (either direction, from any
 * cursor) is read off an index rather than sorted. Events, revisions, reports and organisations
 * already have theirs (unique or (project_id, position)).
 */
export class Migration20261130120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "person_name_id_index" on "person" ("name", "id");`);
    this.addSql(`create index "project_title_id_index" on "project" ("title", "id");`);
    this.addSql(`create index "project_updated_at_id_index" on "project" ("updated_at", "id");`);
    this.addSql(`create index "project_created_at_id_index" on "project" ("created_at", "id");`);
    this.addSql(`create index "coaching_session_project_id_held_at_id_index" on "coaching_session" ("project_id", "held_at", "id");`);
    this.addSql(`create index "review_assignment_evaluator_id_created_at_id_index" on "review_assignment" ("evaluator_id", "created_at", "id");`);
    this.addSql(`create index "supervision_visit_project_id_visited_at_id_index" on "supervision_visit" ("project_id", "visited_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "person_name_id_index";`);
    this.addSql(`drop index "project_title_id_index";`);
    this.addSql(`drop index "project_updated_at_id_index";`);
    this.addSql(`drop index "project_created_at_id_index";`);
    this.addSql(`drop index "coaching_session_project_id_held_at_id_index";`);
    this.addSql(`drop index "review_assignment_evaluator_id_created_at_id_index";`);
    this.addSql(`drop index "supervision_visit_project_id_visited_at_id_index";`);
  }
}
