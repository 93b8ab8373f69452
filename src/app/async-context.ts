import { AsyncLocalStorage } from 'node:async_hooks';

const INSTALLED = Symbol.for('incubator.asyncContextsReleasedWhenIdle');

/**
 * Turns Node's promise hooks off whenever no AsyncLocalStorage context is open.
 *
 * MikroORM keeps a transaction's EntityManager and whether a flush is under way in
 * AsyncLocalStorage, entered with `run` around each transaction and each flush. On Node 20 the
 * first `run` turns on promise hooks for the whole process, and nothing turns them off: from the
 * first sign-in on, every promise of every read pays for them (0.35 million instructions a request
 * under callgrind, a fifth of a `node(id:)` lookup), though only writes read the storages.
 *
 * This counts the contexts open in `run` (they close when the callback returns, or when the promise
 * it returns settles) and, when none is open, disables each storage that was run; the next `run`
 * enables it again. A storage's value is read only inside its own `run` (MikroORM's and every other
 * use here), so nothing is left reading a disabled one. Once per process; the server calls it
 * before the database opens.
 */
export function releaseAsyncContextsWhenIdle(): void {
  const prototype = AsyncLocalStorage.prototype as AsyncLocalStorage<unknown> & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const run = prototype.run;
  const used = new Set<AsyncLocalStorage<unknown>>();
  let open = 0;
  const closed = () => {
    open -= 1;
    if (open > 0) return;
    // After the continuations of the settled callback that are already queued.
    queueMicrotask(() => {
      if (open > 0) return;
      for (const storage of used) storage.disable();
      used.clear();
    });
  };
  prototype.run = function <R>(this: AsyncLocalStorage<unknown>, store: unknown, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    used.add(this);
    open += 1;
    let result: R;
    try {
      result = run.call(this, store, callback, ...args) as R;
    } catch (error) {
      closed();
      throw error;
    }
    if (result instanceof Promise) result.then(closed, closed);
    else closed();
    return result;
  } as typeof run;
}
