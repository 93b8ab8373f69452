/**
 * 横岗创新园's 2022, as its annual report tells it (《创新基层社会治理,培育健康社会心态——横岗创新园2022年度运营工作
 * 成效显著》, 2022-12-31), played through the API like the rest of the story, so that the park's generated
 * 2022 operations report states the source's figures:
 * - 一: 2 exchanges (交流活动) and the “主题日” series — the 亲子 theme day, the 公益创投 coaching workshop
 *   (“累计辅导8个项目,成功申报5个项目”: the five roadshow entries and three drafts that never applied), the
 *   “反诈有我,党员先行” talk and the 党员志愿队 it formed, 儿童议事会 “小达人”, 企业员工.
 * - 二: “走访督导社区16轮”: the three visits below join the 13 the governance and roadshow chapters log;
 *   the 观摩会 of 居民共治空间 on 12-08, “分4批次共接待全区11个街道122人次”.
 * - 四: 4 “社会达人训练营系列” activities; the training courses of 横岗街道社会心理服务骨干人才培训班 (4 online,
 *   4 on site) and of the 第五届“横岗好心态,幸福横岗人” project (2 热线和危机干预培训及演练, 4 个案团体督导),
 *   whose person-times add up to “97人次参与到培训中”. Its 2 心理健康评估筛查 are not played: they screened
 *   “100余名社区重点人员” for their service files, a service to residents and no gathering of people trained,
 *   and counting them as a course would break the source's 97.
 *
 * Titles, dates' order and the figures above are the source's. The dates themselves, the people who came
 * (fictitious names), their units, the headcounts, the satisfaction answers, the 社会达人 topics and the
 * three drafts are DEMO VALUES. The park's officer (罗嘉欣, `staff.henggang`) runs its activities; the
 * district's (吴俊杰) creates the 观摩会 its 领导小组办公室 organised.
 */
import { CoachingMode } from '../src/modules/coaching/coaching-session.entity.js';
import { attendanceOf, activityReportFigures } from '../src/modules/park-activities/park-activities.queries.js';
import { ActivityKind, SessionMode } from '../src/modules/park-activities/park-activity.entity.js';
import { Park } from '../src/modules/places/park.entity.js';
import { Project } from '../src/modules/projects/project.entity.js';
import { SupervisionVisit, RiskLevel, VisitKind } from '../src/modules/supervision/supervision-visit.entity.js';
import type { Acting } from './acting.js';
import type { ActivityPlan, Attendee, DemoActions, GuestPlan, VisitPlan } from './demo-actions.js';
import { cst, line, member, step, target, type RevisionContent } from './demo-data.js';
import type { DemoProject } from './demo-proposals.js';

const t = cst;
const MINUTE = 60_000;
const plus = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);
const STAFF = 'staff.henggang';
const YEAR = { from: cst('2022-01-01 00:00'), to: cst('2023-01-01 00:00') };

/** The figures of the source this chapter reproduces (and `verifyHenggang2022` checks). */
export const HENGGANG_2022 = {
  trainingPersonTimes: 97,
  observation: { personTimes: 122, streets: 11, batches: 4 },
  workshop: { coached: 8, applied: 5 },
  supervisionVisits: 16,
};

// ---------------------------------------------------------------------------------------------
// The three projects coached at the workshop that never applied (DEMO VALUES: invented)
// ---------------------------------------------------------------------------------------------

export const HENGGANG_DRAFTS = {
  weijia: {
    title: '四联社区“巾帼微家”邻里互助', program: 'longgang_roadshow', applicant: 'applicant.jinguo',
    focusArea: '社区治理', communityServed: '龙岗区横岗街道四联社区', invented: true,
  },
  shuzi: {
    title: '六约社区“银龄数字课堂”长者智能手机助学', program: 'longgang_roadshow', applicant: 'applicant.yinling',
    focusArea: '为老服务', communityServed: '龙岗区横岗街道六约社区', invented: true,
  },
  sidianban: {
    title: '六约北社区“四点半课堂”青少年成长营', program: 'longgang_roadshow', applicant: 'applicant.sidianban',
    focusArea: '青少年服务', communityServed: '龙岗区横岗街道六约北社区', invented: true,
  },
} satisfies Record<string, DemoProject>;
type DraftKey = keyof typeof HENGGANG_DRAFTS;

