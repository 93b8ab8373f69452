import { describe, expect, it } from 'vitest';
import { sqlArray, withValuesWritten } from './read.js';

describe('a statement with its values written into its text', () => {
  it('writes keys, dates, codes and numbers as literals, each where its placeholder was', () => {
    const park = '63a4e8ab-bcdd-c5aa-5e46-456c8296b773';
    expect(withValuesWritten({ text: 'select * from t where park_id = any(?::uuid[]) and due < ? and status = ? and n > 1-?', params: [sqlArray([park]), '2026-12-02', 'SUBMITTED', -1] })).toEqual({
      text: `select * from t where park_id = any('{"${park}"}'::uuid[]) and due < '2026-12-02' and status = 'SUBMITTED' and n > 1-(-1)`,
      params: [],
    });
  });

  it('writes nothing it cannot write plainly: the statement then goes with its values apart', () => {
    for (const [text, params] of [
      ['select ?', ["it's"]],
      ['select ?', ['a\\b']],
      ['select ?', [sqlArray(['a"b'])]],
      ['select ?', [new Date()]],
      ['select ?', [Number.NaN]],
      ['select ?', [{ object: true }]],
      ['select ?', [null]],
      ['select ??', ['column']],
      ['select data \\? ?', ['key']],
      ['select ?, ?', ['one']],
    ] as [string, unknown[]][]) {
      expect(withValuesWritten({ text, params }), `${text} ${JSON.stringify(params)}`).toBeNull();
    }
  });
});
