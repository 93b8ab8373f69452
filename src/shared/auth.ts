import { createHmac, timingSafeEqual } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { forbidden, unauthenticated } from './errors.js';
import { sqlArray } from './read.js';
import { RecentlyUsed } from './recently-used.js';

export enum Role {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  MENTOR = 'MENTOR',
  EVALUATOR = 'EVALUATOR',
  APPLICANT = 'APPLICANT',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a person may do on the platform; a person has one or more roles.',
  valuesConfig: {
    ADMIN: { description: 'Platform administrator: everything, including programmes, rubrics and people.' },
    STAFF: { description: 'Incubator staff and project officers: coach, screen, decide, supervise, close.' },
    MENTOR: { description: 'Mentor or supervisor: sees and coaches the projects they are assigned to.' },
    EVALUATOR: { description: 'Expert reviewer: sees only the projects assigned to them.' },
    APPLICANT: { description: 'Member of an applicant organisation: drafts and revises its proposals.' },
  },
});

/** Who is asking: the authenticated person, as known when the request began. */
/** A request's viewer: shared by every request of its session on an instance (app/viewer-cache.ts), so never changed. */
export interface Viewer {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly organizationId: string | null;
  /** The sign-in session the token names: logout ends it. */
  readonly sessionId: string;
  /**
   * The parks the person works for: their own, and every park of the districts they work for.
   * Staff see these parks' organisations and projects; mentors are assigned within them.
   */
  readonly parkIds: readonly string[];
  /** The districts the person works for: staff oversee them, evaluators are in their expert pool. */
  readonly districtIds: readonly string[];
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return !!viewer && viewer.roles.some((role) => roles.includes(role));
}

export const isStaff = (viewer: Viewer | null) => hasRole(viewer, Role.ADMIN, Role.STAFF);

/**
 * The viewer in some of their roles only, for what belongs to those roles (an attention view is one
 * role's duty, statistics count what one sees as staff or mentor): the ordinary permission rules
 * then give what those roles see.
 */
export const inRoles = (viewer: Viewer, ...roles: Role[]): Viewer => ({ ...viewer, roles: viewer.roles.filter((role) => roles.includes(role)) });

/** Where something belongs in the hierarchy: its park (if a park has it) and its district. */
export interface Scope {
  parkId: string | null;
  districtId: string | null;
}

/**
 * Whether the viewer's staff work covers something of this park and district: administrators
 * everything; staff their parks (a district's staff: every park under it) and their districts.
 */
export function staffCovers(viewer: Viewer | null, { parkId, districtId }: Scope): boolean {
  if (hasRole(viewer, Role.ADMIN)) return true;
  if (!hasRole(viewer, Role.STAFF)) return false;
  return (parkId !== null && viewer!.parkIds.includes(parkId)) || (districtId !== null && viewer!.districtIds.includes(districtId));
}

/**
 * The viewer's parks and districts as SQL arrays that are never empty (`in (?)` with an empty array
 * is invalid; null matches nothing), for the SQL form of staffCovers.
 */
export const workplaceArrays = (viewer: Viewer): [readonly (string | null)[], readonly (string | null)[]] => [
  viewer.parkIds.length ? viewer.parkIds : [null],
  viewer.districtIds.length ? viewer.districtIds : [null],
];

/** staffCovers in SQL, over a row's `park_id` and `district_id`: its parameters are workplaceArrays. */
export const STAFF_COVERS_SQL = '(park_id in (?) or district_id in (?))';

/**
 * staffCovers in SQL over the row `alias` (its `park_id` and `district_id`), for a statement that
 * goes with its parameters apart (readRows): the workplaces as array parameters, one text for any
 * number of them.
 */
export function staffCoversSql(viewer: Viewer | null, alias: string): { text: string; params: unknown[] } {
  if (hasRole(viewer, Role.ADMIN)) return { text: 'true', params: [] };
  if (!hasRole(viewer, Role.STAFF)) return { text: 'false', params: [] };
  const covered = [
    ...(viewer!.parkIds.length ? [{ text: `${alias}.park_id = any(?::uuid[])`, params: [sqlArray(viewer!.parkIds)] }] : []),
    ...(viewer!.districtIds.length ? [{ text: `${alias}.district_id = any(?::uuid[])`, params: [sqlArray(viewer!.districtIds)] }] : []),
  ];
  if (!covered.length) return { text: 'false', params: [] };
  return { text: `(${covered.map((part) => part.text).join(' or ')})`, params: covered.flatMap((part) => part.params) };
}

/** Whether the viewer oversees a whole district (its staff, or an administrator). */
export const oversees = (viewer: Viewer | null, districtId: string | null) =>
  hasRole(viewer, Role.ADMIN) || (hasRole(viewer, Role.STAFF) && districtId !== null && viewer!.districtIds.includes(districtId));

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requireRole(viewer: Viewer | null, what: string, ...roles: Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!hasRole(v, ...roles)) throw forbidden(what);
  return v;
}

/**
 * Bearer tokens: base64url(JSON claims) + "." + base64url(HMAC-SHA256). Only the person's ID, the
 * session's ID and the expiry are signed; the session and the roles are read afresh from the
 * database on every request (one indexed lookup), so a revoked session or a changed role takes
 * effect at once.
 */
export interface TokenClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
}

export function signToken(secret: string, personId: string, sessionId: string, ttlSeconds: number, now = Date.now()): { token: string; expiresAt: Date } {
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = { sub: personId, sid: sessionId, iat, exp: iat + ttlSeconds };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${body}.${sign(secret, body)}`, expiresAt: new Date(claims.exp * 1000) };
}

export function verifyToken(secret: string, token: string, now = Date.now()): TokenClaims | null {
  const key = `${secret}.${token}`;
  let claims = signedTokens.find(key);
  if (!claims) {
    claims = signedClaims(secret, token) ?? undefined;
    // Only a token that was signed here is kept: a client sends the same one with every request.
    if (claims) signedTokens.keep(key, claims);
  }
  return claims && claims.exp * 1000 > now ? claims : null;
}

/** Tokens whose signature checked out, with their claims (their expiry is checked on each use). */
const signedTokens = new RecentlyUsed<string, TokenClaims>(10_000);

/** The claims of a token signed with `secret`, or null. */
function signedClaims(secret: string, token: string): TokenClaims | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return null;
    return Object.freeze(claims);
  } catch {
    return null;
  }
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** The token from an `Authorization: Bearer …` header or a `connectionParams.authorization` value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

/** How sign-in attempts are throttled (read from the environment by app/config.ts). */
export interface LoginThrottleSettings {
  /** Failed sign-ins an account is allowed before each further attempt waits (doubling from `baseDelaySeconds`). */
  accountAttempts: number;
  /** Sign-in attempts one client address may make per window. */
  addressAttempts: number;
  windowSeconds: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}
