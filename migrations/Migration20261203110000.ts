import { Migration } from '@mikro-orm/migrations';

/**
 * A round's kind by its key, from the index alone: the review progress of a page of projects reads
 * the kind of each assignment's round (review-progress.ts), which PostgreSQL otherwise found by
 * scanning every round, or hashing them all, once per project.
 */
export class Migration20261203110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "review_round_id_kind_index" on "review_round" ("id") include ("kind");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "review_round_id_kind_index";`);
  }
}