const DRAFT_PROPOSALS: Record<DraftKey, RevisionContent> = {
  weijia: {
    summary: '组织四联社区的妇女骨干组成“巾帼微家”互助小组,为双职工家庭、单亲母亲提供临时托管、结对探访和邻里互助,以妇女带动家庭参与社区事务。',
    needs: '四联社区双职工家庭和单亲母亲较多,孩子放学后和家长加班时缺少照看;社区妇女骨干有互助意愿,但缺少组织和固定的活动空间。',
    objectives: ['组建20人的“巾帼微家”互助小组', '结对帮扶30户有需要的家庭', '每月开展1次邻里互助活动'],
    activityPlan: [
      step('互助小组组建与培训', '2022-08', '招募妇女骨干,开展儿童照护和沟通技巧培训。'),
      step('结对帮扶', '2022-09至2023-01', '互助小组成员与需要帮助的家庭结对,提供临时托管和探访。'),
      step('邻里互助活动', '2022-09至2023-01', '每月组织手工、读书等邻里活动。'),
    ],
    beneficiaries: '四联社区双职工家庭和单亲母亲家庭约30户。',
    indicatorTargets: [target('互助小组成员', '人', 20), target('结对帮扶家庭', '户', 30), target('服务人次', '人次', 400), target('服务对象满意度', '%', 90)],
    budgetLines: [line('互助小组培训', 6_000), line('邻里互助活动费', 15_000), line('志愿者保险', 3_000), line('宣传物料', 2_000)],
    team: [member('彭秀梅', '项目负责人'), member('叶丽芳', '互助小组组长')],
    changeNote: null,
  },
  shuzi: {
    summary: '招募年轻志愿者和“银龄”骨干,在六约社区开设长者智能手机课堂,教长者使用健康码、网上挂号、视频通话和防诈骗设置,帮助长者跨越“数字鸿沟”。',
    needs: '疫情防控中扫码、预约等场景越来越多,六约社区不少长者不会使用智能手机,出行和就医不便,也容易受到网络诈骗。',
    objectives: ['开设16期长者智能手机课堂', '培育10名“银龄”助教', '编印长者智能手机使用手册'],
    activityPlan: [
      step('志愿者与助教招募', '2022-08', '招募青年志愿者和会用智能手机的长者担任助教。'),
      step('智能手机课堂', '2022-09至2023-01', '每周一期,小班教学,一对一辅导。'),
      step('使用手册编印', '2022-11', '整理常用操作的图文手册,发给参加课堂的长者。'),
    ],
    beneficiaries: '六约社区60岁以上长者约120人。',
    indicatorTargets: [target('智能手机课堂', '期', 16), target('“银龄”助教', '名', 10), target('服务人次', '人次', 480), target('服务对象满意度', '%', 90)],
    budgetLines: [line('课堂教具及场地布置', 8_000), line('志愿者交通及餐费补贴', 6_400), line('使用手册编印', 5_000), line('宣传物料', 1_600)],
    team: [member('邱永康', '项目负责人'), member('陈晓婷', '志愿者骨干')],
    changeNote: null,
  },
  sidianban: {
    summary: '依托六约北社区党群服务中心开设“四点半课堂”,组织大学生志愿者和社区党员为放学后无人照看的青少年提供作业辅导、阅读和兴趣活动。',
    needs: '六约北社区外来务工家庭多,家长下班晚,孩子放学后在街头或独自在家,存在安全隐患,学业也缺少辅导。',
    objectives: ['开设“四点半课堂”,每周服务4天', '招募30名大学生和党员志愿者', '服务青少年60名'],
    activityPlan: [
      step('志愿者招募与培训', '2022-08', '招募大学生和社区党员志愿者,开展儿童安全与辅导方法培训。'),
      step('四点半课堂', '2022-09至2023-01', '周一至周四下午放学后开展作业辅导和阅读活动。'),
      step('兴趣活动', '2022-09至2023-01', '每月组织一次京剧、手工、科普等兴趣活动。'),
    ],
    beneficiaries: '六约北社区放学后无人照看的青少年约60名。',
    indicatorTargets: [target('志愿者', '名', 30), target('服务青少年', '名', 60), target('服务人次', '人次', 2400), target('服务对象满意度', '%', 90)],
    budgetLines: [line('学习用品及图书', 10_000), line('兴趣活动费', 12_000), line('志愿者保险及补贴', 14_000), line('宣传物料', 2_000)],
    team: [member('温雅丽', '项目负责人'), member('何俊辉', '大学生志愿者队长')],
    changeNote: null,
  },
};

/** Why each stopped short of applying, as the officer's coaching after the workshop found. */
const DRAFT_COACHING: Record<DraftKey, { heldAt: string; mode: CoachingMode; topics: string[]; notes: string }> = {
  weijia: {
    heldAt: '2022-06-07 15:00', mode: CoachingMode.ON_SITE, topics: ['需求定位', '资源整合'],
    notes: '辅导会后到四联社区讨论第1版方案。结对帮扶的对象与四联社区正在实施的“守望相助,一路同行”项目服务的单亲家庭大部分重合;' +
      '建议互助小组作为志愿者加入该项目,积累服务经验后再独立申报。小组同意,本届大赛不再申报。',
  },
  shuzi: {
    heldAt: '2022-06-09 10:00', mode: CoachingMode.PHONE, topics: ['场地', '志愿者队伍'],
    notes: '电话辅导第1版方案。课堂设计清楚,但固定上课场地和稳定的助教队伍都还没有落实,疫情防控期间社区活动室开放也受限制;' +
      '建议先在长者饭堂试办几期、培育助教,明年再申报。协会决定本届不申报。',
  },
  sidianban: {
    heldAt: '2022-06-10 16:00', mode: CoachingMode.ON_SITE, topics: ['项目选择', '可持续性'],
    notes: '到六约北社区讨论第1版方案。社区今年集中力量申报《京剧唱响六约北》;“四点半课堂”是常态化服务,更适合纳入社区“民生微实事”项目。' +
      '志愿服务队同意不参加本届大赛,方案转报民生微实事。',
  },
};

