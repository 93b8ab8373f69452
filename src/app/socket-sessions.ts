import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../shared/auth.js';
import { readViewers } from './context.js';

/** Close codes of this server's WebSockets (graphql-ws leaves 4000–4999 to applications; see the README). */
export const CloseCodes = {
  /**
   * No token or a bad one when connecting, or the session ended (expired, logged out, revoked,
   * password changed, person deactivated or deleted): sign in again. graphql-ws does not retry it.
   */
  SESSION_ENDED: 4401,
  /** The person's roles, organisation, parks or districts changed: reconnect to continue with the new rights. */
  RIGHTS_CHANGED: 4010,
  /** The person already has WS_MAX_CONNECTIONS_PER_PERSON connections on this instance. */
  TOO_MANY_CONNECTIONS: 4429,
} as const;

interface OpenSocket {
  viewer: Viewer;
  close(code: number, reason: string): void;
}

/** Sessions checked per statement (PostgreSQL takes at most 65,535 parameters). */
const CHECK_BATCH = 5_000;

const rightsOf = (viewer: Viewer) => `${[...viewer.roles].sort().join(',')}|${viewer.organizationId ?? ''}|${viewer.parkIds.join(',')}|${viewer.districtIds.join(',')}`;

/**
 * The open WebSockets of one instance, by person. They are checked against the database in one
 * statement when PostgreSQL announces a change to one of their people (`changed`), and every
 * `checkMs` in case an announcement was missed, so that a logout, a revoked session, a deactivation,
 * a deleted person or a changed role on any instance closes the sockets concerned.
 */
export class SocketSessions {
  private readonly sockets = new Map<string, Set<OpenSocket>>();
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private recheck = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly maxPerPerson: number,
    private readonly checkMs: number,
    private readonly log: (message: string) => void = console.error,
  ) {}

  /** Registers a socket, or returns false when its person has too many already. */
  add(viewer: Viewer, close: OpenSocket['close']): (() => void) | null {
    const open = this.sockets.get(viewer.id) ?? new Set();
    if (open.size >= this.maxPerPerson) return null;
    const socket = { viewer, close };
    open.add(socket);
    this.sockets.set(viewer.id, open);
    this.timer ??= setInterval(() => void this.check(), this.checkMs).unref();
    return () => {
      open.delete(socket);
      if (!open.size) this.sockets.delete(viewer.id);
      if (!this.sockets.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** Closes every socket whose session ended or whose rights changed since it connected. */
  check(): Promise<void> {
    this.checking ??= this.sweep().finally(() => {
      this.checking = null;
      // A change announced during the sweep may have been committed after its read.
      if (this.recheck) {
        this.recheck = false;
        void this.check();
      }
    });
    return this.checking;
  }

  /**
   * A `viewer_changes` notification (see app/viewer-cache.ts), naming people or `*`: when it concerns
   * someone with an open socket, the sockets are checked at once rather than at the next interval.
   */
  changed(payload: string): void {
    if (!this.sockets.size || (payload !== '*' && !payload.split(',').some((id) => this.sockets.has(id)))) return;
    if (this.checking) this.recheck = true;
    else void this.check();
  }

  private async sweep(): Promise<void> {
    const all = [...this.sockets.values()].flatMap((set) => [...set]);
    if (!all.length) return;
    try {
      const ids = [...new Set(all.map((s) => s.viewer.sessionId))];
      const current = new Map<string, Viewer>();
      for (let i = 0; i < ids.length; i += CHECK_BATCH) {
        for (const { viewer } of await readViewers(this.orm.em.fork(), ids.slice(i, i + CHECK_BATCH))) current.set(viewer.sessionId, viewer);
      }
      for (const socket of all) {
        const now = current.get(socket.viewer.sessionId);
        if (!now) socket.close(CloseCodes.SESSION_ENDED, 'Session ended: sign in again');
        else if (rightsOf(now) !== rightsOf(socket.viewer)) socket.close(CloseCodes.RIGHTS_CHANGED, 'Your rights changed: reconnect');
      }
    } catch (error) {
      this.log(`session check failed: ${(error as Error).message}`);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
