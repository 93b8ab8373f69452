import { Migration } from '@mikro-orm/migrations';

/**
 * The follow-ups still open, by due date: the overdue ones a park's attention counts and lists ask
 * for were found by reading every follow-up of the database (3.3 ms for 7,000 on the large dataset).
 */
export class Migration20261202100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "follow_up_open_due_date_index" on "follow_up" ("due_date", "project_id") where closed_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "follow_up_open_due_date_index";`);
  }
}
