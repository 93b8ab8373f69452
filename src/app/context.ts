import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { verifyToken, type Role, type Viewer } from '../shared/auth.js';
import { Loaders } from '../shared/loaders.js';
import { isUuid } from '../shared/node-id.js';
import { Person } from '../modules/people/person.entity.js';
import type { EventDispatcher } from '../modules/subscriptions/event-dispatcher.js';
import type { Config } from './config.js';

/** What a WebSocket operation needs to stream events: the instance's dispatcher and its own socket. */
export type LiveConnection = {
  orm: MikroORM;
  dispatcher: EventDispatcher;
  bufferedBytes: () => number;
  close: (code: number, reason: string) => void;
  limits: { replay: number; queue: number };
};

/**
 * One per request (or WebSocket operation): nothing in it is shared with another request. A
 * subscription renews `em`, `loaders` and `now` for every event it sends (see `renewForEvent`).
 */
export type Context = {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  auth: { secret: string; ttlSeconds: number };
  now: Date;
  live?: LiveConnection;
};

/** A fresh unit of work for the next event of a subscription: no entity or cached load carries over. */
export function renewForEvent(ctx: Context): Context {
  const em = ctx.em.fork();
  return Object.assign(ctx, { em, loaders: new Loaders(em), now: new Date() });
}

export async function createContext(orm: MikroORM, config: Config, token: string | null): Promise<Context> {
  const em = orm.em.fork();
  return {
    em,
    viewer: token ? await viewerFromToken(em, config.tokenSecret, token) : null,
    loaders: new Loaders(em),
    auth: { secret: config.tokenSecret, ttlSeconds: config.tokenTtlSeconds },
    now: new Date(),
  };
}

/** Roles and membership are read afresh, so a change by an admin applies to the next request. */
export async function viewerFromToken(em: EntityManager, secret: string, token: string): Promise<Viewer | null> {
  const claims = verifyToken(secret, token);
  if (!claims || !isUuid(claims.sub)) return null;
  const person = await em.findOne(Person, { id: claims.sub });
  if (!person) return null;
  return { id: person.id, roles: [...person.roles] as Role[], organizationId: person.organization?.id ?? null };
}
