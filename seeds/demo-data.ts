/**
 * Plain demo data for `DemoSeeder`, drawn from the source documents (Shenzhen district news reports,
 * 2019–2022): the organisations, people, places and programmes. The proposals are in
 * `demo-proposals.ts` (and, for the 2019 民生实事 round of 59 projects, `demo-minsheng.ts`); what
 * happens to them, when and by whom, is the timeline in `demo-story.ts`.
 *
 * What is real and what is made up:
 * - Project titles, organisation names, districts / streets / communities and the figures used as
 *   targets and results (28 场, 2595 人次, 10 名“过来人”, 38 场 / 748 人次 / 21 名志愿者, 30→70 名会员,
 *   96.4 分 / 59 个项目, 走访督导16轮, 月度服务资料6份, 122 人次观摩…) come from the sources.
 * - People (names, e-mails), phone numbers, credit codes, budgets, grant ceilings, deadlines, rubrics,
 *   scores other than 96.4, and the projects the sources do not name (marked where they are defined)
 *   are DEMO VALUES invented for this seed. The people are fictitious; no name of a real person from
 *   the sources is used for an account.
 */
import { Role } from '../src/shared/auth.js';
import { OrganizationKind } from '../src/modules/organizations/organization.entity.js';
import { AggregationRule, type Criterion, type GradeThresholds } from '../src/modules/programs/program.entity.js';
import type { Activity, BudgetLine, IndicatorTarget, TeamMember } from '../src/modules/projects/proposal-revision.entity.js';

export const DEMO_PASSWORD = 'incubator-demo';

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
}

/**
 * One sign-in per role (the explorer's buttons); all demo people share `DEMO_PASSWORD`. The applicant
 * belongs to 深圳市温馨社工服务中心. Where each works is in WORKPLACES; the README's table lists these and
 * the district staff's sign-in (`district@demo.incubator.cn`, 龙岗区).
 */
export const DEMO_LOGINS: DemoLogin[] = [
  { role: Role.ADMIN, email: 'admin@demo.incubator.cn', name: '林海涛' },
  { role: Role.STAFF, email: 'staff@demo.incubator.cn', name: '周敏' },
  { role: Role.MENTOR, email: 'mentor@demo.incubator.cn', name: '陈静' },
  { role: Role.EVALUATOR, email: 'evaluator@demo.incubator.cn', name: '赵雪梅' },
  { role: Role.APPLICANT, email: 'applicant@demo.incubator.cn', name: '何晓琳' },
];

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

export interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  /**
   * The first 17 characters of a DEMO unified social credit code (GB 32100-2015); the seeder appends
   * the check character. Positions 1–2: registration authority and category (5 = 民政; 2 = 民办非企业单位,
   * 9 = 其他), positions 3–8: the district's region code (440305 南山区, 440307 龙岗区), positions 9–17: a
   * made-up subject identifier. Null for unregistered resident groups.
   */
  creditCodePrefix: string | null;
  district: string;
  street: string | null;
  community: string | null;
  contactName: string;
  /** Demo numbers (138 0000 xxxx), not real ones. */
  contactPhone: string;
}

