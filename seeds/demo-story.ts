/**
 * The demo's timeline: who does what to which project, and when, played through the API's service
 * functions (see demo-actions.ts). Every status change, event, total, decision and derived figure the
 * demo shows comes from these calls, as if people had used the API.
 *
 * The past keeps the sources' dates and is settled: every round but one is closed, every project of
 * 2019 and 2022 decided and, where funded, delivered and closed (or terminated).
 * - 2019 龙岗区政府民生实事: 59 projects scored on 2020-01-09, 龙岭花开 first with 96.4; on 2020-01-20 the
 *   top five (all 布吉) APPROVED and 54 REJECTED, each decision citing the API's own ranking.
 * - 2022 龙岗区基层社会治理实践项目: 居民共治空间 (three revisions answering two coaching sessions);
 *   守望相助 CLOSED after the October 2022 closing evaluation; 商户联盟新模式 and 居民共治空间 CLOSED in
 *   January 2023.
 * - 2022 龙岗区公益创投大赛: the roadshow won by 京剧唱响六约北; three funded, two REJECTED; 京剧 and 反诈
 *   CLOSED in March 2023, 客家茶果 TERMINATED after the December 2022 wave; three more drafts coached at
 *   横岗创新园's 辅导会 never applied.
 * - 横岗创新园's own 2022 (demo-henggang-2022.ts): its activities — 交流, 主题日, the 辅导会, training courses
 *   of 97 person-times, the 观摩会 of 122 visitors from 11 streets — and 16 supervision visits in all.
 *
 * Who: 龙岗区's calls are run by the district's staff (吴俊杰, `district.longgang`), who open the rounds,
 * decide and close; 横岗创新园's officer (`staff.henggang`) leads its projects, 布吉创域's (`staff.buji`)
 * 龙岭花开. In 南山区 the demo staff login (周敏, `staff`) works for the district's park and does it all.
 * Mentors and lead staff work for the project's park, or its district when no park coaches it (see
 * WORKPLACES in demo-data.ts): the service functions refuse anyone else.
 *
 * The present is placed around `now` (DemoClock): last year's call counts in calendar months back from
 * this one, this year's call and everything of the last weeks in days back from today, so that on any
 * day it reads as today:
 * - 南山区, last year's call: 反毒馨生 IN_PROGRESS for six months, 16 supervision visits and 6 monthly
 *   reports up to last month, all accepted, adding up to the source's 28 场 / 2595 人次 / 10 名“过来人”;
 *   南头古城“老街坊” IN_PROGRESS for three months, a WARNING visit 12 days ago whose follow-up was due
 *   3 days ago, last month's report RETURNED and not yet resubmitted; this month's reports of both due;
 *   one withdrawn.
 * - 南山区, the open call: the one live round; a first batch decided six days ago (APPROVED and not
 *   started, CONDITIONALLY_APPROVED with a condition open, REVISION_REQUESTED); one UNDER_REVIEW with
 *   the demo evaluator's scorecard due in five days, one UNDER_REVIEW with its review complete and no
 *   decision; one SUBMITTED yesterday; one DRAFT in coaching with an overdue action item.
 */
import { CoachingMode } from '../src/modules/coaching/coaching-session.entity.js';
import { DecisionOutcome } from '../src/modules/decisions/decision.entity.js';
import { Recommendation } from '../src/modules/reviews/review-assignment.entity.js';
import { RoundKind } from '../src/modules/reviews/review-round.entity.js';
import { RiskLevel, VisitKind } from '../src/modules/supervision/supervision-visit.entity.js';
import { ResourceKind } from '../src/modules/resources/resource-offer.entity.js';
import { toFen } from '../src/shared/money.js';
import { inTimeOrder, type DemoActions, type ReportPlan, type VisitPlan } from './demo-actions.js';
import { cst, latest, type DemoClock, type RevisionContent } from './demo-data.js';
import { HENGGANG_GOVERNANCE_VISITS, HENGGANG_ROADSHOW_VISITS, henggang2022, henggangDrafts, playVisits } from './demo-henggang-2022.js';
import { minshengProjects } from './demo-minsheng.js';
import * as P from './demo-proposals.js';
import { PROJECTS } from './demo-proposals.js';

const HOUR = 60 * 60 * 1000;
const later = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);

export async function playDemoStory(s: DemoActions, clock: DemoClock): Promise<void> {
  await minsheng2019(s);
  await governance2022(s);
  await roadshow2022(s);
  await henggang2022(s);
  await nanshanDelivery(s, clock);
  await nanshanOpen(s, clock);
}

// ---------------------------------------------------------------------------------------------
// 龙岗区政府2019年度民生实事: 59 projects, one expert panel, 2020-01-09
// ---------------------------------------------------------------------------------------------

/** The rounds whose rankings the seeder checks, and what must come first. */
export const MINSHENG_ROUND = 'minsheng2019';
export const ROADSHOW_ROUND = 'roadshow2022';
/** The one round open today: the open call's first batch. */
export const OPEN_ROUND = 'nanshanOpen';

const LONGLING_NOTES = {
  public_need: '街区环境秩序和便民服务是居民最关心的问题,需求把握精准。',
  co_governance: '居民、商户、辖区单位共建共治共享机制完整,“三共”理念落到实处。',
  effectiveness: '街区面貌和便民服务改善明显,居民获得感强。',
  innovation: '“一社区一特色”的街区治理模式有示范价值。',
  sustainability: '街区治理公约和议事机制为持续运行提供了制度保障。',
};

async function minsheng2019(s: DemoActions) {
  const panel = ['evaluator3', 'evaluator4', 'evaluator5'];
  const others = minshengProjects();
  // 龙岭花开 was submitted in mid-October, among the others.
  const entries = [
    ...others.slice(0, 22).map((p) => ({ key: p.key, identity: { ...p, program: 'longgang_minsheng' as const }, revision: p.revision, totals: p.totals, notes: undefined as Record<string, string> | undefined })),
    { key: 'longling', identity: PROJECTS.longling, revision: P.longling1, totals: [95.8, 96.4, 97.0] as [number, number, number], notes: LONGLING_NOTES as Record<string, string> },
    ...others.slice(22).map((p) => ({ key: p.key, identity: { ...p, program: 'longgang_minsheng' as const }, revision: p.revision, totals: p.totals, notes: undefined })),
  ];

  const start = cst('2019-09-04 09:30').getTime();
  for (const [i, entry] of entries.entries()) {
    const created = new Date(start + Math.floor((i * 75) / entries.length) * 24 * HOUR + (i % 5) * HOUR);
    await s.create(entry.key, entry.identity, created);
    await s.revise(entry.key, later(created, 26), entry.revision);
    await s.submit(entry.key, later(created, 72));
    // 龙岭 is a 布吉 community: 布吉创域's officer follows its proposal; the district runs the round.
    if (entry.key === 'longling') await s.team('longling', 'staff.buji', later(created, 96), 'staff.buji');
  }

  await s.openRound(MINSHENG_ROUND, 'longgang_minsheng', RoundKind.PROPOSAL, '龙岗区政府2019年度民生实事项目专家评审', 'district.longgang', cst('2020-01-06 10:00'));
  for (const [i, entry] of entries.entries()) {
    await s.assign(MINSHENG_ROUND, entry.key, panel, 'district.longgang', new Date(cst('2020-01-08 09:00').getTime() + i * 2 * 60_000));
  }
  // The panel scores every project on the day of the review.
  for (const [i, entry] of entries.entries()) {
    for (const [e, evaluator] of panel.entries()) {
      const at = new Date(cst('2020-01-09 09:30').getTime() + (i * 7 + e * 2) * 60_000);
      await s.score(MINSHENG_ROUND, entry.key, evaluator, at, entry.totals[e], {
        notes: entry.notes,
        comment: entry.key === 'longling' ? '街区治理“三共”格局成效显著,建议作为全区样板推广。' : undefined,
      });
    }
  }
  await s.closeRound(MINSHENG_ROUND, 'district.longgang', cst('2020-01-09 18:00'));

  // 立项: the district lists the round's top five, all 布吉 projects, among its 2020 民生实事 and funds
  // them as requested; the others are not listed. Each decision cites the API's own leaderboard.
  const requested = new Map(entries.map((entry) => [entry.key, requestedAmount(entry.revision)]));
  const board = await s.ranking(MINSHENG_ROUND, 'district.longgang', cst('2020-01-20 09:00'));
  for (const [i, { key, score, rank }] of board.entries()) {
    const at = new Date(cst('2020-01-20 09:30').getTime() + i * 2 * 60_000);
    const standing = `专家评分${score!.toFixed(1)}分,居59个参评项目第${rank}名`;
    if (rank! <= MINSHENG_FUNDED) {
      await s.decide(key, 'district.longgang', at, {
        outcome: DecisionOutcome.APPROVED, grantAmount: requested.get(key)!,
        rationale: key === 'longling'
          ? `${standing}。街区“三共”治理格局成效显著,列入区政府2020年度民生实事项目,按申请金额资助,由布吉街道组织实施,作为全区街区治理样板推广。`
          : `${standing},列入区政府2020年度民生实事项目,按申请金额资助,由所在街道组织实施。`,
      });
    } else {
      await s.decide(key, 'district.longgang', at, {
        outcome: DecisionOutcome.REJECTED,
        rationale: `${standing},未进入区政府2020年度民生实事项目名单(前${MINSHENG_FUNDED}名)。建议结合专家意见完善方案,纳入社区民生微实事项目库实施,或参加下一年度评审。`,
      });
    }
  }
}

