import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../src/app/mikro-orm.config.js';
import { createSchema, printSdl } from '../src/app/schema.js';
import { createTestDatabase } from './support/postgres.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('committed schema artefacts', () => {
  it('schema/schema.graphql matches the schema the code builds (run `npm run schema:emit`)', async () => {
    expect(read('schema/schema.graphql')).toBe(printSdl(await createSchema()));
  });

  it('the migrations build exactly the database schema the entities describe (run `npm run migration:create`)', async () => {
    const database = await createTestDatabase();
    const orm = await MikroORM.init(ormConfig({ url: database.url, poolSize: 1 }));
    try {
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await orm.close(true);
      await database.drop();
    }
  });

  it('tests/generated/graphql.ts matches codegen’s output for the committed schema (run `npm run codegen`)', async () => {
    const cwd = new URL('..', import.meta.url).pathname;
    const { config } = await loadCodegenConfig({ configFilePath: `${cwd}codegen.yml` });
    const [output] = await generate({ ...config, cwd, silent: true }, false);
    expect(read('tests/generated/graphql.ts')).toBe(output.content);
  });
});
