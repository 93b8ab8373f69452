import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { expect } from 'vitest';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<R> {
  data?: R | null;
  errors?: GraphQLErrorShape[];
}

/** A GraphQL client over real HTTP, optionally signed in. */
export class Client {
  constructor(readonly url: string, readonly token: string | null = null) {}

  async request<R, V>(document: TypedDocumentNode<R, V>, ...[variables]: V extends Record<string, never> ? [] | [V] : [V]): Promise<GraphQLResult<R>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token && { authorization: `Bearer ${this.token}` }) },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return (await response.json()) as GraphQLResult<R>;
  }

  /** The data of a request that must succeed without top-level errors. */
  async data<R, V>(document: TypedDocumentNode<R, V>, ...variables: V extends Record<string, never> ? [] | [V] : [V]): Promise<R> {
    const result = await this.request(document, ...variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  }

  /** The error code of a request that must fail with exactly one top-level error. */
  async errorCode<R, V>(document: TypedDocumentNode<R, V>, ...variables: V extends Record<string, never> ? [] | [V] : [V]): Promise<string | undefined> {
    const result = await this.request(document, ...variables);
    expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
    return result.errors![0].extensions?.code;
  }
}