/** How many of the 民生实事 round's 59 projects the district funded: the top five, all 布吉 projects. */
export const MINSHENG_FUNDED = 5;

/** What a revision asks for: the sum of its budget lines, as the API computes it. */
const requestedAmount = (revision: RevisionContent) => revision.budgetLines.reduce((fen, line) => fen + toFen(line.amount), 0) / 100;

// ---------------------------------------------------------------------------------------------
// 2022年龙岗区基层社会治理实践项目 (横岗创新园 coached nine; three are in the demo)
// ---------------------------------------------------------------------------------------------

async function governance2022(s: DemoActions) {
  const t = cst;
  // 守望相助: coached on site, revised, submitted.
  await s.create('danqin', PROJECTS.danqin, t('2022-02-28 09:00'));
  await s.team('danqin', 'staff.henggang', t('2022-02-28 15:00'), 'staff.henggang', ['mentor', 'mentor2']);
  await s.revise('danqin', t('2022-03-01 10:00'), P.danqin1);
  await s.coach('danqin.1', 'danqin', 'mentor', t('2022-03-15 18:00'), {
    heldAt: t('2022-03-15 15:00'), mode: CoachingMode.ON_SITE, durationMinutes: 90, discusses: 1,
    topics: ['服务方式', '隐私保护', '过程资料'],
    notes:
      '走访四联社区,与黄美玲、罗颖讨论第1版方案。单亲父母工作时间紧、顾虑隐私,线下支持小组招募难度大;建议增加线上直播课程,' +
      '主题覆盖情绪管理、亲子沟通和法律权益保障;按月整理活动资料、报送月度服务报告,便于督导跟进。',
    actionItems: [
      { description: '设计12期线上直播课程的主题和讲师安排', due: t('2022-03-22 18:00') },
      { description: '建立月度服务资料报送模板', due: t('2022-03-24 18:00') },
    ],
  });
  await s.actionItemDone('danqin.1', 0, 'applicant.silian', t('2022-03-21 17:00'));
  await s.actionItemDone('danqin.1', 1, 'applicant.silian', t('2022-03-24 11:00'));
  await s.revise('danqin', t('2022-03-25 14:00'), P.danqin2, ['danqin.1']);
  await s.submit('danqin', t('2022-04-08 10:00'));

  // 商户联盟新模式
  await s.create('shanghu', PROJECTS.shanghu, t('2022-03-03 14:00'));
  await s.team('shanghu', 'staff.henggang', t('2022-03-04 10:00'), 'staff.henggang', ['mentor2']);
  await s.revise('shanghu', t('2022-03-05 11:00'), P.shanghu1);
  await s.coach('shanghu.1', 'shanghu', 'mentor2', t('2022-03-20 16:00'), {
    heldAt: t('2022-03-20 10:00'), mode: CoachingMode.ON_SITE, durationMinutes: 120, discusses: 1,
    topics: ['联动机制', '激励措施', '指标设计'],
    notes:
      '到礼耕路走访商户并讨论第1版方案。商户自治需要与社区党委、物业和执法队形成联动,才能解决占道经营反弹的问题;' +
      '建议增加星级商户评选,以荣誉激励商户持续参与,并提高联盟覆盖和议事会场次目标。',
    actionItems: [
      { description: '把商户联盟与社区党委、物业、执法队的联动机制写入方案', due: t('2022-03-28 18:00') },
      { description: '设计星级商户评选办法和激励预算', due: t('2022-03-31 18:00') },
    ],
  });
  await s.actionItemDone('shanghu.1', 0, 'applicant.liuyuenan', t('2022-03-27 16:00'));
  await s.actionItemDone('shanghu.1', 1, 'applicant.liuyuenan', t('2022-03-31 10:00'));
  await s.revise('shanghu', t('2022-04-02 09:30'), P.shanghu2, ['shanghu.1']);
  await s.submit('shanghu', t('2022-04-12 09:00'));

  // 居民共治空间: 经过3次方案修改 — two coaching sessions, each answered by the next revision.
  await s.create('gongzhi', PROJECTS.gongzhi, t('2022-02-24 10:00'));
  await s.team('gongzhi', 'staff.henggang', t('2022-02-24 16:00'), 'staff.henggang', ['mentor']);
  await s.revise('gongzhi', t('2022-02-25 10:00'), P.gongzhi1);
  await s.coach('gongzhi.1', 'gongzhi', 'mentor', t('2022-03-08 19:00'), {
    heldAt: t('2022-03-08 14:30'), mode: CoachingMode.ON_SITE, durationMinutes: 120, discusses: 1,
    topics: ['工作思路', '法治保障与德治', '指标设计'],
    notes:
      '到怡锦社区走访辅导,与蔡文娟、欧阳明讨论第1版方案。方案以场地改造为主,对“谁来议、怎么议、议完怎么办”交代不足。' +
      '建议以“党委领导、部门协同、居民参与、法治保障、德治支撑”为工作思路重写方案,引入社区法律顾问驻点,增加邻里评议等德治活动,' +
      '并把参与居民目标与议事成效挂钩。',
    actionItems: [
      { description: '按“党委领导、部门协同、居民参与、法治保障、德治支撑”重写项目概述和目标', due: t('2022-03-15 18:00') },
      { description: '联系社区法律顾问,确定律师驻点频次和费用', due: t('2022-03-16 18:00') },
    ],
  });
  await s.actionItemDone('gongzhi.1', 0, 'applicant.yijin', t('2022-03-14 16:00'));
  await s.actionItemDone('gongzhi.1', 1, 'applicant.yijin', t('2022-03-16 11:00'));
  await s.revise('gongzhi', t('2022-03-18 15:00'), P.gongzhi2, ['gongzhi.1']);
  await s.coach('gongzhi.2', 'gongzhi', 'mentor', t('2022-03-29 12:00'), {
    heldAt: t('2022-03-29 10:00'), mode: CoachingMode.ONLINE, durationMinutes: 90, discusses: 2,
    topics: ['议事规则', '预算结构', '经验推广'],
    notes:
      '线上辅导第2版方案。工作思路已经清晰,但居民议事会缺少规则,场地改造预算偏高。建议制定《居民议事规则》,议事会增加到每月1次以上;' +
      '与社区党群服务中心协调可调用的家具,调减改造预算;作为区级重点推荐项目,补充现场观摩与经验推广的安排和指标。',
    actionItems: [
      { description: '起草《居民议事规则》并征求居民代表意见', due: t('2022-04-04 18:00') },
      { description: '与党群服务中心确认可提供的家具,调减改造预算', due: t('2022-04-02 18:00') },
      { description: '补充现场观摩与经验推广活动及指标', due: t('2022-04-05 18:00') },
    ],
  });
  await s.actionItemDone('gongzhi.2', 1, 'applicant.yijin', t('2022-04-01 15:00'));
  await s.actionItemDone('gongzhi.2', 0, 'applicant.yijin', t('2022-04-03 10:00'));
  await s.actionItemDone('gongzhi.2', 2, 'applicant.yijin', t('2022-04-05 10:00'));
  await s.revise('gongzhi', t('2022-04-06 11:00'), P.gongzhi3, ['gongzhi.2']);
  await s.submit('gongzhi', t('2022-04-10 16:00'));

  // 立项评审
  const panel = ['evaluator2', 'evaluator3', 'evaluator4'];
  await s.openRound('gov2022', 'longgang_governance', RoundKind.PROPOSAL, '2022年龙岗区基层社会治理实践项目立项评审', 'district.longgang', t('2022-04-16 09:00'));
  await s.assign('gov2022', 'danqin', panel, 'district.longgang', t('2022-04-16 09:30'));
  await s.assign('gov2022', 'shanghu', panel, 'district.longgang', t('2022-04-16 09:40'));
  await s.assign('gov2022', 'gongzhi', panel, 'district.longgang', t('2022-04-16 09:50'));
  const proposalScores: [string, number[]][] = [['danqin', [87.0, 88.5, 90.0]], ['gongzhi', [91.0, 92.5, 94.0]], ['shanghu', [86.0, 87.5, 89.5]]];
  for (const [p, [key, totals]] of proposalScores.entries()) {
    for (const [e, evaluator] of panel.entries()) {
      await s.score('gov2022', key, evaluator, new Date(t('2022-04-17 09:30').getTime() + e * 3 * HOUR + p * 40 * 60_000), totals[e]);
    }
  }
  await s.decide('danqin', 'district.longgang', t('2022-04-19 10:00'), {
    outcome: DecisionOutcome.APPROVED, grantAmount: 89_000,
    rationale: '以线上直播课程覆盖工作繁忙、顾虑隐私的单亲父母,设计贴合需求,指标清晰,同意按申请金额立项。',
  });
  await s.decide('gongzhi', 'district.longgang', t('2022-04-19 10:30'), {
    outcome: DecisionOutcome.APPROVED, grantAmount: 108_000,
    rationale: '工作思路清晰,议事规则完善,作为区级重点推荐项目立项,按申请金额资助。',
  });
  await s.decide('shanghu', 'district.longgang', t('2022-04-19 11:00'), {
    outcome: DecisionOutcome.APPROVED, grantAmount: 60_000,
    rationale: '同意立项。星级商户评选的激励从简,以荣誉激励为主,核定资助60000元。',
  });
  await s.closeRound('gov2022', 'district.longgang', t('2022-04-19 11:30'));
  await s.startDelivery('danqin', 'district.longgang', t('2022-04-20 09:00'));
  await s.startDelivery('gongzhi', 'district.longgang', t('2022-05-05 09:00'));
  await s.startDelivery('shanghu', 'district.longgang', t('2022-05-05 09:30'));

  // 督导: visits, follow-ups and monthly reports, in the order they happened.
  const steps: { at: Date; run: () => Promise<void> }[] = [];
  const visit = (key: string, project: string, visitor: string, at: Date, plan: VisitPlan) =>
    steps.push({ at, run: () => s.visit(key, project, visitor, at, later(at, 2), plan) });
  const closeFollowUp = (key: string, by: string, at: Date, resolution: string) =>
    steps.push({ at, run: () => s.closeFollowUp(key, by, at, resolution) });
  const report = (project: string, plan: ReportPlan, acceptedBy: string) => {
    const [year, month] = plan.period.split('-').map(Number);
    const submitted = new Date(Date.UTC(year, month, 5, 2)); // the 5th of the next month, 10:00 CST
    const accepted = later(submitted, 77);
    steps.push({ at: submitted, run: () => s.submitReport(project, submitted, plan) });
    steps.push({ at: accepted, run: () => s.acceptReport(project, plan.period, acceptedBy, accepted) });
  };

  // 守望相助: “通过实地走访及参与线上直播课程的方式督导项目开展,报送报告及活动月度服务资料6份”.
  visit('danqin.v1', 'danqin', 'mentor', t('2022-05-20 20:00'), {
    kind: VisitKind.ONLINE_CHECK, riskLevel: RiskLevel.NORMAL,
    findings: '参与第1期线上直播课程“离异后的情绪调适”,在线家长41人,互动积极;建议课后整理问答,形成常见问题清单。',
  });
  visit('danqin.v2', 'danqin', 'district.longgang', t('2022-06-15 10:00'), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.ATTENTION,
    findings: '检查服务档案和支持小组记录:30户家庭档案齐全,2户高风险家庭已转介心理咨询;第2期支持小组部分签到表缺少家长签名。',
    followUps: [{ description: '补齐第2期支持小组签到表的家长签名', due: t('2022-06-30 18:00') }],
  });
  closeFollowUp('danqin.v2/0', 'district.longgang', t('2022-06-28 16:00'), '已补齐签到表,并在小组活动中改用签到与满意度评估一体的表单。');
  visit('danqin.v3', 'danqin', 'mentor', t('2022-07-23 10:00'), {
    kind: VisitKind.ACTIVITY_OBSERVATION, riskLevel: RiskLevel.NORMAL,
    findings: '观摩亲子户外拓展活动,18个家庭参加,亲子互动明显改善;社工对活动中情绪波动的孩子处理得当。',
  });
  visit('danqin.v4', 'danqin', 'mentor', t('2022-08-18 20:00'), {
    kind: VisitKind.ONLINE_CHECK, riskLevel: RiskLevel.NORMAL,
    findings: '参与线上直播课程“单亲家庭的法律与权益保障”,律师讲解抚养费、探视权等问题,在线56人,课后答疑30分钟。',
  });
  visit('danqin.v5', 'danqin', 'district.longgang', t('2022-09-21 10:00'), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.NORMAL,
    findings: '结项前核查:各项指标已完成,月度服务资料齐全,支出与预算相符;建议整理个案和小组案例,准备结项评估。',
  });
  const danqinMonths: [string, string, number, number, number, number, number, number, number, number, number][] = [
    // period, what was done, sessions, person-times, households, groups, live courses, volunteers, hours, satisfaction, spending
    ['2022-04', '需求调研与建档,通过社区网格和妇联渠道识别服务对象', 3, 86, 21, 0, 0, 4, 18, 91.5, 8_200],
    ['2022-05', '情感增能支持小组第1期、线上直播课程2期、个案陪伴', 6, 142, 6, 2, 2, 6, 32, 92.0, 14_300],
    ['2022-06', '支持小组第2期、线上直播课程2期、亲子绘本阅读', 6, 168, 3, 2, 2, 8, 41.5, 93.4, 15_600],
    ['2022-07', '支持小组第3期、线上直播课程3期、亲子户外拓展', 7, 175, 0, 2, 3, 8, 46, 94.0, 16_800],
    ['2022-08', '支持小组第4期、线上直播课程2期、法律权益讲座', 6, 190, 0, 2, 2, 9, 44, 92.8, 15_200],
    ['2022-09', '线上直播课程3期、个案回访与结项资料整理', 5, 164, 0, 0, 3, 9, 36.5, 95.1, 13_900],
  ];
  for (const [period, done, sessions, personTimes, households, groups, courses, volunteers, hours, rate, spending] of danqinMonths) {
    report('danqin', {
      period, sessionsHeld: sessions, personTimes, volunteers, volunteerHours: hours, satisfactionRate: rate, spending,
      narrative: `${period.replace('-', '年')}月:${done};共开展${sessions}场活动,服务${personTimes}人次。`,
      indicatorActuals: [
        { name: '服务家庭', actual: households },
        { name: '服务人次', actual: personTimes },
        { name: '支持小组活动', actual: groups },
        { name: '线上直播课程', actual: courses },
        { name: '月度服务报告', actual: 1 },
        { name: '服务对象满意度', actual: rate },
      ],
    }, 'district.longgang');
  }

  // 居民共治空间
  visit('gongzhi.v1', 'gongzhi', 'mentor', t('2022-06-20 10:00'), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.NORMAL,
    findings: '共治空间改造完成,议事区、调解室和居民意见墙已投入使用;首次居民议事会议定了小区停车秩序问题的处理办法。',
  });
  visit('gongzhi.v2', 'gongzhi', 'district.longgang', t('2022-09-15 19:30'), {
    kind: VisitKind.ACTIVITY_OBSERVATION, riskLevel: RiskLevel.NORMAL,
    findings: '观摩居民议事会:按《居民议事规则》规范议事,驻点律师现场解答物业费争议。议事结果尚未公示,居民不清楚办理进度。',
    followUps: [{ description: '议事事项的办理结果在居民意见墙和小区群公示', due: t('2022-09-30 18:00') }],
  });
  closeFollowUp('gongzhi.v2/0', 'mentor', t('2022-09-29 15:00'), '已建立议事事项台账,办理结果每两周在意见墙和小区群公示。');
  visit('gongzhi.v3', 'gongzhi', 'staff.henggang', t('2022-12-08 09:00'), {
    kind: VisitKind.ACTIVITY_OBSERVATION, riskLevel: RiskLevel.NORMAL,
    findings: '区基层社会治理工作领导小组办公室在怡锦社区共治空间举办现场观摩会,分4批次共接待全区11个街道122人次参与观摩。',
  });
  // 商户联盟新模式
  visit('shanghu.v1', 'shanghu', 'mentor2', t('2022-06-10 10:00'), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.NORMAL,
    findings: '商户联盟已吸纳54家商户,签订“门前三包”责任书;商户议事会运转正常。',
  });
  visit('shanghu.v2', 'shanghu', 'district.longgang', t('2022-07-06 15:00'), {
    kind: VisitKind.ACTIVITY_OBSERVATION, riskLevel: RiskLevel.NORMAL,
    findings: '区委主要领导一行到礼耕路调研项目,肯定“党建引领,社区共治,商户自治,多方共赢”的做法。',
  });
  visit('shanghu.v3', 'shanghu', 'mentor2', t('2022-09-14 21:00'), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.ATTENTION,
    findings: '夜间走访:部分商户“门前三包”执行松懈,夜间占道经营有反弹。',
    followUps: [{ description: '商户议事会专题讨论夜间占道经营,联合执法队开展劝导', due: t('2022-09-30 18:00') }],
  });
  closeFollowUp('shanghu.v3/0', 'mentor2', t('2022-09-28 17:00'), '商户议事会修订公约,增加夜间轮值劝导;联合执法队劝导两周后占道经营明显减少。');
  // 横岗创新园's officer's own rounds (demo-henggang-2022.ts): with the others, “走访督导社区16轮” in 2022.
  for (const planned of HENGGANG_GOVERNANCE_VISITS) steps.push({ at: planned.at, run: () => playVisits(s, [planned]) });
  visit('shanghu.v4', 'shanghu', 'district.longgang', t('2022-11-16 10:00'), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.NORMAL,
    findings: '星级商户评选完成,22家商户获评;各项指标已完成,可以准备结项。',
  });
  // 结项评估: 守望相助 passed in October 2022 (“于2022年10月已顺利通过结项评估”); the other two had “completed every
  // indicator” by the year's end: 商户联盟 (opened in December) and 居民共治空间 passed in January 2023.
  const closingPanel = ['evaluator2', 'evaluator3', 'evaluator4'];
  const step = (at: string, run: (at: Date) => Promise<void>) => steps.push({ at: t(at), run: () => run(t(at)) });
  const closingScore = (project: string, evaluator: string, at: string, total: number, comment?: string) =>
    step(at, (when) => s.score('gov2022.closing', project, evaluator, when, total, comment ? { comment } : {}));
  step('2022-10-10 09:00', (at) => s.openClosing('danqin', 'district.longgang', at));
  step('2022-10-10 09:30', (at) => s.openRound('gov2022.closing', 'longgang_governance', RoundKind.CLOSING, '2022年龙岗区基层社会治理实践项目结项评估', 'district.longgang', at));
  step('2022-10-10 10:00', (at) => s.assign('gov2022.closing', 'danqin', closingPanel, 'district.longgang', at));
  closingScore('danqin', 'evaluator2', '2022-10-18 10:00', 86.5, '指标全部完成,线上直播课程的做法值得推广。');
  closingScore('danqin', 'evaluator3', '2022-10-19 15:00', 88.0, '指标全部完成,线上直播课程的做法值得推广。');
  closingScore('danqin', 'evaluator4', '2022-10-20 09:30', 90.9, '指标全部完成,线上直播课程的做法值得推广。');
  step('2022-10-25 10:00', (at) => s.close('danqin', 'district.longgang', at));
  step('2022-12-20 10:00', (at) => s.openClosing('shanghu', 'district.longgang', at));
  step('2022-12-20 11:00', (at) => s.assign('gov2022.closing', 'shanghu', ['evaluator3', 'evaluator4', 'evaluator5'], 'district.longgang', at));
  closingScore('shanghu', 'evaluator3', '2022-12-28 15:00', 89.0);
  closingScore('shanghu', 'evaluator4', '2023-01-05 10:00', 88.0);
  closingScore('shanghu', 'evaluator5', '2023-01-06 15:00', 90.5, '“党建引领,社区共治,商户自治,多方共赢”的做法有推广价值,夜间占道经营的反弹处置及时。');
  step('2023-01-09 09:00', (at) => s.openClosing('gongzhi', 'district.longgang', at));
  step('2023-01-09 10:00', (at) => s.assign('gov2022.closing', 'gongzhi', closingPanel, 'district.longgang', at));
  step('2023-01-10 10:00', (at) => s.close('shanghu', 'district.longgang', at));
  closingScore('gongzhi', 'evaluator2', '2023-01-12 10:00', 93.0);
  closingScore('gongzhi', 'evaluator3', '2023-01-13 15:00', 91.5);
  closingScore('gongzhi', 'evaluator4', '2023-01-16 09:30', 94.5, '议事规则完善,区级现场观摩会接待122人次,“居民共治空间”的经验值得全区推广。');
  step('2023-01-18 10:00', (at) => s.close('gongzhi', 'district.longgang', at));
  step('2023-01-18 17:00', (at) => s.closeRound('gov2022.closing', 'district.longgang', at));
  await inTimeOrder(steps);
}

