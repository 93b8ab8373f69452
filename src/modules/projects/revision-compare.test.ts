import { describe, expect, it } from 'vitest';
import { compareList, compareRevisionContent, similarity, type FieldChange, type RevisionContent } from './revision-compare.js';

const first: RevisionContent = {
  summary: '培育"过来人"志愿者参与社区禁毒宣传',
  needs: '社区戒毒康复人员缺乏支持',
  objectives: ['培育志愿者10名', '开展活动20场'],
  activityPlan: [{ title: '志愿者培训', period: '2022-05', description: '四次培训' }],
  beneficiaries: '戒毒康复人员及家属',
  indicatorTargets: [
    { name: '服务人次', unit: '人次', target: 2000 },
    { name: '活动场次', unit: '场', target: 20 },
  ],
  budgetLines: [
    { item: '培训费', amount: 20000, note: null },
    { item: '活动物资', amount: 10000, note: null },
  ],
  requestedAmount: 30000,
  team: [{ name: '李社工', role: '项目负责人' }],
};

const itemsOf = (changes: FieldChange[], field: FieldChange['field']) => {
  const change = changes.find((c) => c.field === field);
  return change?.kind === 'LIST' ? change.items.map((i) => [i.change, i.before, i.after]) : [];
};

describe('compareRevisionContent', () => {
  it('reports nothing for identical revisions', () => {
    expect(compareRevisionContent(first, structuredClone(first))).toEqual([]);
  });

  it('reports texts as text and the requested amount as yuan, a number like every amount in the API', () => {
    const changes = compareRevisionContent(first, { ...first, summary: '新的摘要', requestedAmount: 32000.5 });
    expect(changes).toEqual([
      { kind: 'TEXT', field: 'summary', before: first.summary, after: '新的摘要' },
      { kind: 'AMOUNT', field: 'requestedAmount', before: 30000, after: 32000.5 },
    ]);
  });

  it('compares amounts in fen, so a float artefact is no change', () => {
    expect(compareRevisionContent({ ...first, requestedAmount: 0.3 }, { ...first, requestedAmount: 0.1 + 0.2 })).toEqual([]);
  });

  it('matches keyed items by key and reports added, removed and changed ones; a move is no change', () => {
    const second: RevisionContent = {
      ...first,
      indicatorTargets: [
        { name: '服务人次', unit: '人次', target: 2500 },
        { name: '满意度', unit: '%', target: 90 },
      ],
      budgetLines: [...first.budgetLines].reverse(),
    };
    const changes = compareRevisionContent(first, second);
    expect(changes.map((c) => c.field)).toEqual(['indicatorTargets']);
    const [indicators] = changes;
    expect(indicators.kind === 'LIST' && indicators.items.map((i) => [i.change, i.key, i.changedProperties])).toEqual([
      ['CHANGED', '服务人次', ['target']],
      ['REMOVED', '活动场次', []],
      ['ADDED', '满意度', []],
    ]);
  });
});

describe('matching edited objectives and items', () => {
  it('shows an edited objective as CHANGED, not as one removed and one added', () => {
    const changes = compareRevisionContent(first, { ...first, objectives: ['培育志愿者10名', '开展活动28场'] });
    expect(changes).toEqual([
      { kind: 'LIST', field: 'objectives', items: [{ field: 'objectives', change: 'CHANGED', key: '开展活动28场', before: '开展活动20场', after: '开展活动28场', changedProperties: ['text'] }] },
    ]);
  });

  it('pairs edits by similarity, not position, when objectives are also added, removed and moved', () => {
    const before = ['培育“过来人”志愿者10名', '开展禁毒宣传活动20场', '建立家属互助小组'];
    const after = ['建立社区康复驿站', '开展禁毒宣传活动24场', '培育“过来人”志愿者15名,其中骨干5名'];
    expect(compareList('objectives', before, after).map((i) => [i.change, i.before, i.after])).toEqual([
      ['CHANGED', before[0], after[2]],
      ['CHANGED', before[1], after[1]],
      ['REMOVED', before[2], null],
      ['ADDED', null, after[0]],
    ]);
  });

  it('leaves a rewritten objective, sharing too little, as removed and added', () => {
    const changes = compareRevisionContent(first, { ...first, objectives: ['培育志愿者10名', '建立社区康复驿站'] });
    expect(itemsOf(changes, 'objectives')).toEqual([
      ['REMOVED', '开展活动20场', null],
      ['ADDED', null, '建立社区康复驿站'],
    ]);
  });

  it('matches an unchanged objective before pairing edits, so it is never reported', () => {
    const changes = compareList('objectives', ['开展活动20场', '开展活动28场'], ['开展活动28场', '开展活动30场']);
    expect(changes.map((i) => [i.change, i.before, i.after])).toEqual([['CHANGED', '开展活动20场', '开展活动30场']]);
  });

  it('pairs equally similar edits in list order', () => {
    const changes = compareList('objectives', ['活动甲', '活动乙'], ['新增目标', '活动丙', '活动丁']);
    expect(changes.map((i) => [i.change, i.before, i.after])).toEqual([
      ['CHANGED', '活动甲', '活动丙'],
      ['CHANGED', '活动乙', '活动丁'],
      ['ADDED', null, '新增目标'],
    ]);
  });

  it('treats a renamed budget line, activity or indicator as CHANGED when the name was edited, its key property among the changes', () => {
    const changes = compareRevisionContent(first, {
      ...first,
      budgetLines: [{ item: '培训费用', amount: 22000, note: null }, first.budgetLines[1]],
      requestedAmount: 32000,
    });
    const lines = changes.find((c) => c.field === 'budgetLines');
    expect(lines?.kind === 'LIST' && lines.items).toEqual([
      { field: 'budgetLines', change: 'CHANGED', key: '培训费用', before: first.budgetLines[0], after: { item: '培训费用', amount: 22000, note: null }, changedProperties: ['item', 'amount'] },
    ]);
  });

  it('never takes one team member for another with a similar name', () => {
    const changes = compareRevisionContent(first, { ...first, team: [{ name: '李社工长', role: '项目负责人' }] });
    expect(itemsOf(changes, 'team')).toEqual([
      ['REMOVED', { name: '李社工', role: '项目负责人' }, null],
      ['ADDED', null, { name: '李社工长', role: '项目负责人' }],
    ]);
  });
});

describe('similarity', () => {
  it('is the share of two-character pieces the texts have in common, ignoring case and spaces', () => {
    expect(similarity('培育志愿者10名', '培育志愿者15名')).toBeCloseTo(5 / 7);
    expect(similarity('Train Volunteers', 'trainvolunteers')).toBe(1);
    expect(similarity('开展活动', '建立驿站')).toBe(0);
    expect(similarity('甲', '甲')).toBe(1);
  });
});
