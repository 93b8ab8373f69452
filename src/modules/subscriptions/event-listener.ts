import pg from 'pg';

/**
 * Wakes the dispatcher when another instance commits events: a dedicated connection LISTENs on
 * `lifecycle_events` (see the notify trigger). If the connection drops it reconnects with backoff,
 * and wakes the dispatcher once connected again, which replays the missed window from the table.
 */
export class PostgresEventListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  /** How many times the connection has been (re)established; for tests and logs. */
  connections = 0;

  constructor(
    private readonly url: string,
    private readonly wake: (upTo?: number) => void,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async start(): Promise<void> {
    await this.connect(0);
  }

  private async connect(attempt: number): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => this.wake(message.payload ? Number(message.payload) : undefined));
    client.on('error', () => this.reconnect(client, attempt + 1));
    client.on('end', () => this.reconnect(client, attempt + 1));
    try {
      await client.connect();
      await client.query('listen lifecycle_events');
      this.client = client;
      this.connections++;
      // Anything committed while this instance was not listening is read now.
      this.wake();
    } catch (error) {
      this.log(`event listener could not connect: ${(error as Error).message}`);
      this.reconnect(client, attempt + 1);
    }
  }

  private reconnect(client: pg.Client, attempt: number): void {
    if (this.stopped || this.retry || (this.client && this.client !== client)) return;
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
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}