export const ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'wenxin', name: '深圳市温馨社工服务中心', kind: OrganizationKind.SOCIAL_WORK_AGENCY, creditCodePrefix: '52440305MJL174213',
    district: '南山区', street: null, community: null, contactName: '何晓琳', contactPhone: '138 0000 0101',
  },
  {
    key: 'darongshu', name: '深圳市南山区四十九度大榕树社会服务社', kind: OrganizationKind.SOCIAL_ORGANIZATION, creditCodePrefix: '52440305MJL2860G7',
    district: '南山区', street: '南头街道', community: '田厦社区', contactName: '谢婉仪', contactPhone: '138 0000 0102',
  },
  {
    key: 'huimin', name: '深圳市南山区惠民综合服务社', kind: OrganizationKind.SOCIAL_ORGANIZATION, creditCodePrefix: '52440305MJL3152K4',
    district: '南山区', street: null, community: null, contactName: '钟雅婷', contactPhone: '138 0000 0103',
  },
  {
    key: 'shengyangsheng', name: '深圳市升阳升社会工作服务社', kind: OrganizationKind.SOCIAL_WORK_AGENCY, creditCodePrefix: '52440305MJL40976P',
    district: '南山区', street: '南头街道', community: null, contactName: '彭丽华', contactPhone: '138 0000 0104',
  },
  {
    // Runs 龙岗社会创新中心横岗创新园; in the demo it applies for nothing, it is the incubator's operator.
    key: 'zhongzhi', name: '龙岗区众智公共服务创新中心', kind: OrganizationKind.SOCIAL_ORGANIZATION, creditCodePrefix: '52440307MJL5A2318',
    district: '龙岗区', street: '横岗街道', community: null, contactName: '方晓东', contactPhone: '138 0000 0105',
  },
  {
    key: 'tianxia', name: '田厦社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440305MEB01T6H2',
    district: '南山区', street: '南头街道', community: '田厦社区', contactName: '杨春燕', contactPhone: '138 0000 0106',
  },
  {
    key: 'nanyuan', name: '同心南园邻里互助会', kind: OrganizationKind.RESIDENT_GROUP, creditCodePrefix: null,
    district: '南山区', street: '南山街道', community: '南园社区', contactName: '叶淑芬', contactPhone: '138 0000 0107',
  },
  {
    key: 'liuyuebei', name: '六约北社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440307MEC12J4N8',
    district: '龙岗区', street: '横岗街道', community: '六约北社区', contactName: '曾国强', contactPhone: '138 0000 0108',
  },
  {
    key: 'silian', name: '四联社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440307MEC21W3L6',
    district: '龙岗区', street: '横岗街道', community: '四联社区', contactName: '黄美玲', contactPhone: '138 0000 0109',
  },
  {
    key: 'liuyuenan', name: '六约南社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440307MEC13R7Q5',
    district: '龙岗区', street: '横岗街道', community: '六约南社区', contactName: '卢志明', contactPhone: '138 0000 0110',
  },
  {
    key: 'liuyue', name: '六约社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440307MEC56P3W2',
    district: '龙岗区', street: '横岗街道', community: '六约社区', contactName: '方丽娟', contactPhone: '138 0000 0113',
  },
  {
    key: 'yijin', name: '怡锦社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440307MEC34B8D1',
    district: '龙岗区', street: '横岗街道', community: '怡锦社区', contactName: '蔡文娟', contactPhone: '138 0000 0111',
  },
  // DEMO VALUE: three 横岗 community social organisations (社区社会组织) that came to 横岗创新园's 2022 公益创投
  // 辅导会 and never applied (“累计辅导8个项目,成功申报5个项目”; see demo-henggang-2022.ts). Unregistered groups.
  {
    key: 'jinguo', name: '四联社区巾帼志愿服务队', kind: OrganizationKind.RESIDENT_GROUP, creditCodePrefix: null,
    district: '龙岗区', street: '横岗街道', community: '四联社区', contactName: '彭秀梅', contactPhone: '138 0000 0114',
  },
  {
    key: 'yinling', name: '六约社区长者文体协会', kind: OrganizationKind.RESIDENT_GROUP, creditCodePrefix: null,
    district: '龙岗区', street: '横岗街道', community: '六约社区', contactName: '邱永康', contactPhone: '138 0000 0115',
  },
  {
    key: 'sidianban', name: '六约北社区“四点半课堂”志愿服务队', kind: OrganizationKind.RESIDENT_GROUP, creditCodePrefix: null,
    district: '龙岗区', street: '横岗街道', community: '六约北社区', contactName: '温雅丽', contactPhone: '138 0000 0116',
  },
  {
    key: 'longling', name: '龙岭社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440307MEC45Y2F9',
    district: '龙岗区', street: '布吉街道', community: '龙岭社区', contactName: '潘俊', contactPhone: '138 0000 0112',
  },
];

// ---------------------------------------------------------------------------------------------
// People (all fictitious)
// ---------------------------------------------------------------------------------------------

