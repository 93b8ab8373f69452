import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
/** Hashing cost grows with length; nobody types more. */
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score: 3 is "safely unguessable" for an online attack with throttling. */
const MIN_STRENGTH = 3;

let estimator: ZxcvbnFactory | null = null;

/**
 * Why a new password is refused, or null when it is acceptable: at least MIN_PASSWORD_LENGTH
 * characters, not only spaces, and not guessable (common passwords, repeats, sequences, keyboard
 * walks, the person's own name or email) by zxcvbn's estimate.
 */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim() === '') return 'The password may not be only spaces.';
  // Built on first use: the dictionaries take a few tens of milliseconds to load.
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  const inputs = personal.flatMap((value) => [value, ...value.split(/[@.\s]+/)]).filter((value) => value.length >= 3);
  if (estimator.check(password, inputs).score < MIN_STRENGTH) {
    return 'That password is too easy to guess (a common password, a repeat or sequence, or your own name or email). Use a longer phrase of unrelated words.';
  }
  return null;
}
