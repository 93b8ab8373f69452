/** What pg calls on a query object it runs (a "submittable", e.g. a pg-query-stream or a pg Query) as it finishes. */
interface Submittable {
  submit(connection: unknown): void;
  handleReadyForQuery(connection: unknown): void;
  handleError(error: unknown, connection: unknown): void;
}

type Callback = (error: Error | null, result?: unknown) => void;
type Query = (config: unknown, values?: unknown, callback?: Callback) => unknown;

/**
 * Makes a pg client run its queries one at a time, each waiting for the one asked for before it.
 *
 * pg 8 queues a query asked for while another still runs on the same client, with a deprecation
 * warning; pg 9 refuses it. A transaction is one connection, and a mutation's reads may overlap
 * (`Promise.all` over `em.find`, DataLoaders batching in one tick), so every client of the pool
 * takes its queries in turns (`pool.afterCreate` in mikro-orm.config.ts), in the order they were
 * asked for: a query's results, and its errors, stay its own, and an error frees the next.
 *
 * It takes the forms pg does: a callback (`query(config, [values], callback)`, as knex runs every
 * statement), a promise (`query(config, [values])`, as readRows does), and a submittable (`query(stream)`,
 * as knex streams through pg-query-stream), given back at once and submitted in its turn, which
 * ends when pg tells it it is done (ready for the next query) or failed.
 */
export function oneQueryAtATime(client: { query: unknown }): void {
  const query = (client.query as Query).bind(client);
  let last: Promise<void> = Promise.resolve();
  /** Runs `start` after every query asked for earlier has finished; it calls `finished` when its own has. */
  const inTurn = (start: (finished: () => void) => void, failed: (error: unknown) => void) => {
    last = last.then(() => new Promise<void>((finished) => {
      try {
        start(finished);
      } catch (error) {
        finished();
        failed(error);
      }
    }));
  };

  client.query = (config: unknown, values?: unknown, callback?: Callback): unknown => {
    if (typeof values === 'function') [values, callback] = [undefined, values as Callback];

    if (typeof (config as Submittable | null)?.submit === 'function') {
      const submittable = config as Submittable;
      const { handleReadyForQuery, handleError } = submittable;
      inTurn((finished) => {
        submittable.handleReadyForQuery = (connection) => {
          finished();
          handleReadyForQuery.call(submittable, connection);
        };
        submittable.handleError = (error, connection) => {
          finished();
          handleError.call(submittable, error, connection);
        };
        query(submittable, values, callback);
      }, (error) => handleError.call(submittable, error, undefined));
      return submittable;
    }

    // pg also takes the callback as the config's own `callback`.
    const given = callback ?? (config as { callback?: Callback } | null)?.callback;
    if (given) {
      inTurn((finished) => query(config, values, (error, result) => {
        finished();
        given(error, result);
      }), (error) => given(error as Error));
      return undefined;
    }

    return new Promise((resolve, reject) => {
      inTurn((finished) => (query(config, values) as Promise<unknown>).then(resolve, reject).finally(finished), reject);
    });
  };
}
