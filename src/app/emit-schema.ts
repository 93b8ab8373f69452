import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createSchema, printSdl } from './schema.js';

const target = new URL('../../schema/schema.graphql', import.meta.url);
writeFileSync(target, printSdl(await createSchema()));
console.log(`Wrote ${target.pathname}`);
