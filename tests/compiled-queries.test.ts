import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ProjectBoardDocument, ProjectDetailPageDocument, ProjectEventsDocument } from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, program, project, revision } from './support/factories.js';

// As in production: a query runs twice with graphql-js, and is compiled on its third run.
const app = useTestApp({ COMPILE_QUERIES_AFTER: '2' });

/** Sends `send` five times; the answers, and how many queries were compiled after each. */
async function fiveRuns<T>(send: () => Promise<T>): Promise<{ answers: T[]; compiled: number[] }> {
  const before = app().server.queries.compiled;
  const answers: T[] = [];
  const compiled: number[] = [];
  for (let run = 0; run < 5; run++) {
    answers.push(await send());
    compiled.push(app().server.queries.compiled - before);
  }
  return { answers, compiled };
}

describe('queries compiled to JavaScript', () => {
  it("answer a project's page as graphql-js did: each event's details by type", async () => {
    const call = await program(app());
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, call.id);
    await revision(applicant.client, created.id);
    await revision(applicant.client, created.id, { changeNote: '第二稿' });

    const { answers, compiled } = await fiveRuns(() => app().admin.request(ProjectDetailPageDocument, { id: created.id }));
    expect(compiled).toEqual([0, 0, 1, 1, 1]);
    const [first] = answers;
    expect(first.errors).toBeUndefined();
    expect(first.data!.project).toMatchObject({ id: created.id, revisions: { totalCount: 2 }, events: { totalCount: 3 } });
    expect(first.data!.project!.events!.nodes.map((event) => event.details?.__typename)).toEqual(['ProjectCreatedDetails', 'RevisionSavedDetails', 'RevisionSavedDetails']);
    for (const answer of answers.slice(1)) expect(answer).toEqual(first);
  });

  it('answer errors as graphql-js did: message, locations, path and code', async () => {
    const call = await program(app());
    const { applicant } = await applicantOrganization(app());
    const created = await project(applicant.client, call.id);

    const nested = await fiveRuns(() => app().admin.request(ProjectEventsDocument, { id: created.id, first: 5, after: 'not-a-cursor' }));
    expect(nested.compiled).toEqual([0, 0, 1, 1, 1]);
    const [error] = nested.answers[0].errors!;
    expect(error).toMatchObject({ path: ['project', 'events'], extensions: { code: 'BAD_USER_INPUT' }, locations: [expect.objectContaining({ line: expect.any(Number) })] });
    // A project's events are never null: the error takes the project with it, as graphql-js answers.
    expect(nested.answers[0].data).toEqual({ project: null });
    for (const answer of nested.answers.slice(1)) expect(answer).toEqual(nested.answers[0]);

    const root = await fiveRuns(() => app().admin.request(ProjectBoardDocument, { first: 101 }));
    expect(root.answers[0].errors).toMatchObject([{ path: ['projects'], extensions: { code: 'BAD_USER_INPUT' } }]);
    for (const answer of root.answers.slice(1)) expect(answer).toEqual(root.answers[0]);
  });

  it("never turn a text of the operation into code: graphql-jit's value markers in a literal leave it uncompiled", async () => {
    // graphql-jit writes an argument's literal into the code it generates, then replaces its own markers
    // for dates and NaN in that text: a literal carrying the date marker became code (patches/graphql-jit+0.8.9.patch).
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d(globalThis.compiledQueryInjection = 42)';
    const document: TypedDocumentNode<{ node: { id: string } | null }, Record<string, never>> = parse(`{ node(id: ${JSON.stringify(marker)}) { id } }`);
    const { answers, compiled } = await fiveRuns(() => app().admin.request(document));
    expect((globalThis as { compiledQueryInjection?: unknown }).compiledQueryInjection).toBeUndefined();
    expect(compiled).toEqual([0, 0, 0, 0, 0]);
    expect(answers[0]).toMatchObject({ data: { node: null } });
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });
});
