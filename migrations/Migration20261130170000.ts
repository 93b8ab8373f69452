import { Migration } from '@mikro-orm/migrations';

const SCOPES = ['park_id', 'district_id', 'program_id'] as const;

/**
 * The projects of a park, a district or a programme, newest first: the default order of the board
 * its staff open. With the scope leading the order's keys, the page is a range of one index and its
 * count an index-only scan, where the order's index alone walked the whole table's newest rows to find
 * the scope's. The scope's single-column indexes are prefixes of these and go.
 */
export class Migration20261130170000 extends Migration {
  override async up(): Promise<void> {
    for (const scope of SCOPES) {
      this.addSql(`create index "project_${scope}_created_at_id_index" on "project" ("${scope}", "created_at", "id");`);
      this.addSql(`drop index "project_${scope}_index";`);
    }
  }

  override async down(): Promise<void> {
    for (const scope of SCOPES) {
      this.addSql(`create index "project_${scope}_index" on "project" ("${scope}");`);
      this.addSql(`drop index "project_${scope}_created_at_id_index";`);
    }
  }
}
