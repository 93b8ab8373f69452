import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { LoginThrottleSettings, Viewer } from './auth.js';
import { Loaders } from './loaders.js';

/**
 * What a subscription asks of its server instance's event dispatcher. The subscriber's shape belongs
 * to the subscriptions module, whose `EventDispatcher` implements this; the context only carries it.
 */
export interface LiveEventSource {
  /** Registers a subscriber; the function returned removes it. */
  subscribe(subscriber: unknown): () => void;
}

/** What a WebSocket operation needs to stream events: the instance's dispatcher and its own socket. */
export type LiveConnection = {
  orm: MikroORM;
  dispatcher: LiveEventSource;
  bufferedBytes: () => number;
  close: (code: number, reason: string) => void;
  limits: { replay: number; queue: number };
  /** Takes `events` from the connection's replay budget (WS_MAX_REPLAY); false when it would run out. */
  reserveReplay(events: number): boolean;
};

/**
 * One per request (or WebSocket operation). A subscription renews `em`, `loaders` and `now` for every
 * event it sends (see `renewForEvent`); executions of one event by class share them (their fields
 * read only what every member of every class may be shown). Built by app/context.ts.
 */
export type Context = {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  auth: { secret: string; ttlSeconds: number; throttle: LoginThrottleSettings };
  /** The client's network address (behind TRUST_PROXY proxies: from X-Forwarded-For), for sign-in throttling. */
  clientAddress: string | null;
  /** A token was sent but refused (expired, ended, foreign): errors say so instead of "sign in first". */
  tokenRejected?: boolean;
  now: Date;
  live?: LiveConnection;
  /**
   * Resolves once this instance has heard of every change to viewers committed so far (sessions,
   * roles, workplaces: see app/viewer-cache.ts). runMutation awaits it after committing, so the
   * client's next request already meets the viewer its mutation made: signed out, deactivated,
   * given a park.
   */
  afterCommit?: () => Promise<void>;
};

/** What the execution of a live event reads through: a unit of work of its own, and its loaders. */
export type EventUnit = Pick<Context, 'em' | 'loaders' | 'now'>;

export function eventUnit(em: EntityManager): EventUnit {
  const fork = em.fork();
  return { em: fork, loaders: new Loaders(fork), now: new Date() };
}

/** The unit of work for the next event of a subscription (by default a fresh one): no entity or cached load carries over from the last. */
export function renewForEvent(ctx: Context, unit: EventUnit = eventUnit(ctx.em)): Context {
  return Object.assign(ctx, unit);
}
