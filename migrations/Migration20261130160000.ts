import { Migration } from '@mikro-orm/migrations';

/**
 * The reports waiting for staff to accept them, by project: a partial index, so that the attention
 * view reads the few submitted reports of the viewer's projects rather than every report there is.
 */
export class Migration20261130160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "service_report_awaiting_index" on "service_report" ("project_id") where status = 'SUBMITTED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "service_report_awaiting_index";`);
  }
}