// ---------------------------------------------------------------------------------------------
// 龙岗区2022年社区社会组织优秀项目公益创投大赛: “累计辅导8个项目,成功申报5个项目” — the five 横岗 entries
// ---------------------------------------------------------------------------------------------

async function roadshow2022(s: DemoActions) {
  const t = cst;
  await s.create('jingju', PROJECTS.jingju, t('2022-05-18 10:00'));
  await s.team('jingju', 'staff.henggang', t('2022-05-18 15:00'), 'staff.henggang', ['mentor2']);
  await s.revise('jingju', t('2022-05-20 15:30'), P.jingju1);
  await s.coach('jingju.1', 'jingju', 'mentor2', t('2022-06-02 18:00'), {
    heldAt: t('2022-06-02 14:00'), mode: CoachingMode.ON_SITE, durationMinutes: 150, discusses: 1,
    topics: ['公益创投项目设计', '青少年参与', '预算'],
    notes:
      '横岗创新园“社区社会组织如何设计公益创投项目”辅导会后,对《京剧唱响六约北》第1版方案单独辅导。建议增加京剧进校园,吸引青少年参与;' +
      '戏服租借费用高且不可持续,可改为购置基础戏服由京剧队长期保管;补充京剧队参与社区议事和志愿服务的目标。',
    actionItems: [
      { description: '联系辖区小学,确定京剧进校园的安排', due: t('2022-06-08 18:00') },
      { description: '比较戏服租借与购置的费用', due: t('2022-06-08 18:00') },
    ],
  });
  await s.actionItemDone('jingju.1', 1, 'applicant.liuyuebei', t('2022-06-07 16:00'));
  await s.actionItemDone('jingju.1', 0, 'applicant.liuyuebei', t('2022-06-08 11:00'));
  await s.revise('jingju', t('2022-06-10 16:00'), P.jingju2, ['jingju.1']);
  await s.submit('jingju', t('2022-06-20 17:00'));

  // All five were drafted before 横岗创新园's 2022-06-02 辅导会, which coached them (demo-henggang-2022.ts).
  const entries: [P.ProjectKey, RevisionContent, string, string][] = [
    ['chaguo', P.chaguo1, '2022-05-25 10:00', '2022-06-24 10:00'],
    ['xiaodaren', P.xiaodaren1, '2022-05-26 15:00', '2022-06-25 11:00'],
    ['paotui', P.paotui1, '2022-05-31 14:00', '2022-06-28 09:30'],
    ['fanzha', P.fanzha1, '2022-06-01 10:00', '2022-06-27 16:00'],
  ];
  for (const [key, revision, created, submitted] of entries) {
    await s.create(key, PROJECTS[key], t(created));
    await s.team(key, 'staff.henggang', later(t(created), 20), 'staff.henggang');
    await s.revise(key, later(t(created), 50), revision);
    await s.submit(key, t(submitted));
  }
  // …and three that the 辅导会 coached too but never applied: “累计辅导8个项目,成功申报5个项目”.
  await henggangDrafts(s);

  // 路演: five evaluators; the trimmed mean drops each project's highest and lowest total.
  const panel = ['evaluator', 'evaluator2', 'evaluator3', 'evaluator4', 'evaluator5'];
  await s.openRound(ROADSHOW_ROUND, 'longgang_roadshow', RoundKind.PROPOSAL, '龙岗区2022年社区社会组织优秀项目公益创投大赛路演', 'district.longgang', t('2022-07-08 10:00'));
  const totals: [string, number[]][] = [
    ['jingju', [95.0, 97.0, 93.5, 95.5, 94.5]],
    ['fanzha', [89.0, 86.0, 92.0, 88.5, 90.5]],
    ['chaguo', [87.5, 90.0, 84.5, 88.0, 86.0]],
    ['xiaodaren', [86.0, 82.0, 89.5, 85.5, 87.0]],
    ['paotui', [74.5, 80.5, 70.5, 76.0, 73.0]],
  ];
  for (const [i, [key]] of totals.entries()) await s.assign(ROADSHOW_ROUND, key, panel, 'district.longgang', new Date(t('2022-07-12 10:00').getTime() + i * 600_000));
  for (const [i, [key, scores]] of totals.entries()) {
    for (const [e, evaluator] of panel.entries()) {
      const at = new Date(t('2022-07-15 09:30').getTime() + (i * 25 + e * 3) * 60_000);
      await s.score(ROADSHOW_ROUND, key, evaluator, at, scores[e], key === 'jingju' ? { comment: '以京剧凝聚居民、带动青少年参与,路演表现突出。' } : {});
    }
  }
  await s.decide('jingju', 'district.longgang', t('2022-07-25 10:00'), {
    outcome: DecisionOutcome.APPROVED, grantAmount: 46_000,
    rationale: '路演评分第一名,按申请金额资助,并推荐至龙岗区“民生微实事·大盆菜”服务类项目库。',
  });
  // “并推荐至龙岗区‘民生微实事·大盆菜’服务类项目库”: the operations report counts it.
  await s.recommend('jingju', 'district.longgang', t('2022-07-25 10:05'), '龙岗区“民生微实事·大盆菜”服务类项目库', '路演评分第一名。');
  await s.decide('fanzha', 'district.longgang', t('2022-07-25 10:10'), { outcome: DecisionOutcome.APPROVED, grantAmount: 35_000, rationale: '同意立项。' });
  await s.decide('chaguo', 'district.longgang', t('2022-07-25 10:20'), { outcome: DecisionOutcome.APPROVED, grantAmount: 38_000, rationale: '同意立项。' });
  await s.decide('xiaodaren', 'district.longgang', t('2022-07-25 10:30'), {
    outcome: DecisionOutcome.REJECTED,
    rationale:
      '路演评分第4名,未进入本届大赛的资助名单。儿童议事会的设计有新意,但儿童提案落实所需的微改造经费来源不明确;' +
      '建议与社区居民议事会和“民生微实事”项目衔接后,参加下一年度大赛。',
  });
  await s.decide('paotui', 'district.longgang', t('2022-07-25 10:40'), {
    outcome: DecisionOutcome.REJECTED,
    rationale:
      '路演评分未进入资助范围。送餐服务与区民政局长者助餐补贴项目内容重叠,志愿者补贴占预算一半以上,可持续性不足;' +
      '建议与长者饭堂运营方合作,以志愿服务积分代替现金补贴后,参加下一年度大赛。',
  });
  await s.closeRound(ROADSHOW_ROUND, 'district.longgang', t('2022-07-25 11:00'));
  for (const key of ['jingju', 'fanzha', 'chaguo']) await s.startDelivery(key, 'district.longgang', t('2022-08-01 09:00'));
  await s.visit('jingju.v1', 'jingju', 'mentor2', t('2022-09-28 19:30'), t('2022-09-28 22:00'), {
    kind: VisitKind.ACTIVITY_OBSERVATION, riskLevel: RiskLevel.NORMAL,
    findings: '观摩国庆京剧汇演:京剧队与辖区小学学生同台演出《报灯名》等唱段,观众约300人次;京剧队已有22名骨干队员。',
  });
  await playVisits(s, HENGGANG_ROADSHOW_VISITS);
  // December 2022: the first wave of infections stops the workshops, whose cooks and guests are elderly.
  await s.terminate('chaguo', 'district.longgang', t('2023-01-05 10:00'),
    '2022年12月社区疫情感染高峰,茶果工作坊和春节茶果分享会都要多人共同制作、分享食物,参与的客家老人多为高龄人群,活动全部暂停;' +
    '剩余4期工作坊和春节分享会无法在资助期内完成。经区民政局同意终止项目,已完成的8期工作坊和口述史采编按实际支出结算,结余资金退回。');

  // 结项评估, March 2023: the same panel of five, the same trimmed mean.
  const closing = 'roadshow2022.closing';
  await s.openRound(closing, 'longgang_roadshow', RoundKind.CLOSING, '龙岗区2022年社区社会组织优秀项目公益创投大赛结项评估', 'district.longgang', t('2023-03-06 09:00'));
  const closingTotals: [string, number[], string][] = [
    ['jingju', [93.5, 95.0, 92.0, 94.5, 91.5], '京剧队发展到22名骨干队员,京剧进校园带动了青少年参与,指标全部完成,可作为社区文化类项目的示范。'],
    ['fanzha', [86.0, 88.5, 84.0, 87.5, 89.0], '宣讲和入户任务全部完成,党员志愿队可持续运转;建议把反诈案例短视频纳入社区常态宣传。'],
  ];
  for (const [i, [key]] of closingTotals.entries()) {
    const opened = new Date(t('2023-03-06 09:30').getTime() + i * 600_000);
    await s.openClosing(key, 'district.longgang', opened);
    await s.assign(closing, key, panel, 'district.longgang', later(opened, 1));
  }
  for (const [i, [key, scores, comment]] of closingTotals.entries()) {
    for (const [e, evaluator] of panel.entries()) {
      await s.score(closing, key, evaluator, new Date(t('2023-03-09 09:30').getTime() + (e * 24 + i) * HOUR), scores[e], e === 0 ? { comment } : {});
    }
  }
  await s.close('jingju', 'district.longgang', t('2023-03-16 10:00'));
  await s.close('fanzha', 'district.longgang', t('2023-03-16 10:30'));
  await s.closeRound(closing, 'district.longgang', t('2023-03-16 17:00'));
}

