import { describe, expect, it } from 'vitest';
import { compareRevisionContent, type RevisionContent } from './revision-compare.js';

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

describe('compareRevisionContent', () => {
  it('reports nothing for identical revisions', () => {
    expect(compareRevisionContent(first, structuredClone(first))).toEqual([]);
  });

  it('reports plain fields with before and after text', () => {
    const changes = compareRevisionContent(first, { ...first, summary: '新的摘要', requestedAmount: 32000 });
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['summary', first.summary, '新的摘要'],
      ['requestedAmount', '30000', '32000'],
    ]);
  });

  it('matches list items by key and reports added, removed and changed ones', () => {
    const second: RevisionContent = {
      ...first,
      objectives: ['培育志愿者10名', '开展活动28场'],
      indicatorTargets: [
        { name: '服务人次', unit: '人次', target: 2500 },
        { name: '满意度', unit: '%', target: 90 },
      ],
      budgetLines: [...first.budgetLines].reverse(),
    };
    const changes = compareRevisionContent(first, second);
    expect(changes.map((c) => c.field)).toEqual(['objectives', 'indicatorTargets']);
    expect(changes[0].items.map((i) => [i.change, i.key])).toEqual([
      ['REMOVED', '开展活动20场'],
      ['ADDED', '开展活动28场'],
    ]);
    const indicators = changes[1].items;
    expect(indicators.map((i) => [i.change, i.key])).toEqual([
      ['CHANGED', '服务人次'],
      ['REMOVED', '活动场次'],
      ['ADDED', '满意度'],
    ]);
    expect(indicators[0]).toMatchObject({ changedProperties: ['target'], before: { target: 2000 }, after: { target: 2500 } });
  });
});
