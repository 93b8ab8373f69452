import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

/** A graphql-ws connection on the server's /graphql, signed in with a bearer token. */
export function connectLive(httpUrl: string, token: string | null): { client: WsClient; closed: Promise<Closed>; connected: Promise<void> } {
  let onClosed: (event: Closed) => void;
  let onConnected: () => void;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // The close is reported through `closed`; graphql-ws would also print it.
    onNonLazyError: () => {},
    on: { closed: (event) => onClosed(event as Closed), connected: () => onConnected() },
  });
  return { client, closed, connected };
}

export interface LiveSubscription<R> {
  received: R[];
  errors: unknown[];
  /** Resolves with the first `count` results, or rejects after `ms` milliseconds. */
  waitFor(count: number, ms?: number): Promise<R[]>;
  /** Resolves with the error the subscription ended with. */
  failed(ms?: number): Promise<unknown>;
  stop(): void;
}

export function subscribe<R, V>(client: WsClient, document: TypedDocumentNode<R, V>, variables: V): LiveSubscription<R> {
  const received: R[] = [];
  const errors: unknown[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const stop = client.subscribe<R>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        else received.push(result.data as R);
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: notify,
    },
  );
  const until = <T>(check: () => T | undefined, ms: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const test = () => {
        const value = check();
        if (value === undefined) return false;
        listeners.delete(test);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        listeners.delete(test);
        reject(new Error(`timed out waiting for ${what}; received ${received.length}: ${JSON.stringify(received).slice(0, 2000)} errors: ${JSON.stringify(errors)}`));
      }, ms);
      if (!test()) listeners.add(test);
    });
  return {
    received,
    errors,
    waitFor: (count, ms = 10_000) => until(() => (received.length >= count ? received.slice(0, count) : undefined), ms, `${count} events`),
    failed: (ms = 10_000) => until(() => errors[0], ms, 'an error'),
    stop,
  };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeats `act` until the subscription hears of it: a subscription is registered on the server a
 * little after it is sent, and an event committed before that is not pushed to it.
 */
export async function hearOne<R>(subscription: LiveSubscription<R>, act: () => Promise<unknown>, tries = 20): Promise<R> {
  for (let i = 0; i < tries; i++) {
    await act();
    const heard = await subscription.waitFor(1, 1_000).catch(() => null);
    if (heard) return heard[0];
  }
  throw new Error(`no event heard after ${tries} tries`);
}
