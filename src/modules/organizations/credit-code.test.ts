import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the example code given in the standard', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
  });

  it('computes the check character from the first seventeen', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('LENGTH');
    expect(creditCodeProblem('91350100M000100Y4O')).toBe('CHARACTERS');
    expect(creditCodeProblem('9135010AM000100Y43')).toBe('CHARACTERS');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('CHECK_CHARACTER');
  });

  it('catches every single-character change of a valid code', () => {
    const valid = '91350100M000100Y43';
    for (let i = 0; i < 17; i++) {
      const replacement = valid[i] === '1' ? '2' : '1';
      const changed = valid.slice(0, i) + replacement + valid.slice(i + 1);
      expect(creditCodeProblem(changed), changed).not.toBeNull();
    }
  });
});