export interface DemoPerson {
  key: string;
  email: string;
  name: string;
  roles: Role[];
  /** Organisation key; required for applicants. */
  organization: string | null;
}

const login = (role: Role) => DEMO_LOGINS.find((l) => l.role === role)!;
const fromLogin = (key: string, role: Role, organization: string | null = null): DemoPerson => {
  const { email, name } = login(role);
  return { key, email, name, roles: [role], organization };
};

export const PEOPLE: DemoPerson[] = [
  fromLogin('admin', Role.ADMIN),
  fromLogin('staff', Role.STAFF),
  { key: 'staff.henggang', email: 'staff.henggang@demo.incubator.cn', name: '罗嘉欣', roles: [Role.STAFF], organization: null },
  { key: 'staff.buji', email: 'staff.buji@demo.incubator.cn', name: '邱晓峰', roles: [Role.STAFF], organization: null },
  { key: 'district.longgang', email: 'district@demo.incubator.cn', name: '吴俊杰', roles: [Role.STAFF], organization: null },
  { key: 'district.nanshan', email: 'district.nanshan@demo.incubator.cn', name: '黎志航', roles: [Role.STAFF], organization: null },
  fromLogin('mentor', Role.MENTOR),
  { key: 'mentor2', email: 'mentor2@demo.incubator.cn', name: '刘建国', roles: [Role.MENTOR], organization: null },
  fromLogin('evaluator', Role.EVALUATOR),
  { key: 'evaluator2', email: 'evaluator2@demo.incubator.cn', name: '孙志远', roles: [Role.EVALUATOR], organization: null },
  { key: 'evaluator3', email: 'evaluator3@demo.incubator.cn', name: '马丽', roles: [Role.EVALUATOR], organization: null },
  { key: 'evaluator4', email: 'evaluator4@demo.incubator.cn', name: '郑伟', roles: [Role.EVALUATOR], organization: null },
  { key: 'evaluator5', email: 'evaluator5@demo.incubator.cn', name: '高雅琴', roles: [Role.EVALUATOR], organization: null },
  fromLogin('applicant', Role.APPLICANT, 'wenxin'),
  { key: 'applicant.huimin', email: 'applicant.huimin@demo.incubator.cn', name: '钟雅婷', roles: [Role.APPLICANT], organization: 'huimin' },
  { key: 'applicant.shengyangsheng', email: 'applicant.shengyangsheng@demo.incubator.cn', name: '彭丽华', roles: [Role.APPLICANT], organization: 'shengyangsheng' },
  { key: 'applicant.darongshu', email: 'applicant.darongshu@demo.incubator.cn', name: '谢婉仪', roles: [Role.APPLICANT], organization: 'darongshu' },
  { key: 'applicant.nanyuan', email: 'applicant.nanyuan@demo.incubator.cn', name: '叶淑芬', roles: [Role.APPLICANT], organization: 'nanyuan' },
  { key: 'applicant.liuyuebei', email: 'applicant.liuyuebei@demo.incubator.cn', name: '曾国强', roles: [Role.APPLICANT], organization: 'liuyuebei' },
  { key: 'applicant.silian', email: 'applicant.silian@demo.incubator.cn', name: '黄美玲', roles: [Role.APPLICANT], organization: 'silian' },
  { key: 'applicant.liuyuenan', email: 'applicant.liuyuenan@demo.incubator.cn', name: '卢志明', roles: [Role.APPLICANT], organization: 'liuyuenan' },
  { key: 'applicant.liuyue', email: 'applicant.liuyue@demo.incubator.cn', name: '方丽娟', roles: [Role.APPLICANT], organization: 'liuyue' },
  { key: 'applicant.tianxia', email: 'applicant.tianxia@demo.incubator.cn', name: '杨春燕', roles: [Role.APPLICANT], organization: 'tianxia' },
  { key: 'applicant.yijin', email: 'applicant.yijin@demo.incubator.cn', name: '蔡文娟', roles: [Role.APPLICANT], organization: 'yijin' },
  { key: 'applicant.jinguo', email: 'applicant.jinguo@demo.incubator.cn', name: '彭秀梅', roles: [Role.APPLICANT], organization: 'jinguo' },
  { key: 'applicant.yinling', email: 'applicant.yinling@demo.incubator.cn', name: '邱永康', roles: [Role.APPLICANT], organization: 'yinling' },
  { key: 'applicant.sidianban', email: 'applicant.sidianban@demo.incubator.cn', name: '温雅丽', roles: [Role.APPLICANT], organization: 'sidianban' },
  { key: 'applicant.longling', email: 'applicant.longling@demo.incubator.cn', name: '潘俊', roles: [Role.APPLICANT], organization: 'longling' },
];

