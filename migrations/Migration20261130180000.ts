import { Migration } from '@mikro-orm/migrations';

/**
 * Two partial indexes for the attention views (and their counts on the badge), each holding the few
 * rows a view looks for rather than every row of the viewer's projects:
 * - the assignments still waiting for a scorecard, by project and due date (overdueAssignments);
 * - the moment each project entered delivery, its events to IN_PROGRESS (missingReports and
 *   reportsDue count owed months from it).
 */
export class Migration20261130180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "review_assignment_assigned_index" on "review_assignment" ("project_id", "due_date") where status = 'ASSIGNED';`);
    this.addSql(`create index "lifecycle_event_delivery_index" on "lifecycle_event" ("project_id", "created_at") where to_status = 'IN_PROGRESS';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "review_assignment_assigned_index";`);
    this.addSql(`drop index "lifecycle_event_delivery_index";`);
  }
}
