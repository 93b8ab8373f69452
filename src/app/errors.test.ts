import { DriverException } from '@mikro-orm/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeForLog } from './errors.js';

describe('what the log keeps of an unexpected error', () => {
  it('keeps a database error’s class, SQLSTATE and stack, never its message with the statement and values', () => {
    const raw = new pg.DatabaseError(`insert into "organization" ("name") values ('张三的秘密') - value too long`, 0, 'error');
    raw.code = '22001';
    for (const error of [raw, new DriverException(raw)]) {
      const logged = describeForLog(error);
      expect(logged).toMatch(/^(error|DriverException) \(SQLSTATE 22001\)\n\s+at /);
      expect(logged).not.toContain('张三的秘密');
      expect(logged).not.toContain('insert into');
    }
  });

  it('keeps the message of the server’s own errors', () => {
    expect(describeForLog(new TypeError('cannot read x of undefined'))).toMatch(/^TypeError: cannot read x of undefined\n\s+at /);
  });
});
