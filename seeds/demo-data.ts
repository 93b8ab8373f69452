/**
 * Plain demo data for `DemoSeeder`, drawn from the source documents (Shenzhen district news reports,
 * 2019–2022): the projects, organisations, places and figures they name.
 *
 * What is real and what is made up:
 * - Project titles, organisation names, districts / streets / communities and the figures used as
 *   targets (28 场, 2595 人次, 10 名“过来人”, 38 场 / 748 人次 / 21 名志愿者, 30→70 名会员, 96.4 分…)
 *   come from the sources.
 * - People (names, e-mails), phone numbers, credit codes, budgets, grant ceilings, deadlines and
 *   rubrics are DEMO VALUES invented for this seed. The people are fictitious; no name of a real
 *   person from the sources is used for an account.
 *
 * Everything here is plain data; `demo.seeder.ts` validates it and turns it into entities.
 */
import { Role } from '../src/shared/auth.js';
import { OrganizationKind } from '../src/modules/organizations/organization.entity.js';
import { AggregationRule, type Criterion, type GradeThresholds } from '../src/modules/programs/program.entity.js';
import { ProjectStatus } from '../src/modules/projects/project.entity.js';
import type { Activity, BudgetLine, IndicatorTarget, TeamMember } from '../src/modules/projects/proposal-revision.entity.js';

export const DEMO_PASSWORD = 'incubator-demo';

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
}

/** One sign-in per role; all demo people share `DEMO_PASSWORD`. The applicant belongs to 深圳市温馨社工服务中心. */
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
    key: 'yijin', name: '怡锦社区居委会', kind: OrganizationKind.COMMUNITY_COMMITTEE, creditCodePrefix: '59440307MEC34B8D1',
    district: '龙岗区', street: '横岗街道', community: '怡锦社区', contactName: '蔡文娟', contactPhone: '138 0000 0111',
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
  { key: 'staff2', email: 'staff2@demo.incubator.cn', name: '吴俊杰', roles: [Role.STAFF], organization: null },
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
  { key: 'applicant.yijin', email: 'applicant.yijin@demo.incubator.cn', name: '蔡文娟', roles: [Role.APPLICANT], organization: 'yijin' },
  { key: 'applicant.longling', email: 'applicant.longling@demo.incubator.cn', name: '潘俊', roles: [Role.APPLICANT], organization: 'longling' },
];

// ---------------------------------------------------------------------------------------------
// Programmes, projects and revisions (dates depend on when the seed runs)
// ---------------------------------------------------------------------------------------------

