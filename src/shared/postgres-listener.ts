import pg from 'pg';

/** The `application_name` of listening connections. */
export const LISTENER_NAME = 'incubator listener';

/** What a listener tells its instance. */
export interface ListenerHandlers {
  /** A notification on one of the channels. */
  notification(channel: string, payload: string): void;
  /** The connection listens (again): whatever was committed while it did not must be made up for now. */
  listening(): void;
  /** The connection dropped: notifications are missed until `listening` is called again. */
  deaf(): void;
}

/**
 * A dedicated connection that LISTENs on `channels` for what other instances (and this one) commit:
 * lifecycle events for the subscriptions' dispatcher, changes of viewers for the viewer cache. If
 * the connection drops it reconnects with backoff, and says so (`deaf`, then `listening`).
 */
export class PostgresListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  /** The round trip of `heard` under way, and the one that follows it. */
  private trip: Promise<void> | null = null;
  private nextTrip: Promise<void> | null = null;
  /** How many times the connection has been (re)established; for tests and logs. */
  connections = 0;

  constructor(
    private readonly url: string,
    private readonly channels: string[],
    private readonly handlers: ListenerHandlers,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async start(): Promise<void> {
    await this.connect(0);
  }

  /** Whether the connection is listening now. */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Resolves once every notification committed before the call has been handled: PostgreSQL sends a
   * listening connection its pending notifications before it answers a statement.
   */
  heard(): Promise<void> {
    const client = this.client;
    if (!client) return Promise.resolve();
    if (!this.trip) return this.roundTrip(client);
    // The round trip under way may have been sent before the caller's commit: the caller waits for the next one, which later callers share.
    this.nextTrip ??= this.trip.then(() => {
      this.nextTrip = null;
      return this.roundTrip(client);
    });
    return this.nextTrip;
  }

  private roundTrip(client: pg.Client): Promise<void> {
    const trip: Promise<void> = client.query('select 1').then(
      () => {},
      () => {},
    ).then(() => {
      if (this.trip === trip) this.trip = null;
    });
    this.trip = trip;
    return trip;
  }

  private async connect(attempt: number): Promise<void> {
    if (this.stopped) return;
    // Named for operators (and tests) looking for it in pg_stat_activity.
    const client = new pg.Client({ connectionString: this.url, application_name: LISTENER_NAME });
    client.on('notification', (message) => this.handlers.notification(message.channel, message.payload ?? ''));
    client.on('error', () => this.reconnect(client, attempt + 1));
    client.on('end', () => this.reconnect(client, attempt + 1));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      this.client = client;
      this.connections++;
      this.handlers.listening();
    } catch (error) {
      this.log(`listener could not connect: ${(error as Error).message}`);
      this.reconnect(client, attempt + 1);
    }
  }

  private reconnect(client: pg.Client, attempt: number): void {
    if (this.stopped || this.retry || (this.client && this.client !== client)) return;
    if (this.client === client) this.handlers.deaf();
    this.client = null;
    client.removeAllListeners('end');
    client.removeAllListeners('error');
    client.on('error', () => {});
    void client.end().catch(() => {});
    const delay = Math.min(5000, 100 * 2 ** Math.min(attempt, 6));
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect(attempt);
    }, delay);
  }

  /** Drops the connection as a network failure would (tests use it to check recovery). */
  dropConnection(): void {
    this.client?.emit('error', new Error('connection dropped'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      this.handlers.deaf();
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}
