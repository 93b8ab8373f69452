import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/app/mikro-orm.config.js';
import { TEMPLATE_DATABASE, adminQuery, databaseUrl } from './postgres.js';

/** Builds the migrated template database that every test file copies. */
export default async function setup() {
  await adminQuery(`drop database if exists "${TEMPLATE_DATABASE}" with (force)`);
  await adminQuery(`create database "${TEMPLATE_DATABASE}"`);
  const orm = await MikroORM.init(ormConfig({ url: databaseUrl(TEMPLATE_DATABASE), poolSize: 1 }));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
}
