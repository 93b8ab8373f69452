import { Migration } from '@mikro-orm/migrations';

/** Each table whose rows are history, which of its rows are final, and why. */
const HISTORY = [
  { table: 'lifecycle_event', final: null, reason: 'the audit trail is append-only' },
  { table: 'proposal_revision', final: null, reason: 'proposal revisions are immutable: save a new revision instead' },
  { table: 'decision', final: null, reason: 'a recorded decision is final' },
  { table: 'supervision_visit', final: null, reason: 'a logged visit is on record' },
  { table: 'review_assignment', final: `old.status <> 'ASSIGNED'`, reason: 'a submitted scorecard, or a declared conflict, is final' },
  { table: 'service_report', final: `old.status = 'ACCEPTED'`, reason: 'an accepted report is final' },
] as const;

/**
 * History is append-only in the database itself, whoever connects: the audit trail, revisions,
 * decisions and visits refuse UPDATE, DELETE and TRUNCATE; scorecards and reports once final. A
 * decision's condition is met once, and its terms never change. People with history cannot be
 * deleted either: every reference to them is `on delete restrict`.
 */
export class Migration20261130100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "refuse_history_change"() returns trigger language plpgsql as $$
      begin
        raise exception '% on %: %', tg_op, tg_table_name, tg_argv[0] using errcode = 'P0001';
      end $$;`);
    this.addSql(`drop trigger "proposal_revision_immutable" on "proposal_revision";`);
    this.addSql(`drop function "proposal_revision_immutable"();`);
    for (const { table, final, reason } of HISTORY) {
      this.addSql(`create trigger "${table}_history" before update or delete on "${table}"
        for each row ${final ? `when (${final}) ` : ''}execute function "refuse_history_change"('${reason}');`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}"
        for each statement execute function "refuse_history_change"('${reason}');`);
    }
    const condition = 'the conditions of a decision are met once and never rewritten';
    this.addSql(`create trigger "decision_condition_history" before update on "decision_condition" for each row
      when (old.met_at is not null or (new.decision_id, new.position, new.text) is distinct from (old.decision_id, old.position, old.text))
      execute function "refuse_history_change"('${condition}');`);
    this.addSql(`create trigger "decision_condition_no_delete" before delete on "decision_condition"
      for each row execute function "refuse_history_change"('${condition}');`);
    this.addSql(`create trigger "decision_condition_no_truncate" before truncate on "decision_condition"
      for each statement execute function "refuse_history_change"('${condition}');`);
  }

  override async down(): Promise<void> {
    for (const table of [...HISTORY.map((h) => h.table), 'decision_condition']) {
      this.addSql(`drop trigger if exists "${table}_history" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`);
    }
    this.addSql(`drop trigger if exists "decision_condition_no_delete" on "decision_condition";`);
    this.addSql(`drop function if exists "refuse_history_change"();`);
    this.addSql(`create function "proposal_revision_immutable"() returns trigger language plpgsql as $$
      begin
        raise exception 'proposal revisions are immutable: save a new revision instead' using errcode = 'P0001';
      end $$;`);
    this.addSql(`create trigger "proposal_revision_immutable" before update or delete on "proposal_revision"
      for each row execute function "proposal_revision_immutable"();`);
  }
}
