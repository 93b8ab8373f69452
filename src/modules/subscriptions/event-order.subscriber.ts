import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { LifecycleEvent } from '../events/lifecycle-event.entity.js';

/** Any constant: the advisory lock that orders event-writing transactions. */
const EVENT_ORDER_LOCK = 4_242_001;

/**
 * Makes an event's position also its commit order. Positions come from a sequence when the row is
 * inserted, but transactions may commit in another order, and a reader that has seen position 11
 * would then never notice 10. So a transaction that inserts events first takes a transaction-level
 * advisory lock, held until it commits: event-writing transactions commit one after another, in
 * position order. After each commit the instance's dispatcher is woken at once.
 */
export class EventOrderSubscriber implements EventSubscriber {
  private wake: () => void = () => {};
  /** Transactions that already hold the lock: it lasts until they end, so one statement each is enough. */
  private readonly locked = new WeakSet<object>();

  onCommit(wake: () => void): void {
    this.wake = wake;
  }

  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const insertsEvents = uow.getChangeSets().some((changeSet) => changeSet.type === 'create' && changeSet.entity instanceof LifecycleEvent);
    const transaction = em.getTransactionContext<object>();
    if (!insertsEvents || !em.isInTransaction() || !transaction || this.locked.has(transaction)) return;
    await em.getConnection().execute('select pg_advisory_xact_lock(?)', [EVENT_ORDER_LOCK], 'run', transaction);
    this.locked.add(transaction);
  }

  afterTransactionCommit(_args: TransactionEventArgs): void {
    this.wake();
  }
}
