/**
 * A bounded cache of computed values: `get` computes a missing value once and keeps the `limit` most
 * recently used (a Map iterates in insertion order, so the first key is the least recently used).
 */
export class RecentlyUsed<K, V> {
  private readonly values = new Map<K, V>();

  /** `compute`: how a missing value is made, unless `get` is told. */
  constructor(private readonly limit: number, private readonly compute?: (key: K) => V) {}

  /** The value of `key`, computed by `compute` (by default the cache's own) when missing. */
  get(key: K, compute = this.compute): V {
    const known = this.values.has(key);
    if (!known && !compute) throw new Error('RecentlyUsed.get: no way to compute a missing value');
    const value = known ? this.values.get(key)! : compute!(key);
    this.keep(key, value);
    return value;
  }

  /** The value kept for `key`, if any (counted as a use). */
  find(key: K): V | undefined {
    const value = this.values.get(key);
    if (value !== undefined) {
      this.values.delete(key);
      this.values.set(key, value);
    }
    return value;
  }

  /** Keeps `value` for `key`, dropping the least recently used beyond the limit: returns the key dropped, if any. */
  keep(key: K, value: V): K | undefined {
    let dropped: K | undefined;
    if (!this.values.delete(key) && this.values.size >= this.limit) {
      dropped = this.values.keys().next().value as K;
      this.values.delete(dropped);
    }
    this.values.set(key, value);
    return dropped;
  }

  get size(): number {
    return this.values.size;
  }
}
