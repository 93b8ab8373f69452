import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123003954 } from './Migration20261123003954.js';
import { Migration20261123011310 } from './Migration20261123011310.js';
import { Migration20261123020000 } from './Migration20261123020000.js';
import { Migration20261123030000 } from './Migration20261123030000.js';
import { Migration20261130100000 } from './Migration20261130100000.js';
import { Migration20261130110000 } from './Migration20261130110000.js';
import { Migration20261130120000 } from './Migration20261130120000.js';
import { Migration20261130130000 } from './Migration20261130130000.js';
import { Migration20261130140000 } from './Migration20261130140000.js';
import { Migration20261130145000 } from './Migration20261130145000.js';
import { Migration20261130150000 } from './Migration20261130150000.js';
import { Migration20261130160000 } from './Migration20261130160000.js';
import { Migration20261130170000 } from './Migration20261130170000.js';
import { Migration20261130180000 } from './Migration20261130180000.js';
import { Migration20261130190000 } from './Migration20261130190000.js';
import { Migration20261201100000 } from './Migration20261201100000.js';
import { Migration20261201110000 } from './Migration20261201110000.js';
import { Migration20261201120000 } from './Migration20261201120000.js';
import { Migration20261201130000 } from './Migration20261201130000.js';
import { Migration20261201140000 } from './Migration20261201140000.js';
import { Migration20261201150000 } from './Migration20261201150000.js';

/** Every migration in order. Listed by import so tsx, vitest and the CLI all find the same set. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123003954', class: Migration20261123003954 },
  { name: 'Migration20261123011310', class: Migration20261123011310 },
  { name: 'Migration20261123020000', class: Migration20261123020000 },
  { name: 'Migration20261123030000', class: Migration20261123030000 },
  { name: 'Migration20261130100000', class: Migration20261130100000 },
  { name: 'Migration20261130110000', class: Migration20261130110000 },
  { name: 'Migration20261130120000', class: Migration20261130120000 },
  { name: 'Migration20261130130000', class: Migration20261130130000 },
  { name: 'Migration20261130140000', class: Migration20261130140000 },
  { name: 'Migration20261130145000', class: Migration20261130145000 },
  { name: 'Migration20261130150000', class: Migration20261130150000 },
  { name: 'Migration20261130160000', class: Migration20261130160000 },
  { name: 'Migration20261130170000', class: Migration20261130170000 },
  { name: 'Migration20261130180000', class: Migration20261130180000 },
  { name: 'Migration20261130190000', class: Migration20261130190000 },
  { name: 'Migration20261201100000', class: Migration20261201100000 },
  { name: 'Migration20261201110000', class: Migration20261201110000 },
  { name: 'Migration20261201120000', class: Migration20261201120000 },
  { name: 'Migration20261201130000', class: Migration20261201130000 },
  { name: 'Migration20261201140000', class: Migration20261201140000 },
  { name: 'Migration20261201150000', class: Migration20261201150000 },
];
