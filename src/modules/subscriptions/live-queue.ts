/**
 * A subscription's outbox: events pushed by the dispatcher wait here until GraphQL has sent the
 * previous one. Pushing never blocks; `overflowed` says the subscriber has fallen too far behind.
 */
export class LiveQueue<T extends { position: number }> implements AsyncIterableIterator<T> {
  private items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private done = false;
  private lastPosition = 0;

  constructor(private readonly onEnd: () => void) {}

  private replayedUpTo = 0;

  /** Live events waiting; a replay's catch-up does not count against the subscriber. */
  get backlog(): number {
    return this.items.reduce((count, item) => count + (item.position > this.replayedUpTo ? 1 : 0), 0);
  }

  push(item: T): void {
    if (this.done) return;
    if (this.waiting && !this.items.length) {
      if (item.position <= this.lastPosition) return;
      this.lastPosition = item.position;
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    this.items.push(item);
  }

  /** Puts replayed events first; duplicates of live ones are skipped when they are taken. */
  prepend(items: T[]): void {
    this.items = [...items, ...this.items].sort((a, b) => a.position - b.position);
    this.replayedUpTo = Math.max(this.replayedUpTo, items.at(-1)?.position ?? 0);
  }

  /** Events with positions at or below this were already delivered (the resume cursor). */
  startAfter(position: number): void {
    this.lastPosition = position;
  }

  next(): Promise<IteratorResult<T>> {
    while (this.items.length) {
      const item = this.items.shift()!;
      if (item.position <= this.lastPosition) continue;
      this.lastPosition = item.position;
      return Promise.resolve({ value: item, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.items = [];
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onEnd();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
