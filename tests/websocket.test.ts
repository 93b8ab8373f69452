import { print } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LoginDocument, ViewerDocument } from './generated/graphql.js';
import { ADMIN_EMAIL, TEST_PASSWORD, useTestApp } from './support/app.js';

const app = useTestApp();

function connect(authorization?: string): { client: WsClient; closed: Promise<{ code: number; reason: string }> } {
  let onClose: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClose = resolve));
  const client = createClient({
    url: app().url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClose(event as { code: number; reason: string }) },
  });
  return { client, closed };
}

function execute(client: WsClient, query: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    client.subscribe({ query }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
  });
}

describe('GraphQL over WebSocket on the HTTP port and path', () => {
  it('authenticates the connection with the bearer token in connectionParams', async () => {
    const login = await app().anonymous.data(LoginDocument, { input: { email: ADMIN_EMAIL, password: TEST_PASSWORD } });
    const { client } = connect(`Bearer ${login.login.token}`);
    try {
      const result = await execute(client, print(ViewerDocument));
      expect(result).toEqual({ data: { viewer: expect.objectContaining({ id: login.login.viewer!.id, roles: ['ADMIN'] }) } });
    } finally {
      await client.dispose();
    }
  });

  it.each([
    ['no token', undefined],
    ['a bad token', 'Bearer not-a-real-token'],
  ])('refuses a connection with %s, with a code graphql-ws does not retry', async (_, authorization) => {
    const { client, closed } = connect(authorization);
    expect(await closed).toMatchObject({ code: 4401, reason: authorization ? 'Token invalid or expired: sign in again' : 'Sign in first: send connectionParams.authorization' });
    await client.dispose();
  });
});
