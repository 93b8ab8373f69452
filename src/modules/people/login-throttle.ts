import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoginThrottleSettings } from '../../shared/auth.js';

/**
 * Sign-in throttling, shared by every instance through PostgreSQL. Each attempt is counted before its
 * password is checked, so aliased or concurrent attempts in one request count one by one. An
 * account gets `accountAttempts` tries; from then on every further try waits, doubling from
 * `baseDelaySeconds` up to `maxDelaySeconds`. A client address gets `addressAttempts` failed tries
 * before the same backoff. A counter is forgotten after `windowSeconds` without attempts; a success
 * clears the account's counter and does not count against the address.
 */
export async function countSignInAttempt(em: EntityManager, settings: LoginThrottleSettings, email: string, address: string | null): Promise<number | null> {
  const keys = [{ key: accountKey(email), limit: settings.accountAttempts }];
  if (address) keys.push({ key: addressKey(address), limit: settings.addressAttempts });
  keys.sort((a, b) => a.key.localeCompare(b.key)); // one lock order, so concurrent attempts never deadlock
  return em.fork().transactional(async (tx) => {
    let wait = 0;
    for (const { key, limit } of keys) {
      await tx.execute('insert into login_throttle (key, attempts, last_attempt_at) values (?, 0, now()) on conflict (key) do nothing', [key]);
      const [row]: { attempts: number; locked_for: number | null; idle: number }[] = await tx.execute(
        `select attempts, extract(epoch from locked_until - now())::float8 as locked_for, extract(epoch from now() - last_attempt_at)::float8 as idle
           from login_throttle where key = ? for update`,
        [key],
      );
      const locked = row.locked_for !== null && row.locked_for > 0;
      if (locked) {
        wait = Math.max(wait, Math.ceil(row.locked_for!));
        await tx.execute('update login_throttle set last_attempt_at = now() where key = ?', [key]);
        continue;
      }
      const attempts = row.idle > settings.windowSeconds ? 1 : row.attempts + 1;
      // This attempt goes ahead; from the limit on, the next one must wait (set now, so concurrent attempts see it).
      const delay = attempts >= limit ? Math.min(settings.maxDelaySeconds, settings.baseDelaySeconds * 2 ** Math.min(attempts - limit, 20)) : null;
      await tx.execute(
        `update login_throttle set attempts = ?, last_attempt_at = now(), locked_until = now() + make_interval(secs => ?::float8) where key = ?`,
        [attempts, delay, key],
      );
    }
    return wait || null;
  });
}

/** After a successful sign-in: the account starts afresh and the address is not charged for it. */
export async function forgetSignInAttempt(em: EntityManager, settings: LoginThrottleSettings, email: string, address: string | null): Promise<void> {
  await em.execute('delete from login_throttle where key = ?', [accountKey(email)]);
  if (address) {
    await em.execute(
      `update login_throttle set attempts = greatest(attempts - 1, 0), locked_until = case when attempts - 1 < ? then null else locked_until end where key = ?`,
      [settings.addressAttempts, addressKey(address)],
    );
  }
}

const accountKey = (email: string) => `account:${email.slice(0, 254)}`;
const addressKey = (address: string) => `address:${address.slice(0, 64)}`;

/** Ended sessions are kept this long (for support questions), then deleted. */
const ENDED_SESSIONS_KEPT = '30 days';

/**
 * Forgets counters idle past the window and sessions long ended, so that neither table grows with
 * every address or email an attacker tries. Cheap, and called now and then from sign-in.
 */
export async function forgetStaleSignIns(em: EntityManager, settings: LoginThrottleSettings): Promise<void> {
  await em.execute(
    `delete from login_throttle where last_attempt_at < now() - make_interval(secs => ?) and (locked_until is null or locked_until < now())`,
    [settings.windowSeconds],
  );
  await em.execute(`delete from auth_session where expires_at < now() - interval '${ENDED_SESSIONS_KEPT}' or revoked_at < now() - interval '${ENDED_SESSIONS_KEPT}'`);
}
