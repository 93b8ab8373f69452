import { Migration } from '@mikro-orm/migrations';

/** Tables whose rows belong to a project, and the history trigger (if any) that guards them. */
const OF_PROJECT = [
  { table: 'proposal_revision', history: 'proposal_revision_history' },
  { table: 'lifecycle_event', history: 'lifecycle_event_history' },
  { table: 'coaching_session', history: null },
  { table: 'action_item', history: null },
  { table: 'project_mentor', history: null },
  { table: 'review_assignment', history: 'review_assignment_history' },
  { table: 'decision', history: 'decision_history' },
  { table: 'supervision_visit', history: 'supervision_visit_history' },
  { table: 'follow_up', history: null },
  { table: 'service_report', history: 'service_report_history' },
] as const;

/** Other district-owned tables: the parent their district comes from. */
const OF_PARENT = [
  { table: 'decision_condition', parent: 'decision', column: 'decision_id', history: 'decision_condition_history' },
  { table: 'review_round', parent: 'program', column: 'program_id', history: null },
  { table: 'organization_move', parent: 'organization', column: 'organization_id', history: null },
  { table: 'park_member', parent: 'park', column: 'park_id', history: null },
  { table: 'park_street', parent: 'park', column: 'park_id', history: null },
] as const;

/**
 * Every table whose rows belong to a district carries its district (`district_id`), so the data can
 * be distributed by district (e.g. Citus, distribution column `district_id`) without a redesign.
 * The key is copied from the row's parent by a trigger on insert, so no code has to remember it;
 * existing rows are filled in here. A project without a district (a platform-wide programme) takes
 * its organisation's.
 */
export class Migration20261130145000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "project" j set "district_id" = o."district_id" from "organization" o where j."district_id" is null and o."id" = j."organization_id";`);
    this.addSql(`create function "district_from_project"() returns trigger language plpgsql as $$
      begin
        if new.district_id is null then select district_id into new.district_id from project where id = new.project_id; end if;
        return new;
      end $$;`);
    // tg_argv: the parent table and the column naming the parent row.
    this.addSql(`create function "district_from_parent"() returns trigger language plpgsql as $$
      begin
        if new.district_id is null then
          execute format('select district_id from %I where id = $1', tg_argv[0]) into new.district_id using (to_jsonb(new) ->> tg_argv[1])::uuid;
        end if;
        return new;
      end $$;`);
    for (const { table, history } of OF_PROJECT) {
      this.addColumn(table);
      if (history) this.addSql(`alter table "${table}" disable trigger "${history}";`);
      this.addSql(`update "${table}" t set "district_id" = p."district_id" from "project" p where p."id" = t."project_id";`);
      if (history) this.addSql(`alter table "${table}" enable trigger "${history}";`);
      this.addSql(`create trigger "${table}_district" before insert on "${table}" for each row execute function "district_from_project"();`);
    }
    for (const { table, parent, column, history } of OF_PARENT) {
      this.addColumn(table);
      if (history) this.addSql(`alter table "${table}" disable trigger "${history}";`);
      this.addSql(`update "${table}" t set "district_id" = p."district_id" from "${parent}" p where p."id" = t."${column}";`);
      if (history) this.addSql(`alter table "${table}" enable trigger "${history}";`);
      this.addSql(`create trigger "${table}_district" before insert on "${table}" for each row execute function "district_from_parent"('${parent}', '${column}');`);
    }
  }

  private addColumn(table: string) {
    this.addSql(`alter table "${table}" add column "district_id" uuid null;`);
    this.addSql(`alter table "${table}" add constraint "${table}_district_id_foreign" foreign key ("district_id") references "place" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "${table}_district_id_index" on "${table}" ("district_id");`);
  }

  override async down(): Promise<void> {
    for (const { table } of [...OF_PROJECT, ...OF_PARENT]) {
      this.addSql(`drop trigger "${table}_district" on "${table}";`);
      this.addSql(`alter table "${table}" drop column "district_id";`);
    }
    this.addSql(`drop function "district_from_parent"();`);
    this.addSql(`drop function "district_from_project"();`);
  }
}
