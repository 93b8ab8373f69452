/**
 * The GraphQL operations a server has started and not finished. A client that goes away does not
 * stop its operation: stopping waits for these before the database closes, so that none of them
 * fails half-way on a closed pool.
 */
export class InFlight {
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  /** Counts one operation as started: call the function returned when it has finished (more calls do nothing). */
  start(): () => void {
    this.running += 1;
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    };
  }

  /** Counts `work` while it runs. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const finish = this.start();
    try {
      return await work();
    } finally {
      finish();
    }
  }

  /** Resolves once nothing is running, or after `timeoutMs` at most: true if everything finished. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