/** Created before the workshop, revised, coached after it; never submitted. Called by the roadshow chapter. */
export async function henggangDrafts(s: DemoActions): Promise<void> {
  const created: Record<DraftKey, string> = { weijia: '2022-05-20 10:00', shuzi: '2022-05-24 15:00', sidianban: '2022-05-27 09:30' };
  for (const [key, at] of Object.entries(created) as [DraftKey, string][]) {
    await s.create(key, HENGGANG_DRAFTS[key], t(at));
    await s.team(key, STAFF, plus(t(at), 6 * 60), STAFF);
    await s.revise(key, plus(t(at), 28 * 60), DRAFT_PROPOSALS[key]);
  }
  for (const [key, coaching] of Object.entries(DRAFT_COACHING) as [DraftKey, (typeof DRAFT_COACHING)[DraftKey]][]) {
    const heldAt = t(coaching.heldAt);
    await s.coach(`${key}.1`, key, STAFF, plus(heldAt, 150), {
      heldAt, mode: coaching.mode, durationMinutes: coaching.mode === CoachingMode.PHONE ? 40 : 90, discusses: 1,
      topics: coaching.topics, notes: coaching.notes, actionItems: [],
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 走访督导: three more rounds of 2022 (with the 13 of demo-story.ts: 16)
// ---------------------------------------------------------------------------------------------

export interface PlannedVisit {
  key: string;
  project: string;
  visitor: string;
  at: Date;
  plan: VisitPlan;
  /** When and how its follow-ups were closed, in order. */
  closed?: [Date, string][];
}

/** To the governance projects while in delivery (from May 2022): played among the governance chapter's steps. */
export const HENGGANG_GOVERNANCE_VISITS: PlannedVisit[] = [
  {
    key: 'shanghu.hg1', project: 'shanghu', visitor: STAFF, at: t('2022-08-17 10:00'),
    plan: {
      kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.NORMAL,
      findings: '走访礼耕路检查商户议事会台账:区委主要领导调研后召开议事会2场,议定“门前三包”轮值和垃圾定时收运办法;联盟商户增至61家。',
    },
  },
  {
    key: 'gongzhi.hg1', project: 'gongzhi', visitor: STAFF, at: t('2022-11-10 15:00'),
    plan: {
      kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.NORMAL,
      findings: '区级现场观摩会筹备检查:居民议事会累计召开8场,办结议事事项12项;共治空间运行案例和展板已整理,分批接待的参观动线和讲解安排已确定。',
    },
  },
];

/** 客家茶果 in the December 2022 wave (before it is terminated): played by the roadshow chapter. */
export const HENGGANG_ROADSHOW_VISITS: PlannedVisit[] = [
  {
    key: 'chaguo.hg1', project: 'chaguo', visitor: STAFF, at: t('2022-12-16 10:00'),
    plan: {
      kind: VisitKind.SITE_VISIT, riskLevel: RiskLevel.ATTENTION,
      findings: '已完成8期茶果工作坊和口述史采编;社区疫情感染人数上升,参与的客家老人多为高龄人群,12月的工作坊全部暂停,春节茶果分享会能否举办不确定。',
      followUps: [{ description: '评估剩余4期工作坊和春节分享会能否在资助期内完成,必要时提出调整或终止申请', due: t('2022-12-30 18:00') }],
    },
    closed: [[t('2022-12-29 16:00'), '经与社区和茶果传承人评估,疫情高峰期内无法恢复多人共同制作和分享食物的活动,剩余活动无法在资助期内完成;已向区民政局提出终止申请。']],
  },
];

export async function playVisits(s: DemoActions, visits: PlannedVisit[]): Promise<void> {
  for (const visit of visits) {
    await s.visit(visit.key, visit.project, visit.visitor, visit.at, plus(visit.at, 120), visit.plan);
    for (const [i, [at, resolution]] of (visit.closed ?? []).entries()) await s.closeFollowUp(`${visit.key}/${i}`, visit.visitor, at, resolution);
  }
}

// ---------------------------------------------------------------------------------------------
// Who came (DEMO VALUES: fictitious people; units as the sources name such units)
// ---------------------------------------------------------------------------------------------

const person = (key: string): Attendee => ({ person: key });
const guest = (name: string, unit: string, community: string | null = null, street = '横岗街道'): Attendee =>
  ({ guest: { name, unit, district: '龙岗区', street, community } satisfies GuestPlan });

/** Applicants of the park's organisations, members of the platform. */
const MEMBERS = {
  liuyuebei: person('applicant.liuyuebei'), silian: person('applicant.silian'), liuyuenan: person('applicant.liuyuenan'),
  liuyue: person('applicant.liuyue'), yijin: person('applicant.yijin'),
  jinguo: person('applicant.jinguo'), yinling: person('applicant.yinling'), sidianban: person('applicant.sidianban'),
};

/** Satisfaction answers, taken in turn across the year: 4.7 on average. */
const SCORES = [5, 5, 4, 5, 5, 5, 4, 5, 3, 5, 5, 4, 5, 5, 5, 4, 5, 5, 5, 5];
const FEEDBACK: Record<number, string> = { 8: '希望多安排实操和案例讨论的时间。', 28: '场地有点小,后排听不太清楚。', 48: '时间安排在工作日下午,不方便上班的居民参加。' };

interface Played {
  key: string;
  createdBy: string;
  createdAt: Date;
  plan: ActivityPlan;
  /** Registered before it (by whoever created it). */
  registered?: Attendee[];
  /** Who was checked in to each session, in order. */
  attendance: Attendee[][];
  /** Counted at the door, per session number (open activities). */
  headcounts?: Record<number, number>;
  /** Every `n`-th of those who came answers the satisfaction form. */
  answersEvery: number;
}

const on = (day: string, from: string, to: string, mode = SessionMode.ON_SITE) => ({ startsAt: t(`${day} ${from}`), endsAt: t(`${day} ${to}`), mode });

/** The rotating `count` of a roster who came to session `n`: everyone comes to some sessions, misses others. */
const rota = (roster: Attendee[], counts: number[]) => counts.map((count, n) => roster.filter((_, i) => (i + roster.length - (n * 3) % roster.length) % roster.length < count));

const SERIES = '横岗创新园“主题日”系列活动';
const FIFTH = '横岗街道第五届“横岗好心态,幸福横岗人”项目';
const PARK_VENUE = '横岗创新园';

// 横岗街道社会心理服务骨干人才培训班: ten members (two of them the platform's), 56 person-times over 8 sessions.
const GUGAN: Attendee[] = [
  guest('温晓红', '六约北社区工作站', '六约北社区'), guest('钟丽萍', '四联社区工作站', '四联社区'), guest('李美娟', '六约南社区工作站', '六约南社区'),
  guest('陈嘉怡', '怡锦社区工作站', '怡锦社区'), guest('张伟明', '六约社区工作站', '六约社区'), guest('罗淑贤', '横岗街道社会心理服务站'),
  guest('黄子健', '横岗街道综治中心'), guest('林婉清', '横岗街道社会心理服务站'), MEMBERS.yijin, MEMBERS.silian,
];
const JINDU: Attendee[] = [guest('邓志强', '四联社区禁毒社工', '四联社区'), guest('吴丽君', '六约社区禁毒社工', '六约社区'), guest('谢家豪', '六约北社区禁毒社工', '六约北社区'), guest('曾雅文', '怡锦社区禁毒社工', '怡锦社区')];
const JINGFANG: Attendee[] = [guest('梁晓燕', '横岗街道精防社工'), guest('赖俊杰', '横岗街道精防社工'), guest('苏慧敏', '横岗街道精防社工')];
// 热线和危机干预培训及演练: six of the 骨干 class, the 禁毒 and the 精防 social workers (23 person-times);
// 个案团体督导: the 精防 social workers and the class's two 心理服务站 members on the hotline (18).
const REXIAN = [...GUGAN.slice(0, 6), ...JINDU, ...JINGFANG];
const DUDAO = [...JINGFANG, GUGAN[5], GUGAN[7]];

/** The 观摩会's visitors by street and batch: 122 from the 11 streets of 龙岗区, in 4 batches (the split is a DEMO VALUE). */
const OBSERVATION_BATCHES: [string, number, string[]][][] = [
  [['龙城街道', 13, ['愉园', '黄阁坑', '爱联', '回龙埔']], ['宝龙街道', 10, ['宝龙', '同乐', '龙新']], ['坪地街道', 9, ['坪东', '坪西', '六联']]],
  [['龙岗街道', 12, ['南联', '新生', '平南']], ['园山街道', 10, ['保安', '大康', '荷坳']], ['吉华街道', 10, ['甘坑', '水径', '三联']]],
  [['布吉街道', 14, ['龙岭', '大芬', '金排', '长龙', '罗岗']], ['坂田街道', 12, ['五和', '岗头', '杨美']]],
  [['平湖街道', 11, ['山厦', '良安田', '平湖']], ['南湾街道', 11, ['沙湾', '丹竹头', '南岭村']], ['横岗街道', 10, ['六约北', '四联', '六约南', '六约']]],
];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余叶程魏苏吕丁沈姚卢钟廖赖温邱'];
const GIVEN = ['志强', '丽华', '建国', '晓燕', '海涛', '秀英', '文杰', '美玲', '国平', '春梅', '振宇', '淑贞', '立新', '桂芳', '德明', '慧玲', '伟东', '雅琴', '俊峰', '婉婷', '家豪', '思敏', '永红', '建华', '丽萍', '晓峰', '嘉欣', '子豪', '佩珊', '少华', '凤英', '锦荣', '小玲', '宏伟', '翠萍', '志军'];

/** 122 fictitious visitors: two or three from each street's office (街道办事处), the rest from its communities' 工作站. */
function observationVisitors(): Attendee[][] {
  const used = new Set<string>();
  let n = 0;
  const nextName = () => {
    for (;;) {
      const name = SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 5 + Math.floor(n / SURNAMES.length)) % GIVEN.length];
      n += 1;
      if (!used.has(name)) return used.add(name), name;
    }
  };
  return OBSERVATION_BATCHES.map((batch) => batch.flatMap(([street, count, communities]) =>
    Array.from({ length: count }, (_, i) => guest(nextName(), i < 2 + (count % 2) ? `${street}办事处` : `${street}${communities[i % communities.length]}社区工作站`, null, street))));
}

/** The party members at the 反诈 talk; the first twelve formed the 党员志愿队. */
const FANZHA: Attendee[] = [
  MEMBERS.liuyuenan,
  ...[['丁慧', '六约南社区工作站'], ['罗建军', '六约南社区党委'], ['谢美兰', '六约南社区党委'], ['刘国华', '六约社区党委'], ['陈少芳', '六约社区党委'],
    ['黄志坚', '四联社区党委'], ['张丽琴', '四联社区党委'], ['李伟文', '六约北社区党委'], ['王秀珍', '六约北社区党委'], ['周建明', '怡锦社区党委']]
    .map(([name, unit]) => guest(name, unit, unit.replace(/(工作站|党委)$/, ''))),
  guest('吴建新', '中和盛世园区'),
  ...[['何淑芬', '六约南社区党委'], ['蔡志远', '六约社区党委'], ['郭美玲', '怡锦社区党委']].map(([name, unit]) => guest(name, unit, unit.replace(/党委$/, ''))),
];

function activities(): Played[] {
  const visitors = observationVisitors();
  return [
    // 四: “社会达人训练营系列” (the topics are DEMO VALUES), and the 骨干人才培训班 from April.
    {
      key: 'daren.1', createdBy: STAFF, createdAt: t('2022-04-15 10:00'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.LECTURE, title: '社会达人训练营系列·情绪觉察与管理', topic: '心理科普讲座', venue: PARK_VENUE,
        description: '社会心理服务主题活动:心理咨询师讲解常见情绪问题的识别与自我调适。', sessions: [on('2022-04-23', '09:30', '11:30')] },
      attendance: [[MEMBERS.liuyue, guest('周秀兰', '六约社区居民', '六约社区'), guest('何志成', '六约社区居民', '六约社区'), guest('彭丽娟', '四联社区居民', '四联社区'), guest('江少芬', '六约北社区居民', '六约北社区'), guest('冯国华', '六约南社区居民', '六约南社区'), guest('杜雪琴', '怡锦社区居民', '怡锦社区')]],
    },
    {
      key: 'gugan', createdBy: STAFF, createdAt: t('2022-03-30 10:00'), answersEvery: 2,
      plan: { park: 'henggang', kind: ActivityKind.TRAINING_COURSE, title: '横岗街道社会心理服务骨干人才培训班', topic: '社会心理服务骨干人才培训', venue: PARK_VENUE,
        description: '线上培训课程4期、线下培训课程4期:心理健康知识、倾听与共情、心理危机识别与转介、社区心理服务实务。', capacity: 12,
        sessions: [
          ...['2022-04-08', '2022-04-15', '2022-04-22', '2022-04-29'].map((day) => on(day, '19:30', '21:00', SessionMode.ONLINE)),
          ...['2022-05-14', '2022-05-28', '2022-06-11', '2022-06-25'].map((day) => on(day, '09:30', '12:00')),
        ] },
      registered: GUGAN,
      attendance: rota(GUGAN, [8, 7, 7, 6, 8, 7, 7, 6]),
    },
    // 一: 交流活动 and the “主题日” series, in the source's order.
    {
      key: 'jiaoliu.dangjian', createdBy: STAFF, createdAt: t('2022-04-20 10:00'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.EXCHANGE, title: '党建引领社会治理,聚力携手为党争光', topic: '基层治理交流活动',
        description: '深入党史学习教育阵地,凝聚社会组织、企业、社区居民等各方力量,引领社区社会组织团队及居民以实际行动参与基层社会治理。',
        sessions: [on('2022-04-28', '14:30', '17:00')], organizations: ['liuyuebei', 'liuyuenan', 'liuyue'] },
      attendance: [[MEMBERS.liuyuebei, MEMBERS.liuyuenan, MEMBERS.liuyue, MEMBERS.silian, MEMBERS.yijin,
        guest('陈国栋', '六约北社区京剧队', '六约北社区'), guest('刘振东', '六约南社区礼耕路商户', '六约南社区'), guest('黄玉兰', '六约社区志愿者服务队', '六约社区'),
        guest('吴建新', '中和盛世园区'), guest('钟美华', '中和盛世园区'), guest('谢丽珍', '怡锦社区居民议事会', '怡锦社区')]],
    },
    {
      key: 'jiaoliu.chaguo', createdBy: STAFF, createdAt: t('2022-05-06 10:00'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.EXCHANGE, title: '探索客家茶果文化产业,共建社会治理新模式', topic: '基层治理交流活动',
        description: '探索中华优秀传统文化:客家老人示范艾粄、茶果制作,社区社会组织与居民交流以传统饮食文化凝聚新老居民的做法。',
        sessions: [on('2022-05-13', '09:30', '12:00')], organizations: ['silian'] },
      attendance: [[MEMBERS.silian, MEMBERS.jinguo, MEMBERS.liuyuebei, MEMBERS.yijin,
        guest('刘秀英', '四联社区客家茶果传承人', '四联社区'), guest('叶丽芳', '四联社区巾帼志愿服务队', '四联社区'), guest('古月娥', '四联社区居民', '四联社区'),
        guest('张春燕', '四联社区居民', '四联社区'), guest('罗志明', '六约南社区居民', '六约南社区'), guest('吴建新', '中和盛世园区')]],
    },
    {
      key: 'zhuti.qinzi', createdBy: STAFF, createdAt: t('2022-05-14 10:00'), answersEvery: 3, headcounts: { 1: 46 },
      plan: { park: 'henggang', kind: ActivityKind.THEME_DAY, title: '构建亲子和谐关系,创新基层社会治理', topic: `${SERIES}:亲子绘本阅读、亲子DIY`, venue: PARK_VENUE, openToPublic: true,
        description: '亲子绘本阅读和亲子DIY,为孩子与孩子、孩子与家长、邻里之间搭建交流、学习的平台,增强社区与居民之间的沟通。',
        sessions: [on('2022-05-21', '09:30', '11:30')] },
      attendance: [[MEMBERS.sidianban, MEMBERS.liuyue, guest('李晓敏', '六约社区居民', '六约社区'), guest('陈淑仪', '四联社区居民', '四联社区'), guest('何丽娜', '六约北社区居民', '六约北社区'), guest('吴佩玲', '怡锦社区居民', '怡锦社区')]],
    },
    {
      key: 'zhuti.chuangtou', createdBy: STAFF, createdAt: t('2022-06-01 15:00'), answersEvery: 3,
      plan: { park: 'henggang', kind: ActivityKind.COACHING_WORKSHOP, title: '社区社会组织如何设计公益创投项目辅导会', topic: SERIES, venue: PARK_VENUE,
        description: '聚焦龙岗区2022年社区社会组织优秀项目公益创投大赛的申报需求,对社区社会组织在申报中遇到的问题提供个性化、专业化、有针对性的辅导。',
        sessions: [on('2022-06-02', '09:30', '12:00')],
        projects: ['jingju', 'chaguo', 'xiaodaren', 'fanzha', 'paotui', 'weijia', 'shuzi', 'sidianban'] },
      attendance: [[MEMBERS.liuyuebei, MEMBERS.silian, MEMBERS.yijin, MEMBERS.liuyuenan, MEMBERS.liuyue, MEMBERS.jinguo, MEMBERS.yinling, MEMBERS.sidianban,
        guest('丁慧', '六约南社区工作站', '六约南社区'), guest('欧阳明', '怡锦社区工作站', '怡锦社区'), guest('赖志坚', '六约社区志愿者服务队', '六约社区')]],
    },
    {
      key: 'daren.2', createdBy: STAFF, createdAt: t('2022-06-10 10:00'), answersEvery: 4, headcounts: { 1: 38 },
      plan: { park: 'henggang', kind: ActivityKind.THEME_DAY, title: '社会达人训练营系列·压力与放松', topic: '心理体验活动', venue: PARK_VENUE, openToPublic: true,
        description: '社会心理服务主题活动:正念呼吸、音乐放松等心理体验。', sessions: [on('2022-06-18', '09:30', '11:30')] },
      attendance: [[MEMBERS.yinling, guest('杨桂香', '六约社区居民', '六约社区'), guest('朱海燕', '四联社区居民', '四联社区'), guest('潘文华', '六约南社区居民', '六约南社区'), guest('许晓丽', '怡锦社区居民', '怡锦社区'), guest('曹志伟', '中和盛世园区')]],
    },
    {
      key: 'zhuti.fanzha', createdBy: STAFF, createdAt: t('2022-06-22 10:00'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.LECTURE, title: '反诈有我,党员先行', topic: SERIES, venue: PARK_VENUE,
        description: '反诈宣讲:讲解常见电信网络诈骗手法和反诈宣传技巧,使党员们掌握基础的反诈宣传技巧。',
        sessions: [on('2022-06-29', '14:30', '16:00')], projects: ['fanzha'], organizations: ['liuyuenan'] },
      attendance: [FANZHA],
    },
    {
      key: 'zhuti.fanzhadui', createdBy: STAFF, createdAt: t('2022-06-22 10:30'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.VOLUNTEER_TEAM_FORMATION, title: '横岗创新园反诈骗宣传党员志愿队', topic: SERIES, venue: PARK_VENUE,
        description: '宣讲活动后初步组建党员志愿队,下一步走进社区、小区、园区,带头提升防骗意识、带头参与反诈宣传、带头抵制违法活动。',
        sessions: [on('2022-06-29', '16:10', '16:40')], projects: ['fanzha'], organizations: ['liuyuenan'] },
      attendance: [FANZHA.slice(0, 12)],
    },
    {
      key: 'zhuti.xiaodaren', createdBy: STAFF, createdAt: t('2022-07-08 10:00'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.THEME_DAY, title: '培养基层社会治理“小达人”', topic: `${SERIES}:儿童议事会`, venue: '怡锦社区党群服务中心',
        description: '搭建儿童议事会平台,从儿童视角为社区建设建言献策,合理建议融入社区治理。', sessions: [on('2022-07-16', '09:30', '11:30')],
        projects: ['xiaodaren'], organizations: ['yijin'] },
      attendance: [[MEMBERS.yijin, guest('欧阳明', '怡锦社区工作站', '怡锦社区'),
        ...['陈梓涵', '李思彤', '王浩然', '张雨萱', '刘子轩', '黄欣怡', '周俊熙', '吴诗琪', '郑一鸣', '林可馨'].map((name) => guest(name, '怡锦社区儿童议事会', '怡锦社区'))]],
    },
    {
      key: 'zhuti.qiye', createdBy: STAFF, createdAt: t('2022-08-10 10:00'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.THEME_DAY, title: '企业员工参与基层社会治理的方式', topic: SERIES, venue: PARK_VENUE,
        description: '为企业及员工搭建平台,介绍企业员工参与社区议事、志愿服务和平安建设的方式,让更多主体参与基层社会治理。',
        sessions: [on('2022-08-19', '14:30', '16:30')], organizations: ['liuyuenan'] },
      attendance: [[
        ...['吴建新', '钟美华', '曹志伟', '莫少强', '覃丽梅', '韦国庆', '范晓婷'].map((name) => guest(name, '中和盛世园区')),
        ...['刘振东', '林美凤', '袁家乐', '邹小燕', '姚建平'].map((name) => guest(name, '六约南社区礼耕路商户', '六约南社区')),
      ]],
    },
    // 四: the 第五届 project's trainings, the last two 社会达人 activities.
    {
      key: 'rexian', createdBy: STAFF, createdAt: t('2022-08-25 10:00'), answersEvery: 2,
      plan: { park: 'henggang', kind: ActivityKind.TRAINING_COURSE, title: '第五届“横岗好心态,幸福横岗人”心理热线和心理危机干预培训及演练', topic: FIFTH, venue: PARK_VENUE,
        description: '心理热线接听规范、心理危机评估与干预流程的培训,以及危机个案处置演练。',
        sessions: [on('2022-09-02', '14:00', '17:30'), on('2022-09-16', '14:00', '17:30')] },
      registered: REXIAN,
      attendance: rota(REXIAN, [12, 11]),
    },
    {
      key: 'daren.3', createdBy: STAFF, createdAt: t('2022-09-08 10:00'), answersEvery: 4,
      plan: { park: 'henggang', kind: ActivityKind.LECTURE, title: '社会达人训练营系列·亲子沟通与家庭关系', topic: '心理科普讲座', venue: PARK_VENUE,
        description: '社会心理服务主题活动:家庭教育指导师讲解亲子沟通的方法。', sessions: [on('2022-09-17', '09:30', '11:30')] },
      attendance: [[MEMBERS.sidianban, MEMBERS.jinguo, guest('叶丽芳', '四联社区巾帼志愿服务队', '四联社区'), guest('李晓敏', '六约社区居民', '六约社区'), guest('陈淑仪', '四联社区居民', '四联社区'), guest('邝美仪', '六约北社区居民', '六约北社区'), guest('麦嘉欣', '怡锦社区居民', '怡锦社区')]],
    },
    {
      key: 'dudao', createdBy: STAFF, createdAt: t('2022-09-20 10:00'), answersEvery: 2,
      plan: { park: 'henggang', kind: ActivityKind.TRAINING_COURSE, title: '第五届“横岗好心态,幸福横岗人”心理热线和心理危机个案团体督导', topic: FIFTH, venue: PARK_VENUE,
        description: '心理督导师带领热线和一线社工讨论心理热线和心理危机个案,提升个案处置能力。',
        sessions: [on('2022-09-28', '14:30', '17:00'), on('2022-10-26', '14:30', '17:00'), on('2022-11-23', '14:30', '17:00'), on('2022-12-21', '19:30', '21:00', SessionMode.ONLINE)] },
      registered: DUDAO,
      attendance: rota(DUDAO, [5, 4, 5, 4]),
    },
    {
      key: 'daren.4', createdBy: STAFF, createdAt: t('2022-11-02 10:00'), answersEvery: 4, headcounts: { 1: 42 },
      plan: { park: 'henggang', kind: ActivityKind.THEME_DAY, title: '社会达人训练营系列·幸福心理沙龙', topic: '心理体验活动', venue: PARK_VENUE, openToPublic: true,
        description: '社会心理服务主题活动:心理游戏、幸福感分享和心理咨询服务介绍。', sessions: [on('2022-11-12', '09:30', '11:30')] },
      attendance: [[MEMBERS.yinling, MEMBERS.liuyue, guest('杨桂香', '六约社区居民', '六约社区'), guest('朱海燕', '四联社区居民', '四联社区'), guest('彭丽娟', '四联社区居民', '四联社区'), guest('温晓红', '六约北社区工作站', '六约北社区'), guest('梁晓燕', '横岗街道精防社工')]],
    },
    // 二: the district's 观摩会, registered by street by its office, checked in on site by the park's officer.
    {
      key: 'guanmo.gongzhi', createdBy: 'district.longgang', createdAt: t('2022-11-30 10:00'), answersEvery: 6,
      plan: { park: 'henggang', kind: ActivityKind.SITE_OBSERVATION, title: '“怡锦社区共治空间”项目现场观摩会', topic: '居民共治空间',
        organizer: '区基层社会治理工作领导小组办公室', venue: '怡锦社区居民共治空间',
        description: '区级重点推荐项目《居民共治空间》现场观摩:以“党委领导、部门协同、居民参与、法治保障、德治支撑”的工作思路,为居民自治搭建共治平台。分4批次接待全区11个街道。',
        sessions: [on('2022-12-08', '09:00', '10:15'), on('2022-12-08', '10:30', '11:45'), on('2022-12-08', '14:30', '15:45'), on('2022-12-08', '16:00', '17:15')],
        projects: ['gongzhi'], organizations: ['yijin'] },
      registered: visitors.flat(),
      attendance: visitors,
    },
  ];
}

/** 横岗创新园's activities of 2022, in time order: created, registered, checked in, counted, evaluated. */
export async function henggang2022(s: DemoActions): Promise<void> {
  let answered = 0;
  const played = activities().sort((a, b) => a.plan.sessions[0].startsAt.getTime() - b.plan.sessions[0].startsAt.getTime());
  for (const activity of played) {
    const { key, createdBy, createdAt, plan } = activity;
    await s.createActivity(key, createdBy, createdAt, plan);
    // Registered from the next day, two minutes apart (the 观摩会's lists came from the streets).
    for (const [i, who] of (activity.registered ?? []).entries()) await s.register(key, who, createdBy, plus(createdAt, 24 * 60 + i * 2));
    const came = new Map<string, Attendee>();
    const sessions = [...plan.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (const [n, session] of sessions.entries()) {
      // Checked in from twenty minutes before the start, half a minute apart.
      for (const [i, who] of activity.attendance[n].entries()) {
        await s.checkIn(key, n + 1, who, STAFF, new Date(session.startsAt.getTime() - 20 * MINUTE + i * 30_000));
        came.set(JSON.stringify(who), who);
      }
      const headcount = activity.headcounts?.[n + 1];
      if (headcount !== undefined) await s.headcount(key, n + 1, headcount, STAFF, plus(session.startsAt, 30));
    }
    // The forms handed in at the end, entered by the one who created the activity.
    const end = sessions[sessions.length - 1].endsAt;
    for (const [i, who] of [...came.values()].entries()) {
      if (i % activity.answersEvery !== 0) continue;
      const score = SCORES[answered % SCORES.length];
      await s.satisfaction(key, who, score, createdBy, plus(end, 30 + i), FEEDBACK[answered]);
      answered += 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The ending this chapter promises, as the operations report computes it
// ---------------------------------------------------------------------------------------------

/** Throws unless 横岗创新园's 2022 adds up to the source's figures (run by the seeder after the story). */
export async function verifyHenggang2022(acting: Acting, actions: DemoActions): Promise<void> {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => { if (!ok) problems.push(message); };
  const em = acting.fork();
  const park = await em.findOneOrFail(Park, { id: actions.sites.parks.get('henggang')! });
  const figures = await activityReportFigures(em, { districtId: park.district.id, parkIds: [park.id] }, YEAR);
  expect(figures.trainingPersonTimes === HENGGANG_2022.trainingPersonTimes, `横岗创新园 2022: ${figures.trainingPersonTimes} training person-times, expected 97`);
  const averageOk = figures.averageSatisfaction !== null && figures.averageSatisfaction >= 4.6 && figures.averageSatisfaction <= 4.8;
  expect(averageOk, `横岗创新园 2022: average satisfaction ${figures.averageSatisfaction}, expected 4.6–4.8`);

  const observation = await acting.read(actions.person(STAFF), YEAR.to, (ctx) => attendanceOf(ctx, actions.activityId('guanmo.gongzhi')));
  const { observation: expected } = HENGGANG_2022;
  expect(observation.personTimes === expected.personTimes && observation.streets.length === expected.streets,
    `观摩会: ${observation.personTimes} person-times from ${observation.streets.length} streets, expected 122 from 11`);

  const workshop = await em.find(Project, { id: { $in: figures.workshopProjectIds } });
  expect(workshop.length === HENGGANG_2022.workshop.coached && workshop.filter((p) => p.submittedAt).length === HENGGANG_2022.workshop.applied,
    `辅导会: ${workshop.length} projects coached, ${workshop.filter((p) => p.submittedAt).length} applied, expected 8 and 5`);

  const visits = await em.count(SupervisionVisit, { project: { park: park.id }, visitedAt: { $gte: YEAR.from, $lt: YEAR.to } });
  expect(visits === HENGGANG_2022.supervisionVisits, `横岗创新园 2022: ${visits} supervision visits, expected 16`);
  if (problems.length) throw new Error(`横岗创新园's 2022 does not match its annual report:\n- ${problems.join('\n- ')}`);
}
