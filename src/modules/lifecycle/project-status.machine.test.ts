import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ProjectStatus as S } from '../projects/project.entity.js';
import { ProjectAction as A, TRANSITIONS, actionsFrom, mutationsFrom, nextStatusesFrom } from './project-status.machine.js';

describe('the project status machine', () => {
  it('has one transition per action', () => {
    expect(new Set(TRANSITIONS.map((t) => t.action)).size).toBe(TRANSITIONS.length);
    expect(TRANSITIONS.map((t) => t.action).sort()).toEqual(Object.values(A).sort());
  });

  it('reaches every status from DRAFT, and nothing leaves the final ones', () => {
    const reached = new Set<S>([S.DRAFT]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (t.from.some((s) => reached.has(s)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.values(S).sort());
    for (const final of [S.REJECTED, S.WITHDRAWN, S.CLOSED, S.TERMINATED]) expect(actionsFrom(final, ['APPLICANT', 'STAFF'])).toEqual([]);
  });

  it('gives applicants and staff their own steps', () => {
    expect(actionsFrom(S.DRAFT, ['APPLICANT'])).toEqual([A.SAVE_REVISION, A.SUBMIT, A.WITHDRAW]);
    expect(actionsFrom(S.DRAFT, ['STAFF'])).toEqual([A.WITHDRAW]);
    expect(nextStatusesFrom(S.UNDER_REVIEW, ['STAFF'])).toEqual([S.APPROVED, S.CONDITIONALLY_APPROVED, S.REVISION_REQUESTED, S.REJECTED]);
    expect(nextStatusesFrom(S.UNDER_REVIEW, ['APPLICANT'])).toEqual([]);
    expect(nextStatusesFrom(S.REVISION_REQUESTED, ['APPLICANT'])).toEqual([S.DRAFT, S.WITHDRAWN]);
  });

  it('requires the minimum scorecards for every decision', () => {
    const decisions = TRANSITIONS.filter((t) => t.from.includes(S.UNDER_REVIEW));
    expect(decisions).toHaveLength(4);
    for (const t of decisions) expect(t.guards).toContain('ENOUGH_SCORECARDS');
  });

  it('names each step by a mutation of the schema, and tells each actor only their own', () => {
    const mutations = Object.keys(buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8')).getMutationType()!.getFields());
    for (const t of TRANSITIONS) expect(mutations).toContain(t.mutation);
    expect(mutationsFrom(S.UNDER_REVIEW, ['STAFF'])).toEqual(['recordDecision']);
    expect(mutationsFrom(S.SUBMITTED, ['STAFF'])).toEqual(['withdrawProject', 'assignEvaluators']);
    expect(mutationsFrom(S.SUBMITTED, ['APPLICANT'])).toEqual(['saveRevision', 'withdrawProject']);
    expect(mutationsFrom(S.CLOSED, ['APPLICANT', 'STAFF'])).toEqual([]);
  });
});
