import { Migration } from '@mikro-orm/migrations';

/**
 * Tells every server instance whose viewer changed, so that each may keep the viewers it has read
 * (app/viewer-cache.ts): a notification on `viewer_changes` at commit, naming the people whose
 * sessions, roles, organisation, activity or workplaces changed (comma-separated), or `*` for
 * everyone (a park added, moved or removed changes the parks of its district's people; more than
 * 200 people at once; a table emptied).
 */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "notify_viewer_changes"() returns trigger language plpgsql as $$
      declare people text;
      begin
        -- TG_ARGV[0]: the column of the changed rows (the transition table "changed") that holds a person's ID.
        execute format('select case when count(distinct %1$I) > 200 then ''*'' else string_agg(distinct %1$I::text, '','') end from changed', TG_ARGV[0]) into people;
        if people is not null then perform pg_notify('viewer_changes', people); end if;
        return null;
      end $$;`);
    this.addSql(`create function "notify_every_viewer_changed"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('viewer_changes', '*');
        return null;
      end $$;`);
    for (const [table, column, newRows] of TABLES) {
      this.addSql(`create trigger "${table}_viewer_updated" after update on "${table}" referencing old table as changed for each statement execute function "notify_viewer_changes"('${column}');`);
      if (newRows) {
        this.addSql(`create trigger "${table}_viewer_inserted" after insert on "${table}" referencing new table as changed for each statement execute function "notify_viewer_changes"('${column}');`);
        this.addSql(`create trigger "${table}_viewer_moved" after update on "${table}" referencing new table as changed for each statement execute function "notify_viewer_changes"('${column}');`);
      }
      this.addSql(`create trigger "${table}_viewer_deleted" after delete on "${table}" referencing old table as changed for each statement execute function "notify_viewer_changes"('${column}');`);
      this.addSql(`create trigger "${table}_viewers_emptied" after truncate on "${table}" for each statement execute function "notify_every_viewer_changed"();`);
    }
    this.addSql(`create trigger "park_viewers_changed" after insert or delete or update of "district_id" or truncate on "park" for each statement execute function "notify_every_viewer_changed"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "park_viewers_changed" on "park";`);
    for (const [table] of TABLES) {
      for (const trigger of ['viewer_inserted', 'viewer_updated', 'viewer_moved', 'viewer_deleted', 'viewers_emptied']) this.addSql(`drop trigger if exists "${table}_${trigger}" on "${table}";`);
    }
    this.addSql(`drop function if exists "notify_every_viewer_changed"();`);
    this.addSql(`drop function if exists "notify_viewer_changes"();`);
  }
}

/**
 * The tables a viewer is read from (app/context.ts, readViewers), the column naming the person, and
 * whether new rows name people whose viewer changes too: a membership added, or moved to another
 * person. A session's or a person's row never moves, and a new one is not yet anyone's viewer.
 */
const TABLES = [
  ['auth_session', 'person_id', false],
  ['person', 'id', false],
  ['park_member', 'person_id', true],
  ['district_member', 'person_id', true],
] as const;
