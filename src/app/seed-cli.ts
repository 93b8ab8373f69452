import 'reflect-metadata';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../seeds/demo.seeder.js';
import { Person } from '../modules/people/person.entity.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './database.js';

/** `npm run seed`: migrate, then load the demo data into a database that has no people yet. */
try {
  const config = { ...loadConfig(), seedDemo: true };
  const database = await openDatabase(config);
  const people = await database.orm.em.fork().count(Person);
  console.log(`Database: ${database.description}`);
  console.log(`${people} people in the database. Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(9)} ${login.email}`);
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
