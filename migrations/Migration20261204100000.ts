import { Migration } from '@mikro-orm/migrations';

/**
 * A park's or a district's projects by status: the attention views read the projects under review or
 * in delivery of a staff member's parks, a few in a park of hundreds, which PostgreSQL had found by
 * reading every project of the park and keeping those in the status.
 */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "project_park_id_status_index" on "project" ("park_id", "status");`);
    this.addSql(`create index "project_district_id_status_index" on "project" ("district_id", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "project_district_id_status_index";`);
    this.addSql(`drop index "project_park_id_status_index";`);
  }
}