// ---------------------------------------------------------------------------------------------
// Places, parks and where people work
// ---------------------------------------------------------------------------------------------

/** A street or community of a district, by the names the government writes. */
export interface DemoAddress {
  district: string;
  street: string | null;
  community: string | null;
}

/**
 * Places the sources name where no demo organisation is registered; the organisations' addresses
 * (ORGANIZATIONS, MINSHENG_ORGANIZATIONS) give the rest of the tree. 龙岗区 has 11 streets, all here. 家庭幸福经营学院 also served
 * 粤海街道蔚蓝海岸社区、麻岭社区,蛇口街道深圳湾社区,招商街道海月社区; 布吉街道 opened community
 * psychological service rooms in 大芬、罗岗、龙珠、龙岭、东方半岛、长龙.
 */
export const SOURCE_PLACES: DemoAddress[] = [
  { district: '南山区', street: '粤海街道', community: '蔚蓝海岸社区' },
  { district: '南山区', street: '粤海街道', community: '麻岭社区' },
  { district: '南山区', street: '蛇口街道', community: '深圳湾社区' },
  { district: '南山区', street: '招商街道', community: '海月社区' },
  { district: '龙岗区', street: '布吉街道', community: '龙珠社区' },
  // 龙岗区's other streets: the 2022-12-08 观摩会 of 居民共治空间 received 122 visitors from all 11 of them
  // (平湖、坂田、布吉、南湾、横岗、龙城 come with the organisations above).
  ...['龙岗街道', '坪地街道', '园山街道', '吉华街道', '宝龙街道'].map((street) => ({ district: '龙岗区', street, community: null })),
];

export interface DemoPark {
  key: string;
  name: string;
  district: string;
  /** Where the park is: a street of the district, or null for a park of the whole district. */
  street: string | null;
  /** The streets it serves: their organisations are coached by it. */
  streets: string[];
  /** Organisation key of its operator. */
  operator: string | null;
}

/**
 * The parks. An organisation is coached by the park serving its street; one registered at district
 * level (no street: 温馨, 惠民) by the district's own park, if it has one. The others — 龙岗区's
 * communities in 坂田、南湾、平湖、龙城街道 — have no park: the district's staff look after them.
 */
export const PARKS: DemoPark[] = [
  // 龙岗社会创新中心横岗创新园, run by 龙岗区众智公共服务创新中心 for 横岗街道 (the 2022 annual report).
  { key: 'henggang', name: '横岗创新园', district: '龙岗区', street: '横岗街道', streets: ['横岗街道'], operator: 'zhongzhi' },
  // 布吉街道's own innovation platform, 布吉创域 (its 2019 summary: 布吉创域智库 advised 47 innovation
  // projects); as a park of the demo it coaches the 布吉 communities. Its operator is not named.
  { key: 'buji', name: '布吉创域', district: '龙岗区', street: '布吉街道', streets: ['布吉街道'], operator: null },
  // DEMO VALUE: the sources name no park in 南山区; its call is run district-wide by 南山区委政法委
  // (“搭建完善的社会治理创新项目培育扶持体系”), so the demo's 南山 park is a district-level one with an
  // invented name, serving the streets of its organisations.
  { key: 'nanshan', name: '南山区社会治理创新园', district: '南山区', street: null, streets: ['南头街道', '南山街道'], operator: null },
];

