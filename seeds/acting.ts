import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../src/app/config.js';
import type { Context } from '../src/shared/context.js';
import type { Viewer } from '../src/shared/auth.js';
import { Loaders } from '../src/shared/loaders.js';
import { UserErrors } from '../src/shared/user-errors.js';

/** A service function as the GraphQL mutations call it: the request context first, then the input. */
export type Service<I, R> = (ctx: Context, input: I) => Promise<R>;

/** Tokens are never issued while seeding; the context needs the settings all the same. */
/** The demo signs nobody in; the throttle's settings are the configuration's defaults, not a copy of them. */
const SEED_AUTH = { secret: 'seed', ttlSeconds: 1, throttle: loadConfig({}).throttle };
/** The demo acts through the services, not through signed-in sessions: its viewers name none. */
export const SEED_SESSION = '00000000-0000-0000-0000-000000000000';

/**
 * Acts on the demo database as a given person at a given moment, through the same service functions
 * the GraphQL mutations call, so every rule, event and derived figure is what the API would produce.
 *
 * Each call gets a fresh EntityManager and request context (new loaders, nothing cached from earlier
 * calls), stamped with the story's `now` (services stamp events, revisions and submissions with
 * `ctx.now`, and a programme accepts applications only while `now` is inside its window), and its
 * changes are flushed when it returns. The whole seed is one transaction (see `fork`), so a call needs
 * no savepoint of its own: a refusal stops the seed and rolls everything back. A UserErrors means the
 * demo data broke a rule: it is turned into an error that names the call, the moment and every
 * message.
 */
export class Acting {
  /** How many service calls have run, for the seeder's summary. */
  calls = 0;

  /**
   * `shared`: entities the seeder wrote directly and the story never changes (programmes,
   * organisations), which every call starts out knowing, so services find them without a query.
   */
  constructor(private readonly root: EntityManager, private readonly shared: readonly object[] = []) {}

  /**
   * A fresh EntityManager for one call. When the root is inside a transaction (the seeder runs the
   * whole story in one, so that a broken rule leaves nothing behind), the fork joins it: row locks a
   * service takes, and the advisory lock that orders events, are then held by that transaction.
   * Besides the shared entities, everything a call loads or writes stays in its own fork.
   */
  fork(): EntityManager {
    const em = this.root.fork({ keepTransactionContext: true });
    for (const entity of this.shared) em.getUnitOfWork().register(entity);
    return em;
  }

  /** A context for `viewer` at `now` on `em`: what `createContext` builds for a signed-in request. */
  context(viewer: Viewer | null, now: Date, em: EntityManager = this.fork()): Context {
    return { em, viewer, loaders: new Loaders(em), auth: SEED_AUTH, clientAddress: null, now };
  }

  async as<I, R>(viewer: Viewer, now: Date, service: Service<I, R>, input: I): Promise<R> {
    this.calls += 1;
    const em = this.fork();
    try {
      const result = await service(this.context(viewer, now, em), input);
      await em.flush();
      return result;
    } catch (error) {
      if (error instanceof UserErrors) {
        const messages = error.errors.map((e) => `  - ${e.code}${e.field ? ` at ${e.field.join('.')}` : ''}: ${e.message}`).join('\n');
        throw new Error(`Demo data broke a rule: ${service.name} at ${now.toISOString()} refused\n  input: ${describe(input)}\n${messages}`);
      }
      throw error;
    }
  }

  /** Reads as `viewer` at `now` (no transaction): for checks of what the API shows. */
  read<R>(viewer: Viewer, now: Date, query: (ctx: Context) => Promise<R>): Promise<R> {
    return query(this.context(viewer, now));
  }
}

function describe(input: unknown): string {
  const text = JSON.stringify(input);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