export interface DemoProgram {
  key: string;
  name: string;
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

/** One revision as saved; `requestedAmount` is the sum of the budget lines (the seeder computes it). */
export interface DemoRevision {
  at: Date;
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

export interface DemoProject {
  title: string;
  program: string;
  organization: string;
  /** Applicant person key: creates the project and writes every revision. */
  applicant: string;
  focusArea: string;
  communityServed: string;
  status: ProjectStatus.DRAFT | ProjectStatus.SUBMITTED;
  createdAt: Date;
  submittedAt: Date | null;
  leadStaff: string | null;
  mentors: string[];
  revisions: DemoRevision[];
}

export interface DemoData {
  programs: DemoProgram[];
  projects: DemoProject[];
}

const GRADES: GradeThresholds = { excellent: 90, good: 80, pass: 60 };

/** 结项评估 rubric shared by the programmes (demo weights). */
const CLOSING_RUBRIC: Criterion[] = [
  { key: 'goal_achievement', title: '目标与指标完成情况', weight: 30, maxScore: 30 },
  { key: 'service_quality', title: '服务质量与专业性', weight: 25, maxScore: 25 },
  { key: 'satisfaction', title: '服务对象满意度', weight: 15, maxScore: 15 },
  { key: 'financial_compliance', title: '资金使用与财务规范', weight: 15, maxScore: 15 },
  { key: 'sustainability', title: '可持续性与推广价值', weight: 15, maxScore: 15 },
];

const line = (item: string, amount: number, note: string | null = null): BudgetLine => ({ item, amount, note });
const target = (name: string, unit: string, value: number): IndicatorTarget => ({ name, unit, target: value });
const step = (title: string, period: string, description: string): Activity => ({ title, period, description });
const member = (name: string, role: string): TeamMember => ({ name, role });
/** A date in China Standard Time, e.g. cst('2022-03-01 10:00'). */
const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export function demoData(now: Date): DemoData {
  const DAY = 24 * 60 * 60 * 1000;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const year = now.getFullYear();

  const programs: DemoProgram[] = [
    {
      // Open now, so a newcomer can apply. 南山区委政法委 has run this call every year since 2018.
      key: 'nanshan',
      name: `南山区营造共建共治共享社会治理格局实践创新项目(${year}年度)`,
      funder: '中共深圳市南山区委政法委员会',
      year,
      focusAreas: ['精神康复', '禁毒宣传', '社区治理', '家庭服务', '心理健康'],
      budgetPool: 3_000_000,
      maxGrant: 300_000,
      applicationsOpenAt: daysAgo(30),
      applicationsCloseAt: daysAgo(-60),
      proposalRubric: [
        { key: 'need', title: '需求分析', weight: 20, maxScore: 20 },
        { key: 'design', title: '项目设计与服务模式', weight: 25, maxScore: 25 },
        { key: 'feasibility', title: '可行性与执行能力', weight: 20, maxScore: 20 },
        { key: 'budget', title: '预算合理性', weight: 15, maxScore: 15 },
        { key: 'innovation', title: '创新性与示范推广价值', weight: 20, maxScore: 20 },
      ],
      closingRubric: CLOSING_RUBRIC,
      aggregationRule: AggregationRule.MEAN,
      minEvaluators: 3,
      blindReview: true,
      gradeThresholds: GRADES,
    },
    {
      key: 'longgang_governance',
      name: '2022年龙岗区基层社会治理实践项目',
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
      // A roadshow: the panel drops the highest and the lowest score (去掉一个最高分和一个最低分).
      key: 'longgang_roadshow',
      name: '龙岗区2022年社区社会组织优秀项目公益创投大赛',
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
  ];

  // -------------------------------------------------------------------------------------------
  // 南山区 (open programme)
  // -------------------------------------------------------------------------------------------

  const funengzhe1: DemoRevision = {
    at: daysAgo(20),
    summary:
      '以“复能者俱乐部”为平台,在南山区试点社区为精神障碍康复者及其家庭提供服药管理、生活训练、情绪管理、社交能力训练等系统化康复服务;' +
      '链接社区党群服务中心、区残联家属资源中心等场地,整合精神健康专业医师与机构社工力量,探索“调研设计+个案服务+康复训练小组服务”的社区精神康复模式。',
    needs:
      '试点社区的精神障碍康复者多数长期居家,服药依从性不高,生活自理与社交能力退化,缺少稳定的社会支持网络;' +
      '家庭照顾者长期承受照顾压力,缺乏喘息与交流渠道;社区居民对精神障碍认识不足,存在误解与排斥,康复者难以走出家门、融入社区。',
    objectives: [
      '为40户精神障碍康复者家庭开展需求调研并建立个案服务档案',
      '通过“复能者俱乐部”康复训练小组,提升康复者服药管理、情绪管理与社交能力',
      '建立照顾者与康复者线上交流社群,舒缓家庭照顾压力、提升照顾能力',
      '开展社区精神健康教育,增进居民对康复者的接纳,增强其社会归属感',
    ],
    activityPlan: [
      step('需求调研与个案评估', '第1—2月', '联合社区网格员、精神健康专业医师入户走访,完成40户家庭的需求评估与个案服务计划。'),
      step('复能者俱乐部康复训练小组', '第3—10月', '每月开展服药管理、生活技能、情绪管理、社交训练主题小组,每期6—8节。'),
      step('同行联盟照顾者支持小组', '第3—12月', '组织家庭照顾者经验分享与减压活动,建立照顾者与康复者线上交流社群。'),
      step('社区精神健康教育', '第4—11月', '在社区党群服务中心开展精神健康讲座、宣传摊位和康复者才艺展示,倡导社区接纳。'),
      step('总结评估与模式提炼', '第12月', '开展前后测评估,整理个案与小组案例,形成可在各街道推广复制的服务手册。'),
    ],
    beneficiaries: '南山区试点社区精神障碍康复者家庭约40户(康复者约40人、家庭照顾者约60人);社区居民约500人次。',
    indicatorTargets: [
      target('服务家庭', '户', 40),
      target('个案服务档案', '份', 40),
      target('小组活动服务人次', '人次', 400),
      target('社区精神健康教育覆盖人次', '人次', 500),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 72_000, '2名社工按比例投入,12个月'),
      line('精神科医师专业督导费', 14_400, '每月1次,每次1200元'),
      line('康复训练小组活动物资', 16_800),
      line('社区精神健康教育活动费', 12_000),
      line('宣传资料设计与印刷', 4_800),
      line('项目评估与案例汇编', 6_000),
    ],
    team: [member('钟雅婷', '项目负责人'), member('邓志强', '社工'), member('许文静', '社工'), member('冯立新', '精神科医师(外聘督导)')],
    changeNote: null,
  };

  const xiangyang1: DemoRevision = {
    at: daysAgo(25),
    summary:
      '面向南头街道精神障碍康复者及其家庭,从个人、家庭、社会三个层面开展帮扶:个人层面开展服药管理与生活训练,家庭层面开展照顾者支持,' +
      '社会层面开展社区宣传倡导,帮助康复者更好地接纳自己,走出家门融入社区。',
    needs:
      '南头街道老旧小区与城中村交错,精神障碍康复者家庭多为低收入家庭,照顾者年龄偏大、照护知识不足;' +
      '康复者缺少日间活动与社交机会,病情波动时家庭与社区之间缺乏及时沟通的机制。',
    objectives: [
      '为40户精障康复者家庭提供个案跟进与家庭探访',
      '提升康复者生活自理与情绪管理能力',
      '开展社区宣传倡导,营造和谐稳定友爱的社区环境',
    ],
    activityPlan: [
      step('入户探访与建档', '第1—2月', '与社区、街道精防人员共同入户,建立家庭服务档案。'),
      step('生活训练小组', '第3—10月', '围绕服药管理、家务技能、情绪识别开展小组训练。'),
      step('照顾者喘息与支持活动', '第3—11月', '为家庭照顾者提供减压活动和照护知识讲座。'),
      step('社区宣传倡导', '第6—11月', '在社区开展精神健康宣传,邀请康复者参与志愿服务。'),
    ],
    beneficiaries: '南头街道精神障碍康复者家庭约40户,以及参与宣传倡导活动的社区居民。',
    indicatorTargets: [
      target('服务家庭', '户', 40),
      target('小组与家庭活动服务人次', '人次', 300),
      target('社区宣传覆盖人次', '人次', 400),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 60_000, '2名社工按比例投入'),
      line('小组活动物资', 12_000),
      line('照顾者支持活动费', 9_000),
      line('社区宣传倡导活动费', 8_000),
      line('宣传资料印制', 3_000),
    ],
    team: [member('彭丽华', '项目负责人'), member('江慧敏', '社工'), member('温子豪', '社工')],
    changeNote: null,
  };
  const xiangyang2: DemoRevision = {
    ...xiangyang1,
    at: daysAgo(12),
    objectives: [
      '为40户精障康复者家庭提供个案跟进与家庭探访',
      '通过“家”点动力家庭综合康复训练小组,提升康复者生活自理、情绪管理能力和照顾者照护能力',
      '搭建家庭成员线上互助平台,缓解家庭照顾者的心理压力',
      '开展社区宣传倡导,营造和谐稳定友爱的社区环境',
    ],
    activityPlan: [
      ...xiangyang1.activityPlan.slice(0, 3),
      step('“家”点动力家庭综合康复训练小组', '第4—10月', '康复者与照顾者同组参与,练习家庭沟通、危机识别和共同生活安排。'),
      step('家庭成员线上互助平台', '第3—12月', '建立线上社群,社工每日值守,促进家庭成员之间即时交流、互助答疑。'),
      xiangyang1.activityPlan[3],
    ],
    indicatorTargets: [
      target('服务家庭', '户', 40),
      target('小组与家庭活动服务人次', '人次', 400),
      target('社区宣传覆盖人次', '人次', 500),
      target('线上互助平台活跃家庭', '户', 30),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 60_000, '2名社工按比例投入'),
      line('小组活动物资', 12_000),
      line('“家”点动力小组物资', 6_000),
      line('照顾者支持活动费', 9_000),
      line('线上互助平台运营费', 2_400),
      line('社区宣传倡导活动费', 6_000),
      line('宣传资料印制', 3_000),
    ],
    changeNote:
      '根据导师辅导意见修改:①新增“家”点动力家庭综合康复训练小组,康复者与照顾者同组训练;②搭建家庭成员线上互助平台;' +
      '③小组与家庭活动服务人次目标由300提高到400,社区宣传覆盖目标由400提高到500,新增“线上互助平台活跃家庭”指标;' +
      '④预算新增“家”点动力小组物资和线上互助平台运营费,社区宣传倡导活动费由8000元调减为6000元。',
  };