/**
 * Where each person works: staff and mentors in parks, staff and evaluators in districts (a district's
 * staff oversee all its parks; its evaluators form its expert pool). Everyone with the STAFF, MENTOR or
 * EVALUATOR role has an entry. The demo staff login works for the 南山 park whose projects the story
 * gives her; 吴俊杰 runs 龙岗区's calls for the district; the mentors coach in both districts' parks, and
 * the experts sit in both districts' pools.
 */
export const WORKPLACES: Record<string, { parks: string[]; districts: string[] }> = {
  staff: { parks: ['nanshan'], districts: [] },
  'staff.henggang': { parks: ['henggang'], districts: [] },
  'staff.buji': { parks: ['buji'], districts: [] },
  'district.longgang': { parks: [], districts: ['龙岗区'] },
  'district.nanshan': { parks: [], districts: ['南山区'] },
  mentor: { parks: ['henggang', 'nanshan'], districts: [] },
  mentor2: { parks: ['henggang', 'nanshan'], districts: [] },
  ...Object.fromEntries(['evaluator', 'evaluator2', 'evaluator3', 'evaluator4', 'evaluator5'].map((key) => [key, { parks: [], districts: ['龙岗区', '南山区'] }])),
};

// ---------------------------------------------------------------------------------------------
// Time: the 2019 and 2022 programmes keep their real dates; the others are placed relative to now
// ---------------------------------------------------------------------------------------------

const DAY = 24 * 60 * 60 * 1000;
const CST_OFFSET = 8 * 60 * 60 * 1000;

/** A date in China Standard Time, e.g. cst('2022-03-01 10:00'). */
export const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/** The calendar year of an instant in Shenzhen. */
export const cstYear = (instant: Date) => new Date(instant.getTime() + CST_OFFSET).getUTCFullYear();

/**
 * The story's clock, for the chapters that happen around today. `daysAgo` counts calendar days back
 * from today in Shenzhen; `month` names a day of a calendar month counted from the current one (month
 * 0; -1 is last month). Past months are always over, so anything placed in them has happened, whatever
 * day of the month `now` is; things of the current month are placed with `daysAgo`.
 */
export class DemoClock {
  private readonly year: number;
  private readonly monthIndex: number;

  constructor(readonly now: Date) {
    const local = new Date(now.getTime() + CST_OFFSET);
    this.year = local.getUTCFullYear();
    this.monthIndex = local.getUTCMonth();
  }

  /** `days` calendar days before today in Shenzhen, at `time` (CST); negative for days ahead. Always in the past for days ≥ 1. */
  daysAgo(days: number, time = '10:00'): Date {
    const local = new Date(this.now.getTime() + CST_OFFSET - days * DAY);
    const [hours, minutes] = time.split(':').map(Number);
    return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hours, minutes) - CST_OFFSET);
  }

  /** Day `day` (1–28, so that every month has it) of the month `offset` months from the current one, at `time` (CST). */
  month(offset: number, day: number, time = '10:00'): Date {
    if (day < 1 || day > 28) throw new Error(`Demo clock: day ${day} is not in every month`);
    const [hours, minutes] = time.split(':').map(Number);
    return new Date(Date.UTC(this.year, this.monthIndex + offset, day, hours, minutes) - CST_OFFSET);
  }

  /** A month `offset` months from the current one, as a service report's period (YYYY-MM). */
  period(offset: number): string {
    return new Date(Date.UTC(this.year, this.monthIndex + offset, 1)).toISOString().slice(0, 7);
  }
}

/** The later of two instants. */
export const latest = (a: Date, b: Date) => (a > b ? a : b);

/** A calendar date (YYYY-MM-DD) in Shenzhen, for due dates. */
export const cstDate = (instant: Date) => new Date(instant.getTime() + CST_OFFSET).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------------------------

export interface DemoProgram {
  key: ProgramKey;
  name: string;
  /** The district that runs it. */
  district: string;
  /** Park key, for a park's own programme: its staff run it, and only the organisations it coaches apply. */
  park: string | null;
  funder: string;
  year: number;
  focusAreas: string[];
  budgetPool: number;
  maxGrant: number;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
  proposalRubric: Criterion[];
  closingRubric: Criterion[];
  aggregationRule: AggregationRule;
  minEvaluators: number;
  blindReview: boolean;
  gradeThresholds: GradeThresholds;
}

