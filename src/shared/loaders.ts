import { wrap, type EntityManager, type EntityName } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders. `byId(Entity)` batches every lookup of that entity made in one tick into
 * a single `where id in (…)`; modules add keyed loaders of their own with `keyed(name, batch)`.
 */
export class Loaders {
  private readonly cache = new Map<unknown, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  byId<T extends { id: string }>(entity: EntityName<T>): DataLoader<string, T | null> {
    return this.get(entity, async (ids) => {
      // Entities this unit of work already holds (e.g. mapped from a row read once for many subscribers) cost nothing.
      const className = this.em.getMetadata().get(entity).className;
      const held = new Map(
        ids.map((id) => {
          const known = this.em.getUnitOfWork().getById<T>(className, id as never);
          // A reference (an unloaded relation) sits in the identity map too: only loaded entities count.
          return [id, known && wrap(known).isInitialized() ? known : undefined];
        }),
      );
      const missing = ids.filter((id) => !held.get(id));
      const found = missing.length ? await this.em.find(entity, { id: { $in: missing } } as never) : [];
      const byId = new Map(found.map((row) => [row.id, row]));
      return ids.map((id) => held.get(id) ?? byId.get(id) ?? null);
    });
  }

  /** A loader for one kind of keyed lookup, created once per request under `key`. */
  keyed<V>(key: string, batch: (keys: readonly string[], em: EntityManager) => Promise<V[]>): DataLoader<string, V> {
    return this.get(key, (keys) => batch(keys, this.em));
  }

  private get<V>(key: unknown, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.cache.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      this.cache.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

/** A batch loader's answer: the items of each key, in the order of the keys (empty where none). */
export function groupByKey<T>(keys: readonly string[], items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map(keys.map((key): [string, T[]] => [key, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return keys.map((key) => groups.get(key)!);
}
