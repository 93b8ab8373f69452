import { Migration } from '@mikro-orm/migrations';

/**
 * Wakes every server instance listening on `lifecycle_events` when events are committed. NOTIFY
 * from a trigger is delivered only if the transaction commits, so a rolled-back write wakes no one.
 * The payload is only the highest new position; listeners read the events themselves.
 */
export class Migration20261123020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "notify_lifecycle_events"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('lifecycle_events', (select max("position")::text from inserted));
        return null;
      end $$;`);
    this.addSql(`create trigger "notify_lifecycle_events" after insert on "lifecycle_event"
      referencing new table as inserted for each statement execute function "notify_lifecycle_events"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "notify_lifecycle_events" on "lifecycle_event";`);
    this.addSql(`drop function if exists "notify_lifecycle_events"();`);
  }
}