export type ProgramKey = 'nanshan' | 'nanshan_delivery' | 'longgang_governance' | 'longgang_roadshow' | 'longgang_minsheng';

export const GRADES: GradeThresholds = { excellent: 90, good: 80, pass: 60 };

/** 结项评估 rubric shared by the programmes (demo weights; each maximum equals its weight). */
export const CLOSING_RUBRIC: Criterion[] = [
  { key: 'goal_achievement', title: '目标与指标完成情况', weight: 30, maxScore: 30 },
  { key: 'service_quality', title: '服务质量与专业性', weight: 25, maxScore: 25 },
  { key: 'satisfaction', title: '服务对象满意度', weight: 15, maxScore: 15 },
  { key: 'financial_compliance', title: '资金使用与财务规范', weight: 15, maxScore: 15 },
  { key: 'sustainability', title: '可持续性与推广价值', weight: 15, maxScore: 15 },
];

const NANSHAN_RUBRIC: Criterion[] = [
  { key: 'need', title: '需求分析', weight: 20, maxScore: 20 },
  { key: 'design', title: '项目设计与服务模式', weight: 25, maxScore: 25 },
  { key: 'feasibility', title: '可行性与执行能力', weight: 20, maxScore: 20 },
  { key: 'budget', title: '预算合理性', weight: 15, maxScore: 15 },
  { key: 'innovation', title: '创新性与示范推广价值', weight: 20, maxScore: 20 },
];

/** 南山区委政法委 has run this call every year since 2018: one programme per year, blind review. */
function nanshanProgram(key: ProgramKey, year: number, applicationsOpenAt: Date, applicationsCloseAt: Date): DemoProgram {
  return {
    key,
    name: `南山区营造共建共治共享社会治理格局实践创新项目(${year}年度)`,
    district: '南山区',
    // Run for the district by its park, whose staff coach every applicant and run the reviews.
    park: 'nanshan',
    funder: '中共深圳市南山区委政法委员会',
    year,
    focusAreas: ['精神康复', '禁毒宣传', '社区治理', '家庭服务', '心理健康'],
    budgetPool: 3_000_000,
    maxGrant: 300_000,
    applicationsOpenAt,
    applicationsCloseAt,
    proposalRubric: NANSHAN_RUBRIC,
    closingRubric: CLOSING_RUBRIC,
    aggregationRule: AggregationRule.MEAN,
    minEvaluators: 3,
    blindReview: true,
    gradeThresholds: GRADES,
  };
}

