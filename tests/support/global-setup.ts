import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/app/mikro-orm.config.js';
import { ensureChromium } from './browser.js';
import { adminQuery, databaseUrl, templateDatabase } from './postgres.js';

/**
 * Builds the migrated template database that every test file copies, and drops it after the run.
 * Its name reaches the test workers through the environment they inherit. Installs the browser the
 * page tests drive first, where it is missing and the machine allows it, outside any test's timeout.
 */
export default async function setup() {
  try {
    ensureChromium({ required: false });
  } catch (error) {
    // Only the browser tests need it; they say what is missing.
    console.warn(`Could not install Chromium: ${(error as Error).message}`);
  }
  const template = templateDatabase(process.pid);
  await adminQuery(`drop database if exists "${template}" with (force)`);
  await adminQuery(`create database "${template}"`);
  const orm = await MikroORM.init(ormConfig({ url: databaseUrl(template), poolSize: 1 }));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
  process.env.INCUBATOR_TEST_TEMPLATE = template;
  return async () => {
    await adminQuery(`drop database if exists "${template}" with (force)`);
  };
}
