import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { createSchema, printSdl } from '../src/app/schema.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('committed schema artefacts', () => {
  it('schema/schema.graphql matches the schema the code builds (run `npm run schema:emit`)', async () => {
    expect(read('schema/schema.graphql')).toBe(printSdl(await createSchema()));
  });

  it('tests/generated/graphql.ts matches codegen’s output for the committed schema (run `npm run codegen`)', async () => {
    const cwd = new URL('..', import.meta.url).pathname;
    const { config } = await loadCodegenConfig({ configFilePath: `${cwd}codegen.yml` });
    const [output] = await generate({ ...config, cwd, silent: true }, false);
    expect(read('tests/generated/graphql.ts')).toBe(output.content);
  });
});
