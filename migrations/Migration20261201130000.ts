import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the operations report on a large dataset (found with `npm run bench:report`): the report
 * reads a district's projects and then their lifecycle events and revisions within the period, which
 * the indexes by (project_id, position) and (project_id, number) could only serve by reading every
 * event or revision of each project (or the whole 200 MB event table).
 * - Each project's events by time, with their type and status: the "active in the period" test of the
 *   areas and types, the submissions of the period and the funnel read the index alone.
 * - Each project's closing (to CLOSED) by time: the closings passed in the period.
 * - Each project's revisions by time, with their number: the revisions of the period.
 * And for the exports, which read their rows newest first in keyset batches of 1,000: each batch
 * sorted every row before it (an external sort of the whole table for the admin's scorecards, about
 * 70 ms a batch); by the key and id, a batch is a range of the index.
 */
export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "lifecycle_event_project_id_created_at_index" on "lifecycle_event" ("project_id", "created_at") include ("type", "to_status");`);
    this.addSql(`create index "lifecycle_event_closed_index" on "lifecycle_event" ("project_id", "created_at") where to_status = 'CLOSED';`);
    this.addSql(`create index "proposal_revision_project_id_created_at_index" on "proposal_revision" ("project_id", "created_at") include ("number");`);
    this.addSql(`create index "review_assignment_created_at_id_index" on "review_assignment" ("created_at", "id");`);
    this.addSql(`create index "service_report_submitted_at_id_index" on "service_report" ("submitted_at", "id");`);
    this.addSql(`create index "supervision_visit_visited_at_id_index" on "supervision_visit" ("visited_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "supervision_visit_visited_at_id_index";`);
    this.addSql(`drop index "service_report_submitted_at_id_index";`);
    this.addSql(`drop index "review_assignment_created_at_id_index";`);
    this.addSql(`drop index "proposal_revision_project_id_created_at_index";`);
    this.addSql(`drop index "lifecycle_event_closed_index";`);
    this.addSql(`drop index "lifecycle_event_project_id_created_at_index";`);
  }
}
