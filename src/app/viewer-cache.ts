import type { Viewer } from '../shared/auth.js';

/** A viewer as read from the database, with its session's expiry. */
export interface ReadViewer {
  viewer: Viewer;
  expiresAt: Date;
}

interface Kept {
  viewer: Viewer;
  /** When the session expires (ms since the epoch). */
  expiresAt: number;
  /** When it was read (ms since the epoch). */
  readAt: number;
}

/**
 * The viewers of sessions this instance has read, so that a request with a known token takes no
 * statement to find its viewer. What may change a viewer (a session ended, roles, organisation,
 * deactivation or workplaces changed, a park added or moved) is announced by PostgreSQL at commit, on
 * `viewer_changes` (see migration 20261203100000), to every instance's listener, which forgets the
 * people named (`changed`). Viewers are kept only while the listener listens: when it drops, all are
 * forgotten and each request reads its viewer until it listens again. A viewer read while a change
 * was announced is not kept, since the read may predate the change. No viewer is kept longer than
 * `maxAgeMs`, and none past its session's expiry. Embedded PostgreSQL has no listener, so nothing is
 * kept there. A kept viewer is shared by its session's requests: the Viewer type is read-only. It is
 * not frozen, since V8 reads frozen objects and arrays on slower paths (the mentor dashboard ran a
 * fifth more instructions with the permission checks reading a frozen viewer).
 */
export class ViewerCache {
  private readonly kept = new Map<string, Kept>();
  /** Counts announcements (and losses of the listener): a read that saw it change is not kept. */
  private generation = 0;
  private listening = false;

  constructor(
    private readonly limit = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  /**
   * The viewer of `sessionId`: the one kept, if still valid, or the one `read` returns (null when the
   * session is not open), kept for the next request.
   */
  async viewerOf(sessionId: string, read: () => Promise<ReadViewer | null>, now = Date.now()): Promise<Viewer | null> {
    const kept = this.kept.get(sessionId);
    if (kept) {
      if (kept.expiresAt > now && now - kept.readAt < this.maxAgeMs) return kept.viewer;
      this.kept.delete(sessionId);
    }
    const generation = this.generation;
    const found = await read();
    if (found && this.listening && generation === this.generation) this.keep(sessionId, found, now);
    return found?.viewer ?? null;
  }

  /** A `viewer_changes` notification: the people it names (comma-separated), or `*` for everyone. */
  changed(payload: string): void {
    this.generation++;
    if (payload === '*' || !payload) {
      this.kept.clear();
      return;
    }
    const people = new Set(payload.split(','));
    for (const [sessionId, { viewer }] of this.kept) if (people.has(viewer.id)) this.kept.delete(sessionId);
  }

  /** Whether the listener listens: when it does not, nothing is kept, since changes would go unheard. */
  setListening(listening: boolean): void {
    this.generation++;
    this.listening = listening;
    this.kept.clear();
  }

  get size(): number {
    return this.kept.size;
  }

  private keep(sessionId: string, { viewer, expiresAt }: ReadViewer, now: number): void {
    // A Map iterates in insertion order: the first key is the one read longest ago.
    if (this.kept.size >= this.limit) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(sessionId, { viewer, expiresAt: expiresAt.getTime(), readAt: now });
  }
}