  const fandu1: DemoRevision = {
    at: daysAgo(28),
    summary:
      '联合南山公安分局戒毒所,筛选符合要求的戒毒人员,开展体系化课程培训,建立“过来人”禁毒志愿者团队,打造禁毒宣讲师“过来人”队伍,' +
      '以“过来人”的亲身经历现身说法,开展进社区、进校园禁毒宣传教育,反哺社区,推动南山区全民禁毒。',
    needs:
      '传统禁毒宣传以展板、讲座为主,说服力有限,青少年和社区居民参与度不高;戒毒人员回归社会后缺少正向的社会角色和支持,复吸风险较高。' +
      '以戒毒“过来人”现身说法,既能提升社区禁毒宣传教育的有效性,也能帮助戒毒人员重建自我价值。',
    objectives: [
      '筛选并培育8名“过来人”禁毒志愿者',
      '开展生涯规划、历奇工作坊、演讲技巧等体系化培训课程',
      '组织“过来人”开展进社区、进校园禁毒宣讲',
    ],
    activityPlan: [
      step('志愿者筛选与招募', '第1月', '与戒毒所共同制定筛选标准,面谈评估,确定培育对象。'),
      step('生涯规划与历奇工作坊', '第2—4月', '帮助“过来人”梳理人生经历、重建目标,增强团队信任。'),
      step('演讲技巧培训', '第3—5月', '邀请专业讲师开展宣讲技巧训练,打磨个人禁毒故事。'),
      step('禁毒宣讲进社区进校园', '第5—11月', '“过来人”在社工陪同下到社区、学校开展禁毒宣讲。'),
      step('团队建设', '第2—12月', '定期开展团队督导与团建,稳定志愿者队伍。'),
    ],
    beneficiaries: '南山区戒毒人员(重点培育对象8名)及参与禁毒宣传教育的社区居民、学校师生。',
    indicatorTargets: [
      target('活动场次', '场', 24),
      target('服务人次', '人次', 2000),
      target('培育“过来人”禁毒志愿者', '名', 8),
      target('进社区进校园禁毒宣讲', '场', 8),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 66_000, '禁毒社工2名按比例投入'),
      line('培训课程讲师费', 18_000),
      line('历奇工作坊场地及物资', 9_000),
      line('禁毒宣讲活动费', 12_000),
      line('志愿者补贴及保险', 6_400),
      line('宣传物料', 4_600),
    ],
    team: [member('何晓琳', '项目负责人'), member('林佩珊', '禁毒社工'), member('陈志伟', '禁毒社工'), member('吴敏', '心理咨询师(外聘督导)')],
    changeNote: null,
  };
  const fandu2: DemoRevision = {
    ...fandu1,
    at: daysAgo(14),
    objectives: [
      '筛选并培育10名“过来人”禁毒志愿者,打造禁毒宣讲师“过来人”队伍',
      '开展生涯规划、历奇工作坊、生命故事剧场、演讲技巧等体系化培训课程',
      '组织“过来人”开展不少于10场进社区、进校园禁毒宣讲',
      '形成1套禁毒志愿者培训管理和考核标准体系',
    ],
    activityPlan: [
      ...fandu1.activityPlan.slice(0, 2),
      step('生命故事剧场', '第4—6月', '把“过来人”的戒毒经历编排成短剧,在社区和校园演出。'),
      ...fandu1.activityPlan.slice(2),
    ],
    beneficiaries: '南山区戒毒人员(重点培育对象10名)及参与禁毒宣传教育的社区居民、学校师生。',
    indicatorTargets: [
      target('活动场次', '场', 28),
      target('服务人次', '人次', 2595),
      target('培育“过来人”禁毒志愿者', '名', 10),
      target('进社区进校园禁毒宣讲', '场', 10),
      target('禁毒志愿者培训管理和考核标准体系', '套', 1),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 66_000, '禁毒社工2名按比例投入'),
      line('培训课程讲师费', 18_000),
      line('历奇工作坊场地及物资', 9_000),
      line('生命故事剧场编排费', 10_000, '编剧指导与排练'),
      line('禁毒宣讲活动费', 12_000),
      line('志愿者补贴及保险', 6_400),
      line('宣传物料', 5_200),
    ],
    changeNote:
      '根据导师辅导意见(聚焦成效指标与志愿者管理)修改:①新增生命故事剧场,活动场次目标由24场提高到28场,服务人次目标由2000提高到2595;' +
      '②“过来人”志愿者培育目标由8名提高到10名,进社区进校园宣讲由8场提高到10场;③新增成果指标“禁毒志愿者培训管理和考核标准体系”1套;' +
      '④预算新增生命故事剧场编排费10000元,宣传物料由4600元调整为5200元。',
  };

  const xingfu1: DemoRevision = {
    at: daysAgo(21),
    summary:
      '以社区家庭成员和家庭女性为服务对象,通过社区党群服务中心、社区党委和社会组织联动,搭建“个人自助+邻里互助+专业指导(心灵驿站心理咨询+解忧志愿者陪伴)”' +
      '三位一体互助服务体系,培养一批掌握自我化解问题与矛盾方法的志愿者,开展社区家庭自助、助人服务,实现家庭和谐、社区共治。',
    needs:
      '田厦社区双职工家庭与随迁老人家庭多,夫妻关系、亲子关系和家庭女性的情绪压力问题较为突出,但居民顾虑“家丑不外扬”,主动求助的少;' +
      '社区缺少贴近家庭、可持续的互助力量,专业服务难以覆盖。',
    objectives: [
      '开展“49度WO主幸福”“行知读书会”“心灵驿站”3个子项目',
      '培养15名解忧陪伴志愿者',
      '推动被服务者转变为服务提供者',
    ],
    activityPlan: [
      step('49度WO主幸福', '第2—10月', '面向家庭女性的成长小组,学习情绪管理与家庭沟通方法。'),
      step('行知读书会', '第2—11月', '每月共读家庭教育与个人成长书籍,分享家庭经营经验。'),
      step('心灵驿站', '第3—12月', '心理咨询师驻点咨询,解忧志愿者提供陪伴与转介。'),
      step('解忧志愿者培训', '第3—6月', '开展倾听、陪伴与危机识别培训,考核合格后上岗。'),
    ],
    beneficiaries: '南头街道田厦社区的家庭成员,特别是家庭女性,约600人次。',
    indicatorTargets: [
      target('活动场次', '场', 30),
      target('服务人次', '人次', 600),
      target('解忧陪伴志愿者', '名', 15),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 48_000),
      line('心理咨询师督导费', 14_400, '每月1次,每次1200元'),
      line('子项目活动物资', 12_000),
      line('志愿者培训费', 6_000),
      line('宣传及资料印制', 3_600),
    ],
    team: [member('谢婉仪', '项目负责人'), member('梁晓彤', '社工'), member('郭嘉宁', '心理咨询师')],
    changeNote: null,
  };
  const xingfu2: DemoRevision = {
    ...xingfu1,
    at: daysAgo(5),
    objectives: [
      '开展“49度WO主幸福”“行知读书会”“走道乐活营”“心灵驿站”4个子项目',
      '培养21名稳定服务社区家庭的解忧陪伴志愿者',
      '组建4支由社区居民组成的项目执行团队,实现家庭自助到社区互助的转变',
    ],
    activityPlan: [
      ...xingfu1.activityPlan.slice(0, 2),
      step('走道乐活营', '第4—10月', '组织家庭成员开展健步走与户外亲子活动,在活动中结识邻里。'),
      ...xingfu1.activityPlan.slice(2),
    ],
    beneficiaries:
      '南头街道田厦社区,粤海街道蔚蓝海岸社区、麻岭社区,蛇口街道深圳湾社区,招商街道海月社区的家庭成员,特别是家庭女性,约748人次。',
    indicatorTargets: [
      target('活动场次', '场', 38),
      target('服务人次', '人次', 748),
      target('解忧陪伴志愿者', '名', 21),
      target('居民项目执行团队', '支', 4),
      target('覆盖社区', '个', 5),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 48_000),
      line('心理咨询师督导费', 14_400, '每月1次,每次1200元'),
      line('子项目活动物资', 15_000),
      line('走道乐活营活动费', 8_000),
      line('志愿者培训费', 6_000),
      line('宣传及资料印制', 3_600),
    ],
    changeNote:
      '根据导师两次辅导意见修改:①新增“走道乐活营”子项目,子项目由3个增加到4个;②服务范围由田厦社区扩展到蔚蓝海岸、麻岭、深圳湾、海月社区;' +
      '③活动场次目标由30场提高到38场,服务人次由600提高到748,解忧陪伴志愿者由15名提高到21名,新增“居民项目执行团队”4支和“覆盖社区”5个指标;' +
      '④预算新增走道乐活营活动费8000元,子项目活动物资由12000元调增为15000元。',
  };

  const nanyuan1: DemoRevision = {
    at: daysAgo(2),
    summary:
      '依托2020年疫情期间成立的“同心南园邻里互助会”,在南园社区党委引领下,把互助会由疫情特殊服务过渡为常态服务,建立“重点工作+常规工作+应急工作”服务体系:' +
      '重点帮扶困弱妇女及其家庭,常态开展四点半课堂、岗位对接和夏日送清凉,在台风等突发事件时发挥能动作用。',
    needs:
      '南园社区有5个住宅小区、950栋楼宇、12852户居民,人员流动率高达91%,是典型的“陌生人社会”;困难家庭、空巢老人、高龄老人、残疾人等群体需要身边的邻里支持。' +
      '互助会成立之初有会员30多人,现已发展到70多人,但会员管理、服务记录仍不够规范。',
    objectives: [
      '会员由70多人发展到100人,制定并落实互助会制度手册',
      '为困弱妇女及其家庭提供结对帮扶',
      '常态化开展四点半课堂和夏日送清凉服务',
      '建立台风等突发事件的应急响应机制',
    ],
    activityPlan: [
      step('会员发展与制度建设', '第1—3月', '招募新会员,制定互助会制度手册,规范会员发展、服务开展与记录。'),
      step('困弱家庭结对帮扶', '全年', '会员与困弱妇女家庭结对,提供课业辅导、生活物资和岗位信息。'),
      step('四点半课堂', '每学期', '在党群服务中心为双职工和单亲家庭的孩子提供课后辅导。'),
      step('夏日送清凉', '第6—9月', '每周为社区环卫工、建筑工、巡防人员送消暑凉茶和绿豆汤。'),
      step('应急响应演练', '第5月', '台风季前开展应急分工与联络演练。'),
    ],
    beneficiaries: '南园社区困难家庭、空巢老人、高龄老人、残疾人及在社区工作的环卫工、建筑工、巡防人员。',
    indicatorTargets: [
      target('互助会会员', '人', 100),
      target('结对帮扶困弱家庭', '户', 30),
      target('四点半课堂', '场', 60),
      target('送清凉活动', '期', 20),
      target('服务人次', '人次', 6500),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('四点半课堂学习用品', 6_000),
      line('送清凉饮品及物资', 12_000),
      line('困弱家庭慰问物资', 9_000),
      line('会员培训与团建', 4_000),
      line('制度手册印制', 1_500),
    ],
    team: [member('叶淑芬', '会长'), member('莫志华', '副会长'), member('谭小燕', '志愿者骨干')],
    changeNote: null,
  };

  // -------------------------------------------------------------------------------------------
  // 龙岗区 2022 (closed programmes)
  // -------------------------------------------------------------------------------------------

  const jingju1: DemoRevision = {
    at: cst('2022-05-20 15:30'),
    summary:
      '以京剧为纽带,组建六约北社区京剧队,开展京剧唱段教学、戏曲知识讲座和票友交流,举办社区京剧汇演,传承中华优秀传统文化,' +
      '丰富居民精神文化生活,以文化活动凝聚邻里,带动居民参与社区治理。',
    needs:
      '六约北社区老年居民和戏曲爱好者较多,自发的戏曲活动缺少固定场地、专业指导和组织,难以持续;社区文化活动形式较为单一,青少年对传统戏曲了解很少。',
    objectives: ['组建一支20人的社区京剧队', '开展京剧唱段教学和戏曲知识讲座', '举办社区京剧汇演,扩大传统文化影响'],
    activityPlan: [
      step('京剧队组建与招募', '2022-07', '在社区发布招募,组建京剧队并推选队长。'),
      step('京剧唱段教学', '2022-07至2022-12', '每周一次,由专业京剧老师教授经典唱段和身段。'),
      step('戏曲知识讲座', '2022-08至2022-11', '介绍京剧行当、脸谱和经典剧目。'),
      step('社区京剧汇演', '2022-12', '京剧队在社区广场汇报演出,邀请居民参与。'),
    ],
    beneficiaries: '六约北社区戏曲爱好者、老年居民及其家庭,约800人次。',
    indicatorTargets: [
      target('活动场次', '场', 24),
      target('服务人次', '人次', 800),
      target('京剧队骨干队员', '人', 20),
      target('社区京剧汇演', '场', 1),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('京剧老师授课费', 14_400, '24次×600元'),
      line('戏服及道具租借', 12_000),
      line('汇演场地布置及音响', 8_000),
      line('宣传物料', 3_000),
      line('茶水及活动保险', 2_600),
    ],
    team: [member('曾国强', '项目负责人'), member('谭美华', '京剧队队长'), member('许晨', '社区专职工作者')],
    changeNote: null,
  };
  const jingju2: DemoRevision = {
    ...jingju1,
    at: cst('2022-06-10 16:00'),
    objectives: [
      '组建一支20人的社区京剧队,培育居民文化骨干',
      '开展京剧唱段教学、戏曲知识讲座和京剧进校园启蒙活动',
      '举办2场社区京剧汇演,扩大传统文化影响',
      '以京剧队为纽带,带动居民参与社区议事和志愿服务',
    ],
    activityPlan: [
      ...jingju1.activityPlan.slice(0, 3),
      step('京剧进校园', '2022-09至2022-11', '京剧队与老师走进辖区小学,开展儿童京剧启蒙和脸谱绘制。'),
      step('社区京剧汇演', '2022-10、2022-12', '国庆、元旦前各举办一场汇演,京剧队与学生同台。'),
    ],
    beneficiaries: '六约北社区戏曲爱好者、老年居民及其家庭,以及辖区小学学生,约1200人次。',
    indicatorTargets: [
      target('活动场次', '场', 28),
      target('服务人次', '人次', 1200),
      target('京剧队骨干队员', '人', 20),
      target('社区京剧汇演', '场', 2),
      target('戏曲志愿者', '名', 10),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('京剧老师授课费', 16_800, '28次×600元'),
      line('基础戏服及道具购置', 9_800, '由京剧队长期保管使用'),
      line('京剧进校园活动物资', 4_000),
      line('汇演场地布置及音响', 10_000, '2场'),
      line('宣传物料', 3_000),
      line('茶水及活动保险', 2_400),
    ],
    changeNote:
      '参加横岗创新园“社区社会组织如何设计公益创投项目”辅导会后修改:①新增“京剧进校园”儿童京剧启蒙活动,吸引青少年参与;' +
      '②服务人次目标由800提高到1200,社区京剧汇演由1场增加到2场,新增“戏曲志愿者”指标;③戏服由租借改为购置基础戏服并由京剧队长期保管,预算9800元;' +
      '④补充京剧队带动居民参与社区议事和志愿服务的目标。',
  };

  const danqin1: DemoRevision = {
    at: cst('2022-03-01 10:00'),
    summary:
      '面向四联社区离异单亲家庭,通过情感增能支持小组、亲子活动和个案陪伴,帮助单亲父母走出情绪困境、提升亲职能力,搭建单亲家庭互助网络,' +
      '预防和化解因婚姻变故引发的家庭矛盾。',
    needs:
      '四联社区外来人口多,离异单亲家庭数量逐年增加;单亲父母普遍面临情绪低落、经济压力和育儿困难,子女容易出现情绪和行为问题;' +
      '这些家庭顾虑隐私,很少主动求助,社区缺少有针对性的支持服务。',
    objectives: [
      '为30户离异单亲家庭建立服务档案并提供个案陪伴',
      '开展情感增能支持小组,提升单亲父母的情绪调适能力',
      '开展亲子成长活动,改善亲子关系',
    ],
    activityPlan: [
      step('需求调研与建档', '2022-04', '通过社区网格和妇联渠道识别服务对象,评估需求并建档。'),
      step('情感增能支持小组', '2022-05至2022-08', '每期6节,围绕情绪调适、自我关怀和重建社会支持。'),
      step('亲子成长活动', '2022-05至2022-09', '亲子绘本阅读、户外拓展等活动,修复亲子关系。'),
      step('个案陪伴', '2022-04至2022-09', '对高风险家庭开展个案跟进,必要时转介心理咨询。'),
    ],
    beneficiaries: '四联社区离异单亲家庭约30户,包括单亲父母及其子女。',
    indicatorTargets: [
      target('服务家庭', '户', 30),
      target('服务人次', '人次', 600),
      target('支持小组活动', '场', 8),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 48_000),
      line('心理咨询师督导费', 9_600),
      line('支持小组活动物资', 6_000),
      line('亲子活动费', 10_000),
      line('宣传资料', 2_400),
    ],
    team: [member('黄美玲', '项目负责人'), member('罗颖', '社工'), member('陶静怡', '心理咨询师')],
    changeNote: null,
  };
  const danqin2: DemoRevision = {
    ...danqin1,
    at: cst('2022-03-25 14:00'),
    objectives: [
      ...danqin1.objectives,
      '开设12期线上直播课程,覆盖工作繁忙、顾虑隐私的单亲父母',
    ],
    activityPlan: [
      ...danqin1.activityPlan,
      step('线上直播课程', '2022-05至2022-10', '每月2期,主题包括情绪管理、亲子沟通、法律与权益保障。'),
    ],
    indicatorTargets: [
      target('服务家庭', '户', 30),
      target('服务人次', '人次', 900),
      target('支持小组活动', '场', 8),
      target('线上直播课程', '期', 12),
      target('月度服务报告', '份', 6),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目社工劳务费', 48_000),
      line('心理咨询师督导费', 9_600),
      line('支持小组活动物资', 6_000),
      line('亲子活动费', 8_000),
      line('线上直播课程讲师费', 12_000, '12期×1000元'),
      line('直播平台及设备费', 3_000),
      line('宣传资料', 2_400),
    ],
    changeNote:
      '根据横岗创新园导师走访辅导意见修改:①考虑到单亲父母工作时间紧、顾虑隐私,新增12期线上直播课程;②服务人次目标由600提高到900;' +
      '③新增“月度服务报告”指标,按月报送服务资料;④预算新增线上直播课程讲师费和直播平台及设备费,亲子活动费由10000元调减为8000元。',
  };

  const shanghu1: DemoRevision = {
    at: cst('2022-03-05 11:00'),
    summary:
      '以礼耕路沿街商户为重点,在社区党委引领下成立商户联盟,推行商户自治公约和“门前三包”责任制,建立商户议事会,协同解决占道经营、环境卫生、消防安全等问题,' +
      '形成“党建引领,社区共治,商户自治,多方共赢”的街区治理格局。',
    needs:
      '礼耕路是六约南社区商户集中的街道,沿街商户多、流动性大,占道经营、噪音扰民、垃圾乱放和消防隐患等问题反复出现;' +
      '以往主要依靠执法整治,商户参与的积极性不高,问题容易反弹。',
    objectives: ['成立礼耕路商户联盟,吸纳沿街商户加入', '制定商户自治公约,落实“门前三包”', '建立商户议事会,定期协商街区事务'],
    activityPlan: [
      step('商户走访与联盟筹建', '2022-04', '社区党委带队逐户走访,推选商户代表,筹建联盟。'),
      step('商户自治公约制定', '2022-05', '召开商户大会讨论公约条款,签订“门前三包”责任书。'),
      step('商户议事会', '2022-05至2022-11', '每月召开一次,协商占道经营、环境卫生等街区事务。'),
      step('消防安全培训', '2022-06', '联合消防部门为商户开展消防安全培训和演练。'),
    ],
    beneficiaries: '礼耕路沿街商户及周边居民。',
    indicatorTargets: [
      target('加入联盟商户', '家', 60),
      target('商户议事会', '场', 6),
      target('服务人次', '人次', 500),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目专员劳务费', 36_000),
      line('议事会及培训活动费', 9_000),
      line('公约及宣传物料', 6_000),
      line('消防安全培训费', 5_000),
    ],
    team: [member('卢志明', '项目负责人'), member('钱晓峰', '社区网格员'), member('丁慧', '社工')],
    changeNote: null,
  };
  const shanghu2: DemoRevision = {
    ...shanghu1,
    at: cst('2022-04-02 09:30'),
    objectives: [
      '成立礼耕路商户联盟,吸纳80家沿街商户加入',
      '制定商户自治公约,落实“门前三包”,开展星级商户评选',
      '建立商户议事会与社区党委、物业、执法队的联动机制,定期协商街区事务',
    ],
    activityPlan: [...shanghu1.activityPlan, step('星级商户评选', '2022-10', '由居民和商户代表共同评议,评选星级商户并公示表彰。')],
    indicatorTargets: [
      target('加入联盟商户', '家', 80),
      target('商户议事会', '场', 8),
      target('服务人次', '人次', 800),
      target('星级商户', '家', 20),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('项目专员劳务费', 36_000),
      line('议事会及培训活动费', 11_000),
      line('公约及宣传物料', 6_000),
      line('消防安全培训费', 4_000),
      line('星级商户评选及激励', 8_000),
    ],
    changeNote:
      '根据辅导意见修改:①把商户联盟与社区党委、物业、执法队的联动机制写入方案;②加入联盟商户目标由60家提高到80家,商户议事会由6场增加到8场,服务人次由500提高到800;' +
      '③新增星级商户评选活动、指标和预算;④议事会及培训活动费调增为11000元,消防安全培训费调减为4000元。',
  };

  const gongzhi1: DemoRevision = {
    at: cst('2022-02-25 10:00'),
    summary: '在怡锦社区打造“居民共治空间”,为居民开展自治活动提供固定场地和议事平台,组织居民议事会,收集并协商解决小区公共事务。',
    needs:
      '怡锦社区住宅小区多,居民对停车、环境卫生、公共设施维护等公共事务意见较多,但缺少固定的议事场所和规范的议事程序,' +
      '居民诉求多通过投诉表达,协商解决的渠道不畅。',
    objectives: ['改造一处居民共治空间', '每月召开居民议事会', '收集并推动解决居民关心的公共事务'],
    activityPlan: [
      step('共治空间改造', '2022-04至2022-05', '改造社区闲置用房,设置议事区、调解室和居民意见墙。'),
      step('居民议事会', '2022-06至2022-11', '每月一次,居民代表、物业和社区共同协商公共事务。'),
      step('民意收集', '2022-05至2022-11', '通过意见墙、网格走访和线上问卷收集居民诉求。'),
    ],
    beneficiaries: '怡锦社区各住宅小区居民。',
    indicatorTargets: [
      target('居民议事会', '场', 6),
      target('参与居民', '人次', 400),
      target('议事事项办结', '项', 10),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('共治空间改造及设施', 60_000),
      line('议事会活动费', 8_000),
      line('宣传物料', 5_000),
      line('项目专员劳务费', 30_000),
    ],
    team: [member('蔡文娟', '项目负责人'), member('欧阳明', '社区专职工作者')],
    changeNote: null,
  };
  const gongzhi2: DemoRevision = {
    ...gongzhi1,
    at: cst('2022-03-18 15:00'),
    summary:
      '以“党委领导、部门协同、居民参与、法治保障、德治支撑”为工作思路,在怡锦社区打造“居民共治空间”,为居民开展自治活动搭建系统性、专门性、群众性的共治平台:' +
      '组织居民议事会协商小区公共事务,引入律师驻点提供法治保障,开展邻里评议弘扬德治。',
    objectives: [
      '以“党委领导、部门协同、居民参与、法治保障、德治支撑”为思路,打造居民共治空间',
      '每月召开居民议事会,协商解决小区公共事务',
      '引入律师驻点提供法治保障,开展邻里评议弘扬德治',
    ],
    activityPlan: [
      ...gongzhi1.activityPlan,
      step('律师驻点服务', '2022-06至2022-11', '社区法律顾问每月两次驻点,参与议事并提供法律咨询。'),
      step('邻里评议', '2022-08至2022-11', '评议文明家庭和好邻居,以德治促自治。'),
    ],
    indicatorTargets: [
      target('居民议事会', '场', 6),
      target('参与居民', '人次', 600),
      target('议事事项办结', '项', 10),
      target('律师驻点服务', '次', 12),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [...gongzhi1.budgetLines, line('律师驻点服务费', 12_000, '12次×1000元')],
    changeNote:
      '第一次修改(导师走访辅导后):①明确“党委领导、部门协同、居民参与、法治保障、德治支撑”的工作思路;②新增律师驻点“法治保障”服务和“德治”邻里评议活动;' +
      '③参与居民目标由400人次提高到600人次,新增“律师驻点服务”指标;④新增律师驻点服务费12000元。',
  };
  const gongzhi3: DemoRevision = {
    ...gongzhi2,
    at: cst('2022-04-06 11:00'),
    objectives: [
      ...gongzhi2.objectives.slice(0, 1),
      '制定《居民议事规则》,每月召开居民议事会,协商解决小区公共事务',
      ...gongzhi2.objectives.slice(2),
      '总结共治空间运行经验,承接现场观摩,形成可推广的共治模式',
    ],
    activityPlan: [
      ...gongzhi2.activityPlan,
      step('现场观摩与经验推广', '2022-12', '整理共治空间运行案例,承接区内各街道现场观摩。'),
    ],
    indicatorTargets: [
      target('居民议事会', '场', 10),
      target('参与居民', '人次', 800),
      target('议事事项办结', '项', 15),
      target('律师驻点服务', '次', 12),
      target('接待观摩', '人次', 100),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('共治空间改造及设施', 45_000, '社区党群服务中心提供部分家具'),
      line('议事会活动费', 10_000),
      line('宣传物料', 5_000),
      line('项目专员劳务费', 30_000),
      line('律师驻点服务费', 12_000, '12次×1000元'),
      line('现场观摩与经验推广', 6_000),
    ],
    team: [...gongzhi1.team, member('温建平', '社区法律顾问')],
    changeNote:
      '第二次修改(作为区级重点推荐项目完善方案):①制定《居民议事规则》,居民议事会由6场增加到10场,议事事项办结目标由10项提高到15项,参与居民由600人次提高到800人次;' +
      '②社区党群服务中心提供部分家具,共治空间改造及设施预算由60000元调减为45000元,议事会活动费调增为10000元;③新增“现场观摩与经验推广”活动及“接待观摩”指标;④团队增加社区法律顾问。',
  };

  const longling1: DemoRevision = {
    at: cst('2022-03-20 16:00'),
    summary:
      '深化“美好生活 龙岭花开”民生幸福街建设:以党建引领,联动辖区单位、商户和居民共建街区公共空间、共治街区环境秩序、共享便民服务,营造共建共治共享治理格局。' +
      '该项目前期在龙岗区政府2019年度民生实事评审中以96.4分获59个参评项目专家评分第1名,本期重在巩固成效,形成可复制的街区治理模式。',
    needs:
      '龙岭社区街区人口密集,公共空间不足,街区环境秩序和便民服务仍有短板;前期建设形成的共建机制需要制度化,居民和商户持续参与需要新的载体。',
    objectives: [
      '完善民生幸福街共建共治共享机制,修订街区治理公约',
      '组织居民、商户参与街区微更新和环境维护',
      '形成可复制推广的“一社区一特色”街区治理案例',
    ],
    activityPlan: [
      step('街区议事与公约修订', '2022-05', '召开居民、商户、辖区单位议事会,修订街区治理公约。'),
      step('街区微更新共建', '2022-06至2022-09', '居民和商户共同设计、共同参与街角花园、休憩座椅等微更新。'),
      step('便民服务集市', '2022-07至2022-11', '每月一次,联合辖区单位提供义诊、维修、法律咨询等便民服务。'),
      step('案例总结与推广', '2022-12', '总结街区治理经验,汇编案例。'),
    ],
    beneficiaries: '龙岭社区居民、沿街商户和辖区单位职工。',
    indicatorTargets: [
      target('街区微更新点位', '处', 6),
      target('便民服务集市', '场', 6),
      target('参与居民', '人次', 1500),
      target('志愿者', '名', 40),
      target('服务对象满意度', '%', 90),
    ],
    budgetLines: [
      line('街区微更新材料及施工', 90_000),
      line('便民服务集市活动费', 18_000),
      line('议事与公约宣传', 6_000),
      line('项目专员劳务费', 36_000),
      line('案例汇编', 5_000),
    ],
    team: [member('潘俊', '项目负责人'), member('韩雪', '社区专职工作者'), member('石磊', '社工')],
    changeNote: null,
  };

  const projects: DemoProject[] = [
    {
      title: '复能者俱乐部——社区精神康复柏人计划',
      program: 'nanshan', organization: 'huimin', applicant: 'applicant.huimin',
      focusArea: '精神康复', communityServed: '南山区试点社区(区残联家属资源中心)',
      status: ProjectStatus.SUBMITTED, createdAt: daysAgo(22), submittedAt: daysAgo(18),
      leadStaff: 'staff', mentors: ['mentor2'],
      revisions: [funengzhe1],
    },
    {
      title: '心向阳光·爱满南头——精障人士帮扶',
      program: 'nanshan', organization: 'shengyangsheng', applicant: 'applicant.shengyangsheng',
      focusArea: '精神康复', communityServed: '南山区南头街道',
      status: ProjectStatus.SUBMITTED, createdAt: daysAgo(26), submittedAt: daysAgo(11),
      leadStaff: 'staff', mentors: ['mentor2'],
      revisions: [xiangyang1, xiangyang2],
    },
    {
      title: '反毒馨生——“过来人”志愿者培育',
      program: 'nanshan', organization: 'wenxin', applicant: 'applicant',
      focusArea: '禁毒宣传', communityServed: '南山区(辖区社区及校园)',
      status: ProjectStatus.SUBMITTED, createdAt: daysAgo(29), submittedAt: daysAgo(10),
      leadStaff: 'staff', mentors: ['mentor'],
      revisions: [fandu1, fandu2],
    },
    {
      title: '家庭幸福经营学院',
      program: 'nanshan', organization: 'darongshu', applicant: 'applicant.darongshu',
      focusArea: '社区治理', communityServed: '南山区南头街道田厦社区',
      status: ProjectStatus.DRAFT, createdAt: daysAgo(23), submittedAt: null,
      leadStaff: 'staff', mentors: ['mentor', 'mentor2'],
      revisions: [xingfu1, xingfu2],
    },
    {
      // Just started by a resident group: no lead staff, no mentors yet.
      title: '同心南园邻里互助会',
      program: 'nanshan', organization: 'nanyuan', applicant: 'applicant.nanyuan',
      focusArea: '社区治理', communityServed: '南山区南山街道南园社区',
      status: ProjectStatus.DRAFT, createdAt: daysAgo(3), submittedAt: null,
      leadStaff: null, mentors: [],
      revisions: [nanyuan1],
    },
    {
      title: '京剧唱响六约北',
      program: 'longgang_roadshow', organization: 'liuyuebei', applicant: 'applicant.liuyuebei',
      focusArea: '文化传承', communityServed: '龙岗区横岗街道六约北社区',
      status: ProjectStatus.SUBMITTED, createdAt: cst('2022-05-18 10:00'), submittedAt: cst('2022-06-20 17:00'),
      leadStaff: 'staff2', mentors: ['mentor'],
      revisions: [jingju1, jingju2],
    },
    {
      title: '守望相助,一路同行——离异单亲家庭情感增能成长',
      program: 'longgang_governance', organization: 'silian', applicant: 'applicant.silian',
      focusArea: '家庭服务', communityServed: '龙岗区横岗街道四联社区',
      status: ProjectStatus.SUBMITTED, createdAt: cst('2022-02-28 09:00'), submittedAt: cst('2022-04-08 10:00'),
      leadStaff: 'staff2', mentors: ['mentor', 'mentor2'],
      revisions: [danqin1, danqin2],
    },
    {
      title: '商户联盟新模式',
      program: 'longgang_governance', organization: 'liuyuenan', applicant: 'applicant.liuyuenan',
      focusArea: '社区治理', communityServed: '龙岗区横岗街道六约南社区(礼耕路)',
      status: ProjectStatus.SUBMITTED, createdAt: cst('2022-03-03 14:00'), submittedAt: cst('2022-04-12 09:00'),
      leadStaff: 'staff2', mentors: ['mentor2'],
      revisions: [shanghu1, shanghu2],
    },
    {
      title: '居民共治空间',
      program: 'longgang_governance', organization: 'yijin', applicant: 'applicant.yijin',
      focusArea: '社区治理', communityServed: '龙岗区横岗街道怡锦社区',
      status: ProjectStatus.SUBMITTED, createdAt: cst('2022-02-24 10:00'), submittedAt: cst('2022-04-10 16:00'),
      leadStaff: 'staff2', mentors: ['mentor2'],
      revisions: [gongzhi1, gongzhi2, gongzhi3],
    },
    {
      title: '打造“美好生活 龙岭花开”共建共治共享民生幸福街',
      program: 'longgang_governance', organization: 'longling', applicant: 'applicant.longling',
      focusArea: '社区治理', communityServed: '龙岗区布吉街道龙岭社区',
      status: ProjectStatus.SUBMITTED, createdAt: cst('2022-03-18 09:00'), submittedAt: cst('2022-03-28 11:00'),
      leadStaff: 'staff', mentors: ['mentor2'],
      revisions: [longling1],
    },
  ];

  return { programs, projects };
}
