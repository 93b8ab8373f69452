import { describe, expect, it } from 'vitest';
import { MatchStatus as S } from './resource-match.entity.js';
import { MATCH_TRANSITIONS, MatchAction as A, isFinalMatchStatus, matchMutationsFrom, matchTransition } from './resource-match.transitions.js';

describe('the resource match transitions', () => {
  it('has one transition per action', () => {
    expect(MATCH_TRANSITIONS.map((t) => t.action).sort()).toEqual(Object.values(A).sort());
  });

  it('reaches every status from PROPOSED, and nothing leaves DELIVERED, DECLINED or CANCELLED', () => {
    const reached = new Set<S>([S.PROPOSED]);
    for (const t of MATCH_TRANSITIONS) if (t.from.some((s) => reached.has(s))) reached.add(t.to);
    expect([...reached].sort()).toEqual(Object.values(S).sort());
    expect(Object.values(S).filter(isFinalMatchStatus).sort()).toEqual([S.CANCELLED, S.DECLINED, S.DELIVERED]);
  });

  it('delivers only what was accepted, and declines only what is still proposed', () => {
    expect(matchTransition(A.DELIVER).from).toEqual([S.ACCEPTED]);
    expect(matchTransition(A.DECLINE).from).toEqual([S.PROPOSED]);
    expect(matchTransition(A.CANCEL).from).toEqual([S.PROPOSED, S.ACCEPTED]);
  });

  it('lets the applicant answer a proposal, and leaves delivery and cancelling to the broker', () => {
    expect(matchMutationsFrom(S.PROPOSED, ['APPLICANT'])).toEqual(['acceptResourceMatch', 'declineResourceMatch']);
    expect(matchMutationsFrom(S.ACCEPTED, ['APPLICANT'])).toEqual([]);
    expect(matchMutationsFrom(S.ACCEPTED, ['BROKER'])).toEqual(['deliverResourceMatch', 'cancelResourceMatch']);
    expect(matchMutationsFrom(S.DELIVERED, ['APPLICANT', 'BROKER'])).toEqual([]);
  });
});
