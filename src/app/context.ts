import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { WORKPLACE_COLUMNS } from '../shared/workplaces.js';
import { verifyToken, type Role, type Viewer } from '../shared/auth.js';
import type { Context } from '../shared/context.js';
import { Loaders } from '../shared/loaders.js';
import { isUuid } from '../shared/node-id.js';
import { readRows, sqlArray } from '../shared/read.js';
import type { Config } from './config.js';
import type { ReadViewer, ViewerCache } from './viewer-cache.js';

/** How a server finds a token's viewer: its secret, and the viewers it keeps (none on embedded PostgreSQL). */
export interface ViewerSource {
  secret: string;
  cache: ViewerCache | null;
  /** Resolves once the instance has heard of every change to viewers committed so far (see Context.afterCommit). */
  heard?: () => Promise<void>;
}

/**
 * Builds the request context (shared/context.ts) for one HTTP request or WebSocket operation. An HTTP
 * request's reads stop at REQUEST_TIMEOUT_MS from now (`deadline`, see Loaders).
 */
export async function createContext(
  orm: MikroORM,
  config: Config,
  viewers: ViewerSource,
  token: string | null,
  clientAddress: string | null,
  { deadline = false } = {},
): Promise<Context> {
  const em = orm.em.fork();
  const timeoutMs = config.limits.timeoutMs;
  const viewer = token ? await viewerFromToken(em, viewers, token) : null;
  return {
    em,
    viewer,
    tokenRejected: !!token && !viewer,
    loaders: new Loaders(em, deadline ? { at: Date.now() + timeoutMs, timeoutMs } : undefined),
    auth: { secret: config.tokenSecret, ttlSeconds: config.tokenTtlSeconds, throttle: config.throttle },
    clientAddress,
    now: new Date(),
    afterCommit: viewers.heard,
  };
}

/**
 * The person behind a token, if its session is open and the person active: one indexed lookup, or
 * none when the instance keeps the session's viewer (ViewerCache, which forgets it as soon as the
 * database announces a change to it). A change by an admin applies to the next request.
 */
export async function viewerFromToken(em: EntityManager, { secret, cache }: ViewerSource, token: string): Promise<Viewer | null> {
  const claims = verifyToken(secret, token);
  if (!claims || !isUuid(claims.sub) || !isUuid(claims.sid)) return null;
  const read = async () => (await readViewers(em, [claims.sid]))[0] ?? null;
  const viewer = cache ? await cache.viewerOf(claims.sid, read) : (await read())?.viewer;
  return viewer?.id === claims.sub ? viewer : null;
}

/** The viewers of the sessions still open among `sessionIds` (open, unexpired, person active), in one statement. */
export async function readViewers(em: EntityManager, sessionIds: string[]): Promise<ReadViewer[]> {
  if (!sessionIds.length) return [];
  const rows = await readRows<{ id: string; roles: Role[]; organization_id: string | null; session_id: string; expires_at: Date; park_ids: string[]; district_ids: string[] }>(
    em,
    `select p.id, p.roles, p.organization_id, s.id as session_id, s.expires_at, ${WORKPLACE_COLUMNS}
       from auth_session s join person p on p.id = s.person_id
      where s.id = any(?::uuid[]) and s.revoked_at is null and s.expires_at > now() and p.deactivated_at is null`,
    [sqlArray(sessionIds)],
  );
  return rows.map((row) => ({
    viewer: {
      id: row.id,
      roles: [...row.roles],
      organizationId: row.organization_id,
      sessionId: row.session_id,
      parkIds: [...row.park_ids].sort(),
      districtIds: [...row.district_ids].sort(),
    },
    expiresAt: new Date(row.expires_at),
  }));
}