// ---------------------------------------------------------------------------------------------
// 南山区, last year's call: in delivery now (dates relative to today, see DemoClock.month)
// ---------------------------------------------------------------------------------------------

async function nanshanDelivery(s: DemoActions, clock: DemoClock) {
  const m = (offset: number, day: number, time = '10:00') => clock.month(offset, day, time);
  const d = (days: number, time = '10:00') => clock.daysAgo(days, time);

  await s.create('fandu', PROJECTS.fandu, m(-10, 4));
  await s.team('fandu', 'staff', m(-10, 4, '16:00'), 'staff', ['mentor']);
  await s.revise('fandu', m(-10, 6, '15:00'), P.fandu1);
  await s.create('laojiefang', PROJECTS.laojiefang, m(-10, 8));
  await s.team('laojiefang', 'staff', m(-10, 9), 'staff');
  await s.create('jiuye', PROJECTS.jiuye, m(-10, 10));
  await s.team('jiuye', 'staff', m(-10, 11), 'staff');
  await s.revise('laojiefang', m(-10, 12, '15:00'), P.laojiefang1);
  await s.revise('jiuye', m(-10, 15, '15:00'), P.jiuye1);
  await s.coach('fandu.1', 'fandu', 'mentor', m(-10, 20, '18:30'), {
    heldAt: m(-10, 20, '15:00'), mode: CoachingMode.ON_SITE, durationMinutes: 120, discusses: 1,
    topics: ['成效指标', '志愿者管理', '课程体系'],
    notes:
      '与何晓琳及两位禁毒社工讨论第1版方案。课程体系完整,但成效指标偏保守,志愿者管理缺少标准。建议增加生命故事剧场,' +
      '以“过来人”的亲身经历提升宣讲感染力;培育目标提高到10名,进社区进校园宣讲提高到10场;形成一套志愿者培训管理和考核标准体系,作为可推广的成果。',
    actionItems: [
      { description: '测算加入生命故事剧场后的活动场次和服务人次', due: m(-10, 27) },
      { description: '起草志愿者培训管理和考核标准的框架', due: m(-9, 3) },
    ],
  });
  await s.actionItemDone('fandu.1', 0, 'applicant', m(-10, 26, '17:00'));
  await s.actionItemDone('fandu.1', 1, 'applicant', m(-9, 2, '11:00'));
  await s.revise('fandu', m(-9, 8), P.fandu2, ['fandu.1']);
  await s.submit('fandu', m(-9, 12, '16:00'));
  await s.withdraw('jiuye', 'applicant', m(-9, 20, '11:00'),
    '与区禁毒办今年购买的社区戒毒康复服务内容重复;经与项目官员沟通,撤回申报,就业支持内容并入“反毒馨生”项目的团队建设环节。');
  await s.submit('laojiefang', m(-9, 25, '15:00'));

  // 立项评审 (blind review: evaluators never see who applied)
  await s.openRound('nanshanDelivery', 'nanshan_delivery', RoundKind.PROPOSAL, `${s.programYear('nanshan_delivery')}年度立项评审`, 'staff', m(-8, 5, '09:00'));
  await s.assign('nanshanDelivery', 'fandu', ['evaluator', 'evaluator2', 'evaluator3'], 'staff', m(-8, 5, '10:00'));
  await s.assign('nanshanDelivery', 'laojiefang', ['evaluator', 'evaluator4', 'evaluator5'], 'staff', m(-8, 5, '10:10'));
  await s.score('nanshanDelivery', 'fandu', 'evaluator', m(-8, 10), 92.0, {
    notes: { innovation: '以戒毒“过来人”现身说法开展禁毒宣传,模式新颖,有推广价值。' },
    comment: '建议同意立项;注意“过来人”志愿者的隐私保护和复吸风险管理。',
  });
  await s.score('nanshanDelivery', 'laojiefang', 'evaluator', m(-8, 10, '15:00'), 84.5);
  await s.score('nanshanDelivery', 'fandu', 'evaluator2', m(-8, 11), 90.5);
  await s.score('nanshanDelivery', 'fandu', 'evaluator3', m(-8, 12), 93.5);
  await s.score('nanshanDelivery', 'laojiefang', 'evaluator4', m(-8, 13), 82.0);
  await s.score('nanshanDelivery', 'laojiefang', 'evaluator5', m(-8, 14), 85.0);
  await s.decide('fandu', 'staff', m(-7, 15), {
    outcome: DecisionOutcome.APPROVED, grantAmount: 126_600,
    rationale: '以“过来人”现身说法开展禁毒宣传,模式新颖,成效指标清晰,同意按申请金额立项。',
  });
  await s.decide('laojiefang', 'staff', m(-7, 15, '10:30'), {
    outcome: DecisionOutcome.APPROVED, grantAmount: 80_000,
    rationale: '同意立项。南头古城片区的更新规划尚未公布,待街道确认服务对象稳定后再启动。',
  });
  await s.closeRound('nanshanDelivery', 'staff', m(-7, 15, '17:00'));
  await s.startDelivery('fandu', 'staff', m(-6, 3, '09:00'));
  // The street confirmed that the old town would not be cleared “for now”; the project started three months ago.
  await s.startDelivery('laojiefang', 'staff', m(-3, 3, '09:30'));

  // 资源对接 (DEMO VALUE: the sources name no sponsor): a company's sponsorship brokered for 反毒馨生's
  // 生命故事剧场, delivered; the street's hall offered to 老街坊, proposed days ago and awaiting 何晓琳.
  await s.offer('sponsor', 'staff', m(-5, 6), 'nanshan', {
    kind: ResourceKind.ENTERPRISE, title: '禁毒宣传公益赞助', providerName: '深圳市南头科技有限公司', value: 8_000,
    terms: '赞助社区禁毒宣传活动的物资与演出费用,活动中致谢企业,不作商业推广。',
  });
  await s.need('fandu.theatre', 'fandu', 'applicant', m(-5, 8), {
    kind: ResourceKind.FUNDING, description: '生命故事剧场进社区演出6场,需要道具、音响租赁和宣传物资费用。', valueSought: 8_000,
  });
  await s.proposeMatch('fandu.sponsor', 'sponsor', 'fandu', 'fandu.theatre', 'staff', m(-5, 10), '企业赞助可覆盖剧场6场演出的道具和音响租赁。');
  await s.acceptMatch('fandu.sponsor', 'applicant', m(-5, 11, '15:00'));
  await s.deliverMatch('fandu.sponsor', 'staff', m(-4, 20), 8_000, '赞助款已用于6场演出的道具和音响,企业在演出中获致谢。');
  await s.offer('hall', 'staff', d(9), 'nanshan', {
    kind: ResourceKind.VENUE, title: '南头街道党群服务中心多功能厅', providerName: '南头街道党群服务中心', value: 0,
    terms: '工作日白天免费使用,提前一周预约;可容纳60人。',
  });
  await s.proposeMatch('laojiefang.hall', 'hall', 'laojiefang', null, 'staff', d(6), '长者茶话会和健康讲座可以用多功能厅,离古城步行十分钟。');

  const steps: { at: Date; run: () => Promise<void> }[] = [];
  const visit = (key: string, project: string, visitor: string, at: Date, plan: VisitPlan) =>
    steps.push({ at, run: () => s.visit(key, project, visitor, at, later(at, 3), plan) });
  const closeFollowUp = (key: string, by: string, at: Date, resolution: string) =>
    steps.push({ at, run: () => s.closeFollowUp(key, by, at, resolution) });
  // Monthly service reports are due by the end of the month they cover: submitted on the 25th, accepted on the 27th.
  const report = (project: string, offset: number, plan: Omit<ReportPlan, 'period'>) => {
    const submitted = m(offset, 25, '16:00');
    steps.push({ at: submitted, run: () => s.submitReport(project, submitted, { period: clock.period(offset), ...plan }) });
  };
  const accept = (project: string, offset: number) => {
    const accepted = m(offset, 27, '15:00');
    steps.push({ at: accepted, run: () => s.acceptReport(project, clock.period(offset), 'staff', accepted) });
  };
  const narrative = (offset: number, done: string, sessions: number, personTimes: number) =>
    `${clock.period(offset).replace('-', '年')}月:${done};共开展${sessions}场活动,服务${personTimes}人次。`;

  // 反毒馨生: 走访督导16轮 by the project officer and the mentor, alternating; the last two this month.
  const fanduVisits: [Date, VisitKind, string, RiskLevel, { description: string; due: Date; closed: [Date, string] | null }[]][] = [
    [m(-6, 6), VisitKind.SITE_VISIT, '项目启动会暨“过来人”志愿者面谈:与戒毒所共同面谈12名候选人,确定10名培育对象;服务档案齐全。', RiskLevel.NORMAL, []],
    [m(-6, 20), VisitKind.ACTIVITY_OBSERVATION, '观摩生涯规划工作坊第1期:10名“过来人”全部到场,社工引导梳理个人经历;个别成员情绪起伏较大,需要一对一跟进。', RiskLevel.NORMAL,
      [{ description: '为每名“过来人”建立一对一跟进记录', due: m(-5, 10), closed: [m(-5, 8, '16:00'), '已为10名“过来人”建立跟进记录,社工每两周面谈一次。'] }]],
    [m(-5, 6), VisitKind.SITE_VISIT, '检查培训台账:工作坊签到表和课后评估表有缺漏。', RiskLevel.NORMAL,
      [{ description: '补齐前两个月的培训签到表与课后评估表', due: m(-5, 20), closed: [m(-5, 18, '15:00'), '已补齐,并改用电子签到和评估。'] }]],
    [m(-5, 20), VisitKind.ACTIVITY_OBSERVATION, '观摩历奇工作坊:团队信任和协作明显提升,“过来人”开始主动分享。', RiskLevel.NORMAL, []],
    [m(-4, 6), VisitKind.ONLINE_CHECK, '线上抽查服务记录与月报数据,场次、人次与签到记录一致。', RiskLevel.NORMAL, []],
    [m(-4, 13), VisitKind.SITE_VISIT, '两名“过来人”因工作时间冲突连续缺席两次培训,有流失风险。', RiskLevel.ATTENTION,
      [{ description: '制定志愿者回访与激励方案,把培训调整到周末', due: m(-4, 27), closed: [m(-4, 25, '17:00'), '培训改到周六上午,增加交通补贴和月度之星表彰;两名志愿者已恢复参加。'] }]],
    [m(-4, 20), VisitKind.ACTIVITY_OBSERVATION, '观摩生命故事剧场排练:剧本由“过来人”共同创作,真实感强,个别情节需注意保护当事人隐私。', RiskLevel.NORMAL, []],
    [m(-3, 6), VisitKind.ACTIVITY_OBSERVATION, '观摩生命故事剧场社区首演:观众约180人次,反响热烈,演后交流环节居民提问踊跃。', RiskLevel.NORMAL, []],
    [m(-3, 20), VisitKind.SITE_VISIT, '检查演讲技巧培训:10名“过来人”已完成个人禁毒故事稿并通过试讲。', RiskLevel.NORMAL, []],
    [m(-2, 6), VisitKind.ACTIVITY_OBSERVATION, '观摩第一场禁毒宣讲进校园:学生互动积极;宣讲前未向学校和街道禁毒办报备活动方案。', RiskLevel.NORMAL,
      [{ description: '进校园宣讲前向学校和街道禁毒办报备,并留存影像与签到资料', due: m(-2, 15), closed: [m(-2, 14, '11:00'), '已建立报备流程,后续宣讲均提前一周报备并归档影像资料。'] }]],
    [m(-2, 13), VisitKind.ONLINE_CHECK, '线上核对月报与活动影像资料,数据一致。', RiskLevel.NORMAL, []],
    [m(-2, 20), VisitKind.ACTIVITY_OBSERVATION, '观摩禁毒宣讲进社区:“过来人”现身说法感染力强,居民互动踊跃。', RiskLevel.NORMAL, []],
    [m(-1, 6), VisitKind.SITE_VISIT, '财务抽查:支出与预算一致,志愿者补贴发放签收齐全。', RiskLevel.NORMAL, []],
    [m(-1, 16), VisitKind.ACTIVITY_OBSERVATION, '观摩团队建设活动:10名“过来人”全部在岗,队伍稳定。', RiskLevel.NORMAL, []],
    [d(9), VisitKind.SITE_VISIT, '中期评估座谈:已开展28场活动、服务2595人次,培育10名“过来人”,完成10场进社区进校园宣讲,各项指标已完成。', RiskLevel.NORMAL, []],
    [d(2), VisitKind.SITE_VISIT, '商定下一阶段工作:巩固志愿者队伍,总结培育经验。', RiskLevel.NORMAL,
      [{ description: '汇编《“过来人”禁毒志愿者培育手册》,附培训管理和考核标准体系的实施案例', due: d(-26), closed: null }]],
  ];
  fanduVisits.forEach(([at, kind, findings, riskLevel, followUps], i) => {
    const key = `fandu.v${i + 1}`;
    visit(key, 'fandu', i % 2 === 0 ? 'staff' : 'mentor', at, { kind, findings, riskLevel, followUps });
    followUps.forEach((f, j) => { if (f.closed) closeFollowUp(`${key}/${j}`, i % 2 === 0 ? 'staff' : 'mentor', f.closed[0], f.closed[1]); });
  });

  // 报送月度服务资料6份, one a month up to last month: together 28 场, 2595 人次, 10 名“过来人”, 10 场宣讲,
  // 1 套标准体系, 满意度 90% 以上. This month's is not in yet.
  const fanduMonths: [string, number, number, number, number, number, number, number, number][] = [
    // what was done, sessions, person-times, trained, talks, standard, hours, satisfaction, spending
    ['“过来人”志愿者筛选面谈、生涯规划工作坊', 4, 180, 0, 0, 0, 36, 92.5, 9_800],
    ['生涯规划工作坊、历奇工作坊、团队建设', 5, 320, 6, 0, 0, 58, 93.0, 11_200],
    ['生命故事剧场编排与社区首演、演讲技巧培训', 5, 465, 4, 1, 0, 74.5, 94.2, 14_650],
    ['演讲技巧培训、禁毒宣讲进校园', 5, 560, 0, 2, 0, 82, 91.8, 12_300],
    ['禁毒宣讲进社区、进校园,生命故事剧场巡演', 5, 610, 0, 4, 0, 96, 95.0, 13_900],
    ['禁毒宣讲进校园、团队建设,培训管理和考核标准体系定稿', 4, 460, 0, 3, 1, 68.5, 93.6, 10_150],
  ];
  fanduMonths.forEach(([done, sessions, personTimes, trained, talks, standard, hours, rate, spending], i) => {
    const offset = i - 6;
    report('fandu', offset, {
      sessionsHeld: sessions, personTimes, volunteers: 10, volunteerHours: hours, satisfactionRate: rate, spending,
      narrative: narrative(offset, done, sessions, personTimes),
      indicatorActuals: [
        { name: '活动场次', actual: sessions },
        { name: '服务人次', actual: personTimes },
        { name: '培育“过来人”禁毒志愿者', actual: trained },
        { name: '进社区进校园禁毒宣讲', actual: talks },
        { name: '禁毒志愿者培训管理和考核标准体系', actual: standard },
        { name: '服务对象满意度', actual: rate },
      ],
    });
    accept('fandu', offset);
  });

  // 南头古城“老街坊”: three months in, the old town's urban renewal starts after all and the elders begin
  // to move away. Last month's report is returned for an explanation; the follow-up the officer asked
  // for after her warning visit is overdue.
  const laojiefangMonths: [number, string, number, number, number, number, number, number, number, number][] = [
    // offset, what was done, sessions, person-times, team members, elders, hours, satisfaction, spending, volunteers
    [-3, '长者摸底建档、邻里互助队招募与培训', 6, 150, 28, 60, 84, 92.0, 9_600, 28],
    [-2, '结对探访、长者应急联络群上线、古城文化讲解活动', 8, 236, 0, 0, 120, 93.5, 10_800, 28],
    [-1, '结对探访、长者手工活动', 5, 128, 0, 0, 64, 91.0, 7_200, 21],
  ];
  for (const [offset, done, sessions, personTimes, members, elders, hours, rate, spending, volunteers] of laojiefangMonths) {
    report('laojiefang', offset, {
      sessionsHeld: sessions, personTimes, volunteers, volunteerHours: hours, satisfactionRate: rate, spending,
      narrative: narrative(offset, done, sessions, personTimes),
      indicatorActuals: [
        { name: '邻里互助队队员', actual: members },
        { name: '探访长者', actual: elders },
        { name: '服务人次', actual: personTimes },
        { name: '服务对象满意度', actual: rate },
      ],
    });
    if (offset < -1) accept('laojiefang', offset);
  }
  visit('laojiefang.v1', 'laojiefang', 'staff', m(-2, 10), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.NORMAL,
    findings: '长者档案60份齐全,邻里互助队28人已完成探访技巧和应急处置培训,结对探访按计划开展。',
  });
  visit('laojiefang.v2', 'laojiefang', 'staff', d(12), {
    kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.WARNING,
    findings: '南头古城片区启动城市更新,已建档的60名长者中有23名随家人搬离,邻里互助队也有7名队员迁出;剩余长者分散,结对探访难以按计划开展。',
    followUps: [{ description: '评估剩余服务对象情况,提出项目调整或终止方案', due: d(3) }],
  });
  const returned = latest(m(-1, 27, '11:00'), d(10, '11:00'));
  steps.push({
    at: returned,
    run: () => s.returnReport('laojiefang', clock.period(-1), 'staff', returned,
      '服务人次较上月下降近一半,报告未说明原因。请补充长者随家人搬离的情况说明,附结对探访签到表后重新提交。'),
  });
  await inTimeOrder(steps);
}

