import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/app/mikro-orm.config.js';
import { adminQuery, databaseUrl, templateDatabase } from './postgres.js';

/**
 * Builds the migrated template database that every test file copies, and drops it after the run.
 * Its name reaches the test workers through the environment they inherit.
 */
export default async function setup() {
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