export function demoPrograms(clock: DemoClock): DemoProgram[] {
  // The programme in delivery is named for the year its projects started; the open one for the year of
  // its deadline, and never the same year (a call for next year's projects opens in the autumn).
  const deliveryYear = cstYear(clock.month(-6, 1));
  const openYear = Math.max(cstYear(clock.daysAgo(-60)), deliveryYear + 1);
  return [
    // Open now, so a newcomer can apply; a first batch is already being reviewed.
    nanshanProgram('nanshan', openYear, clock.daysAgo(30, '09:00'), clock.daysAgo(-60, '18:00')),
    // Last year's call: its projects are in delivery (反毒馨生 under supervision).
    nanshanProgram('nanshan_delivery', deliveryYear, clock.month(-10, 1, '09:00'), clock.month(-8, 1, '18:00')),
    {
      key: 'longgang_governance',
      name: '2022年龙岗区基层社会治理实践项目',
      district: '龙岗区',
      park: null,
      funder: '中共深圳市龙岗区委政法委员会',
      year: 2022,
      focusAreas: ['社区治理', '家庭服务', '平安建设'],
      budgetPool: 2_000_000,
      maxGrant: 200_000,
      applicationsOpenAt: cst('2022-02-14 09:00'),
      applicationsCloseAt: cst('2022-04-15 18:00'),
      proposalRubric: [
        { key: 'problem_focus', title: '问题导向与需求分析', weight: 25, maxScore: 25 },
        { key: 'mechanism', title: '治理机制创新', weight: 25, maxScore: 25 },
        { key: 'participation', title: '多元主体参与', weight: 20, maxScore: 20 },
        { key: 'feasibility', title: '可行性', weight: 15, maxScore: 15 },
        { key: 'budget', title: '预算合理性', weight: 15, maxScore: 15 },
      ],
      closingRubric: CLOSING_RUBRIC,
      aggregationRule: AggregationRule.MEAN,
      minEvaluators: 3,
      blindReview: false,
      gradeThresholds: GRADES,
    },
    {
      // A roadshow: the panel of five drops the highest and the lowest score (去掉一个最高分和一个最低分).
      key: 'longgang_roadshow',
      name: '龙岗区2022年社区社会组织优秀项目公益创投大赛',
      district: '龙岗区',
      park: null,
      funder: '深圳市龙岗区民政局',
      year: 2022,
      focusAreas: ['文化传承', '社区治理', '为老服务', '青少年服务'],
      budgetPool: 1_500_000,
      maxGrant: 50_000,
      applicationsOpenAt: cst('2022-05-09 09:00'),
      applicationsCloseAt: cst('2022-06-30 18:00'),
      proposalRubric: [
        { key: 'community_need', title: '社区需求', weight: 20, maxScore: 20 },
        { key: 'design', title: '项目设计', weight: 20, maxScore: 20 },
        { key: 'resident_participation', title: '居民参与度', weight: 20, maxScore: 20 },
        { key: 'innovation', title: '创新性', weight: 15, maxScore: 15 },
        { key: 'budget', title: '预算合理性', weight: 15, maxScore: 15 },
        { key: 'presentation', title: '路演表现', weight: 10, maxScore: 10 },
      ],
      closingRubric: CLOSING_RUBRIC,
      aggregationRule: AggregationRule.TRIMMED_MEAN,
      minEvaluators: 5,
      blindReview: false,
      gradeThresholds: GRADES,
    },
    {
      // 59 projects were scored by an expert panel on 2020-01-09; 龙岭花开 came first with 96.4. The district
      // funded the top five (demo-story.ts) and listed them among its 2020 民生实事.
      key: 'longgang_minsheng',
      name: '龙岗区政府2019年度民生实事项目',
      district: '龙岗区',
      park: null,
      funder: '深圳市龙岗区人民政府',
      year: 2019,
      focusAreas: ['党建引领', '社区治理', '民生服务', '平安建设', '文化教育'],
      budgetPool: 30_000_000,
      maxGrant: 500_000,
      applicationsOpenAt: cst('2019-09-02 09:00'),
      applicationsCloseAt: cst('2019-11-29 18:00'),
      proposalRubric: [
        { key: 'public_need', title: '民生需求与群众关注度', weight: 25, maxScore: 25 },
        { key: 'co_governance', title: '共建共治共享机制', weight: 25, maxScore: 25 },
        { key: 'effectiveness', title: '实施成效', weight: 20, maxScore: 20 },
        { key: 'innovation', title: '创新性与示范性', weight: 15, maxScore: 15 },
        { key: 'sustainability', title: '可持续性', weight: 15, maxScore: 15 },
      ],
      closingRubric: CLOSING_RUBRIC,
      aggregationRule: AggregationRule.MEAN,
      minEvaluators: 3,
      blindReview: false,
      gradeThresholds: GRADES,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Proposal content
// ---------------------------------------------------------------------------------------------

/** A proposal as the applicant writes it; the requested amount is the sum of the budget lines. */
export interface RevisionContent {
  summary: string;
  needs: string;
  objectives: string[];
  activityPlan: Activity[];
  beneficiaries: string;
  indicatorTargets: IndicatorTarget[];
  budgetLines: BudgetLine[];
  team: TeamMember[];
  changeNote: string | null;
}

export const line = (item: string, amount: number, note: string | null = null): BudgetLine => ({ item, amount, note });
export const target = (name: string, unit: string, value: number): IndicatorTarget => ({ name, unit, target: value });
export const step = (title: string, period: string, description: string): Activity => ({ title, period, description });
export const member = (name: string, role: string): TeamMember => ({ name, role });