// ---------------------------------------------------------------------------------------------
// 南山区, the open call (dates relative to today)
// ---------------------------------------------------------------------------------------------

async function nanshanOpen(s: DemoActions, clock: DemoClock) {
  const d = (days: number, time = '10:00') => clock.daysAgo(days, time);

  await s.create('funengzhe', PROJECTS.funengzhe, d(29));
  await s.create('xiangyang', PROJECTS.xiangyang, d(29, '14:00'));
  await s.team('funengzhe', 'staff', d(28, '11:00'), 'staff', ['mentor2']);
  await s.team('xiangyang', 'staff', d(28, '11:30'), 'staff', ['mentor2']);
  await s.revise('xiangyang', d(28, '16:00'), P.xiangyang1);
  await s.create('loudong', PROJECTS.loudong, d(27, '09:30'));
  await s.revise('funengzhe', d(27, '15:00'), P.funengzhe1);
  await s.team('loudong', 'staff', d(26), 'staff');
  await s.revise('loudong', d(26, '15:00'), P.loudong1);
  await s.create('xinghuo', PROJECTS.xinghuo, d(26, '11:00'));
  await s.team('xinghuo', 'staff', d(25), 'staff', ['mentor2']);
  await s.coach('xiangyang.1', 'xiangyang', 'mentor2', d(25, '17:00'), {
    heldAt: d(25, '14:00'), mode: CoachingMode.ON_SITE, durationMinutes: 90, discusses: 1,
    topics: ['家庭康复', '线上互助', '指标'],
    notes:
      '讨论第1版方案。建议康复者与照顾者同组训练,增加“家”点动力家庭综合康复训练小组;搭建家庭成员线上互助平台,社工每日值守;' +
      '相应提高小组与家庭活动、社区宣传的服务人次目标。',
    actionItems: [
      { description: '设计“家”点动力家庭综合康复训练小组的课程大纲', due: d(23) },
      { description: '制定线上互助平台的社工值守安排', due: d(23) },
    ],
  });
  await s.revise('xinghuo', d(24, '16:00'), P.xinghuo1);
  await s.submit('funengzhe', d(24, '17:00'));
  await s.actionItemDone('xiangyang.1', 0, 'applicant.shengyangsheng', d(23, '11:00'));
  await s.actionItemDone('xiangyang.1', 1, 'applicant.shengyangsheng', d(23, '16:00'));
  await s.submit('loudong', d(23, '17:00'));
  await s.create('xingfu', PROJECTS.xingfu, d(23, '10:00'));
  await s.create('humiao', PROJECTS.humiao, d(22, '09:30'));
  await s.revise('xiangyang', d(22, '15:00'), P.xiangyang2, ['xiangyang.1']);
  await s.team('xingfu', 'staff', d(22, '10:00'), 'staff', ['mentor', 'mentor2']);
  await s.submit('xiangyang', d(21, '10:00'));
  await s.team('humiao', 'staff', d(21, '11:00'), 'staff');
  await s.revise('xingfu', d(21, '15:00'), P.xingfu1);
  await s.revise('humiao', d(20, '08:30'), P.humiao1);

  // 立项评审(第一批), blind review
  const round = OPEN_ROUND;
  await s.openRound(round, 'nanshan', RoundKind.PROPOSAL, `${s.programYear('nanshan')}年度立项评审(第一批)`, 'staff', d(20, '09:00'));
  await s.assign(round, 'funengzhe', ['evaluator', 'evaluator2', 'evaluator3'], 'staff', d(20, '10:00'));
  await s.assign(round, 'xiangyang', ['evaluator', 'evaluator4', 'evaluator5'], 'staff', d(20, '10:10'));
  await s.assign(round, 'loudong', ['evaluator2', 'evaluator4', 'evaluator5'], 'staff', d(20, '10:20'));
  await s.score(round, 'xiangyang', 'evaluator', d(18, '15:00'), 86.5, { comment: '家庭综合康复的设计有新意;线上互助平台需要补充隐私保护安排。' });
  await s.score(round, 'funengzhe', 'evaluator', d(17), 90.0, { comment: '“调研设计+个案服务+康复训练小组”模式完整,建议立项。' });
  await s.score(round, 'funengzhe', 'evaluator2', d(16), 88.5);
  await s.score(round, 'loudong', 'evaluator2', d(16, '16:00'), 72.0, { comment: '补贴占比过高,可持续性不足,建议修改后再审。' });
  await s.coach('xingfu.1', 'xingfu', 'mentor', d(16, '18:00'), {
    heldAt: d(16, '14:30'), mode: CoachingMode.ON_SITE, durationMinutes: 120, discusses: 1,
    topics: ['子项目设计', '服务范围'],
    notes:
      '到田厦社区走访,讨论第1版方案。三个子项目以室内活动为主,建议增加户外健步与亲子活动(“走道乐活营”),吸引更多家庭参与;' +
      '服务范围可以从田厦社区扩展到粤海、蛇口、招商街道的4个社区。',
    actionItems: [
      { description: '设计“走道乐活营”的活动安排', due: d(10) },
      { description: '与蔚蓝海岸、麻岭、深圳湾、海月4个社区确认合作意向', due: d(2) },
    ],
  });
  await s.submit('xinghuo', d(16, '17:00'));
  await s.submit('humiao', d(16, '17:30'));
  await s.score(round, 'funengzhe', 'evaluator3', d(15), 91.5);
  await s.score(round, 'xiangyang', 'evaluator4', d(15, '14:00'), 84.0);
  // Assigned late in the batch, with three weeks to score: due in five days.
  await s.assign(round, 'xinghuo', ['evaluator', 'evaluator2', 'evaluator3'], 'staff', d(14), d(-5));
  await s.assign(round, 'humiao', ['evaluator3', 'evaluator4', 'evaluator5'], 'staff', d(14, '10:10'));
  await s.score(round, 'loudong', 'evaluator4', d(14, '15:00'), 68.5);
  await s.score(round, 'xiangyang', 'evaluator5', d(13), 87.0);
  await s.score(round, 'loudong', 'evaluator5', d(12), 74.0, { recommendation: Recommendation.REVISE });
  await s.actionItemDone('xingfu.1', 0, 'applicant.darongshu', d(11, '16:00'));
  await s.score(round, 'humiao', 'evaluator4', d(10, '14:00'), 83.0);
  await s.coach('xingfu.2', 'xingfu', 'mentor2', d(9, '21:00'), {
    heldAt: d(9, '19:30'), mode: CoachingMode.ONLINE, durationMinutes: 60, discusses: 1,
    topics: ['志愿者培育', '指标'],
    notes:
      '线上辅导。建议把解忧陪伴志愿者目标提高到21名,并让居民组成项目执行团队,实现从被服务者到服务提供者的转变;各项指标与子项目一一对应。',
    actionItems: [
      { description: '把各项指标与子项目一一对应', due: d(6) },
      { description: '制定解忧陪伴志愿者的培训与考核计划', due: d(-7) },
    ],
  });
  await s.score(round, 'xinghuo', 'evaluator2', d(9), 89.5);
  await s.score(round, 'humiao', 'evaluator5', d(7), 87.0, { comment: '家校社协同的思路清楚;家长课堂可与学校家长会结合,提高到课率。' });
  await s.decide('funengzhe', 'staff', d(6), {
    outcome: DecisionOutcome.APPROVED, grantAmount: 120_000,
    rationale: '同意立项。精神科医师督导费按实际次数结算,核定资助120000元。',
  });
  await s.decide('xiangyang', 'staff', d(6, '10:30'), {
    outcome: DecisionOutcome.APPROVED_WITH_CONDITIONS, grantAmount: 98_400,
    conditions: [
      '补充线上互助平台的隐私保护与社工值守制度',
      '与南头街道精防办签订康复者转介与危机干预合作协议,并报项目官员备案',
    ],
    rationale: '家庭综合康复的设计有新意,同意有条件立项;条件满足后启动。',
  });
  await s.decide('loudong', 'staff', d(6, '11:00'), {
    outcome: DecisionOutcome.REVISION_REQUESTED,
    rationale:
      '方案把大部分预算用于楼栋长现金补贴(72000元,占76%),可持续性存疑。请补充楼栋长的激励与退出机制、与物业和出租屋管理的分工,' +
      '把补贴改为以服务积分等非现金激励为主,并细化隐患整改的闭环流程后再提交。',
  });
  await s.actionItemDone('xingfu.2', 0, 'applicant.darongshu', d(6, '15:00'));
  await s.revise('xingfu', d(5, '16:00'), P.xingfu2, ['xingfu.1', 'xingfu.2']);
  // humiao's last scorecard: its review is complete and waits for the officer's decision.
  await s.score(round, 'humiao', 'evaluator3', d(3, '16:00'), 85.5);
  await s.create('nanyuan', PROJECTS.nanyuan, d(3, '20:00'));
  await s.conditionMet('xiangyang', 0, 'staff', d(2, '15:00'));
  await s.revise('nanyuan', d(2, '21:00'), P.nanyuan1);
  await s.submit('nanyuan', d(1, '20:30'));
}
