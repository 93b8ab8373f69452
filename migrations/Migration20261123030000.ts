import { Migration } from '@mikro-orm/migrations';

/** A closing scorecard has no recommendation (there is nothing left to approve or reject): only proposal rounds ask for one. */
export class Migration20261123030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "review_assignment" drop constraint "review_assignment_submitted_complete";`);
    this.addSql(`alter table "review_assignment" add constraint "review_assignment_submitted_complete" check (status <> 'SUBMITTED' or (submitted_at is not null and total is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "review_assignment" drop constraint "review_assignment_submitted_complete";`);
    this.addSql(`alter table "review_assignment" add constraint "review_assignment_submitted_complete" check (status <> 'SUBMITTED' or (submitted_at is not null and recommendation is not null and total is not null));`);
  }
}
