/**
 * The 龙岗区政府2019年度民生实事 round: “在59个参加评审项目中脱颖而出,以96.4的最高分获专家评分第1名”.
 * 龙岭花开 is in `demo-proposals.ts`; this file makes the other 58 projects of the round. Four are the
 * 布吉 community projects the source names (金排, 大芬, 茂业, 国展); the other 54 are generated from a
 * list of themes × 龙岗区 communities, with their organisations and applicants. Every score here is a
 * DEMO VALUE below 96.4, so that the ranking the API computes puts 龙岭花开 first.
 */
import { OrganizationKind } from '../src/modules/organizations/organization.entity.js';
import { Role } from '../src/shared/auth.js';
import { line, member, step, target, type DemoOrganization, type DemoPerson, type RevisionContent } from './demo-data.js';
import { randomSequence } from './demo-scores.js';

interface Community {
  key: string;
  name: string;
  street: string;
  /** The applicant who writes the community's proposals (fictitious). */
  applicant: string;
}

const COMMUNITIES: Community[] = [
  { key: 'jinpai', name: '金排', street: '布吉街道', applicant: '李建华' },
  { key: 'dafen', name: '大芬', street: '布吉街道', applicant: '王秀兰' },
  { key: 'maoye', name: '茂业', street: '布吉街道', applicant: '张志强' },
  { key: 'guozhan', name: '国展', street: '布吉街道', applicant: '刘丽萍' },
  { key: 'dongfangbandao', name: '东方半岛', street: '布吉街道', applicant: '杨海燕' },
  { key: 'luogang', name: '罗岗', street: '布吉街道', applicant: '黄国平' },
  { key: 'dexing', name: '德兴', street: '布吉街道', applicant: '赵晓燕' },
  { key: 'changlong', name: '长龙', street: '布吉街道', applicant: '吴文杰' },
  { key: 'wuhe', name: '五和', street: '坂田街道', applicant: '周美华' },
  { key: 'gangtou', name: '岗头', street: '坂田街道', applicant: '徐伟强' },
  { key: 'yangmei', name: '杨美', street: '坂田街道', applicant: '孙婷婷' },
  { key: 'shawan', name: '沙湾', street: '南湾街道', applicant: '朱振宇' },
  { key: 'danzhutou', name: '丹竹头', street: '南湾街道', applicant: '胡淑贞' },
  { key: 'shanxia', name: '山厦', street: '平湖街道', applicant: '郭春梅' },
  { key: 'liangantian', name: '良安田', street: '平湖街道', applicant: '罗永红' },
  { key: 'yuyuan', name: '愉园', street: '龙城街道', applicant: '梁立新' },
  { key: 'huanggekeng', name: '黄阁坑', street: '龙城街道', applicant: '宋桂芳' },
  { key: 'anliang', name: '安良', street: '横岗街道', applicant: '唐德明' },
  { key: 'xikeng', name: '西坑', street: '横岗街道', applicant: '韩慧玲' },
];

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const orgKey = (c: Community) => `ms.${c.key}`;
const applicantKey = (c: Community) => `applicant.ms.${c.key}`;

/** The communities' committees, with DEMO credit codes (59 = 民政 / 其他; 440307 = 龙岗区). */
export const MINSHENG_ORGANIZATIONS: DemoOrganization[] = COMMUNITIES.map((c, i) => ({
  key: orgKey(c),
  name: `${c.name}社区居委会`,
  kind: OrganizationKind.COMMUNITY_COMMITTEE,
  creditCodePrefix: `59440307MEF${ALPHABET[Math.floor(i / 31)]}${ALPHABET[i % 31]}R7K2`,
  district: '龙岗区',
  street: c.street,
  community: `${c.name}社区`,
  contactName: c.applicant,
  contactPhone: `138 0000 ${String(201 + i).padStart(4, '0')}`,
}));

export const MINSHENG_PEOPLE: DemoPerson[] = COMMUNITIES.map((c) => ({
  key: applicantKey(c),
  email: `applicant.ms.${c.key}@demo.incubator.cn`,
  name: c.applicant,
  roles: [Role.APPLICANT],
  organization: orgKey(c),
}));

interface Theme {
  title: (c: string) => string;
  focusArea: string;
  summary: (c: string) => string;
  needs: (c: string) => string;
  objectives: string[];
  activities: [string, string, string][];
  beneficiaries: (c: string) => string;
  targets: [string, string, number][];
  budget: [string, number][];
}

const THEMES: Theme[] = [
  {
    title: (c) => `${c}社区长者饭堂助餐服务提升`, focusArea: '民生服务',
    summary: (c) => `在${c}社区长者饭堂基础上增设助餐点和送餐服务,推出适合长者的营养套餐,并结合助餐开展健康讲座和文娱活动,让长者吃得好、吃得放心。`,
    needs: (c) => `${c}社区独居、空巢长者较多,现有长者饭堂座位和供餐能力不足,行动不便的长者无法到店就餐。`,
    objectives: ['新增2个社区助餐点', '为行动不便长者提供送餐上门服务', '每月开展长者健康与营养讲座'],
    activities: [['助餐点改造', '第1—3月', '改造社区闲置用房,配置厨房与就餐设备。'], ['送餐上门', '第3—12月', '志愿者与餐企配送员为行动不便长者送餐。'], ['健康营养讲座', '第3—12月', '联合社康中心每月开展一次。']],
    beneficiaries: (c) => `${c}社区60岁以上长者,特别是独居、空巢和行动不便的长者。`,
    targets: [['助餐服务', '人次', 24000], ['送餐上门长者', '人', 60], ['服务对象满意度', '%', 90]],
    budget: [['助餐点改造及设备', 180_000], ['送餐保温设备及配送', 60_000], ['健康讲座及活动', 20_000], ['运营管理', 40_000]],
  },
  {
    title: (c) => `${c}社区“四点半课堂”关爱服务`, focusArea: '文化教育',
    summary: (c) => `利用${c}社区党群服务中心场地,为双职工家庭和外来务工家庭的小学生提供放学后的课业辅导、安全看护和兴趣课程。`,
    needs: (c) => `${c}社区双职工和外来务工家庭多,孩子放学后无人看护,课业辅导和安全问题突出。`,
    objectives: ['每个上学日开设四点半课堂', '招募大学生和社区志愿者参与辅导', '每学期开展家庭教育讲座'],
    activities: [['课堂场地改造', '第1—2月', '改造学习室,配置桌椅、图书和安全设施。'], ['课业辅导与兴趣课程', '第2—12月', '上学日16:30—18:30开放。'], ['家庭教育讲座', '每学期', '邀请学校老师和心理咨询师主讲。']],
    beneficiaries: (c) => `${c}社区小学生约120人及其家庭。`,
    targets: [['四点半课堂', '场', 200], ['服务人次', '人次', 8000], ['服务对象满意度', '%', 90]],
    budget: [['学习室改造及设备', 80_000], ['辅导老师及志愿者补贴', 96_000], ['兴趣课程物资', 24_000], ['家庭教育讲座', 10_000]],
  },
  {
    title: (c) => `${c}社区口袋公园共建共享`, focusArea: '社区治理',
    summary: (c) => `把${c}社区的边角空地改造为口袋公园,设计方案由居民议事会讨论确定,建成后由居民志愿者和物业共同维护。`,
    needs: (c) => `${c}社区楼宇密集,居民休憩和儿童游乐空间不足,部分边角空地长期闲置、环境脏乱。`,
    objectives: ['建成3处口袋公园', '居民全过程参与设计和维护', '建立口袋公园共管公约'],
    activities: [['居民议事与方案设计', '第1—2月', '召开居民议事会,征集设计意见。'], ['口袋公园施工', '第3—6月', '分三处施工,居民代表参与监督。'], ['共管维护', '第7—12月', '志愿者与物业轮值维护。']],
    beneficiaries: (c) => `${c}社区周边居民约8000人。`,
    targets: [['口袋公园', '处', 3], ['参与居民', '人次', 1500], ['服务对象满意度', '%', 90]],
    budget: [['口袋公园施工', 300_000], ['设计及议事活动', 30_000], ['维护物资', 20_000]],
  },
  {
    title: (c) => `${c}社区老旧小区加装电梯协商议事`, focusArea: '社区治理',
    summary: (c) => `搭建加装电梯协商议事平台,由社区党委牵头,组织业主、设计单位和街道相关部门协商,推动${c}社区老旧小区加装电梯落地。`,
    needs: (c) => `${c}社区老旧小区多为七层以下无电梯楼宇,老年住户上下楼困难;加装电梯因低层业主意见分歧,协商难度大。`,
    objectives: ['组织加装电梯协商议事会', '推动10个单元达成加装共识', '建立协商调解和公示机制'],
    activities: [['意愿摸底', '第1—2月', '入户了解各单元业主意愿。'], ['协商议事会', '第2—10月', '逐单元召开议事会,律师和人民调解员参与。'], ['方案公示与报批', '第6—12月', '协助达成共识的单元公示并报批。']],
    beneficiaries: (c) => `${c}社区老旧小区住户,特别是老年住户。`,
    targets: [['协商议事会', '场', 30], ['达成加装共识单元', '个', 10], ['服务对象满意度', '%', 90]],
    budget: [['协商议事组织', 40_000], ['法律与调解专业服务', 36_000], ['方案设计咨询', 60_000], ['宣传公示', 10_000]],
  },
  {
    title: (c) => `${c}社区“智慧安防”小区建设`, focusArea: '平安建设',
    summary: (c) => `在${c}社区无物业老旧小区安装人脸识别门禁、高空抛物监测和消防通道监控,接入社区网格平台,提升小区安全管理水平。`,
    needs: (c) => `${c}社区无物业小区出入管理松散,盗窃、高空抛物和消防通道占用等问题时有发生。`,
    objectives: ['为8个小区安装智能门禁', '安装高空抛物和消防通道监控', '接入社区网格平台实现联动处置'],
    activities: [['需求调研与方案设计', '第1—2月', '逐小区调研,征求居民意见。'], ['设备安装', '第3—6月', '分批安装门禁与监控设备。'], ['联动处置', '第6—12月', '网格员按平台预警处置。']],
    beneficiaries: (c) => `${c}社区无物业老旧小区居民约6000人。`,
    targets: [['智能门禁小区', '个', 8], ['监控点位', '个', 60], ['服务对象满意度', '%', 90]],
    budget: [['门禁及监控设备', 320_000], ['安装施工', 60_000], ['平台接入', 40_000]],
  },
  {
    title: (c) => `${c}社区垃圾分类“绿色积分”推广`, focusArea: '社区治理',
    summary: (c) => `在${c}社区推行垃圾分类“绿色积分”,居民正确分类投放可积分兑换生活用品,由楼栋志愿者督导,提升分类投放准确率。`,
    needs: (c) => `${c}社区垃圾分类知晓率较高但准确投放率偏低,督导力量不足。`,
    objectives: ['建立绿色积分兑换机制', '培育60名楼栋督导志愿者', '分类投放准确率提升到85%以上'],
    activities: [['积分系统与兑换点建设', '第1—2月', '设置积分兑换点,发放积分卡。'], ['志愿者督导', '第2—12月', '早晚投放高峰志愿者值守。'], ['宣传进楼栋', '第2—12月', '开展分类知识宣传和家庭评比。']],
    beneficiaries: (c) => `${c}社区全体居民。`,
    targets: [['督导志愿者', '名', 60], ['参与家庭', '户', 3000], ['分类投放准确率', '%', 85]],
    budget: [['积分兑换物资', 60_000], ['兑换点及设备', 40_000], ['志愿者补贴及保险', 36_000], ['宣传物料', 14_000]],
  },
  {
    title: (c) => `${c}社区出租屋“平安e家”分级管理`, focusArea: '平安建设',
    summary: (c) => `对${c}社区出租屋按安全风险分级管理,推行房东责任承诺和租户信息动态更新,联合消防、派出所开展隐患排查整治。`,
    needs: (c) => `${c}社区出租屋数量大、租户流动快,消防和治安隐患点多面广。`,
    objectives: ['完成全部出租屋风险分级', '签订房东安全责任承诺书', '重大隐患整改率100%'],
    activities: [['出租屋摸底分级', '第1—3月', '网格员逐栋排查并分级。'], ['房东责任落实', '第3—6月', '召开房东大会,签订承诺书。'], ['联合检查与整改', '第4—12月', '每月联合检查高风险出租屋。']],
    beneficiaries: (c) => `${c}社区出租屋房东和租户。`,
    targets: [['出租屋分级', '栋', 600], ['房东承诺书', '份', 500], ['重大隐患整改率', '%', 100]],
    budget: [['排查及分级管理', 80_000], ['消防器材配置', 90_000], ['宣传培训', 20_000]],
  },
  {
    title: (c) => `${c}社区儿童友好空间营造`, focusArea: '文化教育',
    summary: (c) => `按照儿童友好理念,在${c}社区改造儿童游乐区、绘本馆和安全上学路,邀请儿童参与设计。`,
    needs: (c) => `${c}社区儿童多,但适合儿童的公共空间少,上学路段人车混行存在安全隐患。`,
    objectives: ['建成儿童游乐区和社区绘本馆', '改造1条儿童安全上学路', '组建儿童议事会参与空间设计'],
    activities: [['儿童参与式设计', '第1—2月', '组织儿童绘画、模型设计工作坊。'], ['空间改造', '第3—7月', '游乐区、绘本馆和上学路改造。'], ['儿童活动', '第6—12月', '绘本共读、自然探索等活动。']],
    beneficiaries: (c) => `${c}社区0—12岁儿童约1500人及其家庭。`,
    targets: [['儿童友好空间', '处', 3], ['儿童活动', '场', 40], ['服务对象满意度', '%', 90]],
    budget: [['游乐区及绘本馆改造', 220_000], ['上学路安全设施', 80_000], ['儿童活动物资', 30_000]],
  },
  {
    title: (c) => `${c}社区党群服务中心功能提升`, focusArea: '党建引领',
    summary: (c) => `优化${c}社区党群服务中心功能布局,增设政务自助、长者日间照料和青年活动空间,延长开放时间,打造“15分钟党群服务圈”。`,
    needs: (c) => `${c}社区党群服务中心面积小、功能单一,工作日晚间和周末开放不足,难以满足居民需求。`,
    objectives: ['完成党群服务中心功能分区改造', '开放时间延长到晚上9点和周末', '引入社会组织常驻开展服务'],
    activities: [['功能布局改造', '第1—4月', '增设政务自助区、长者照料区和青年空间。'], ['错时延时开放', '第5—12月', '党员志愿者轮值。'], ['社会组织入驻', '第5—12月', '引入3家社会组织常驻服务。']],
    beneficiaries: (c) => `${c}社区党员和居民。`,
    targets: [['入驻社会组织', '家', 3], ['服务人次', '人次', 20000], ['服务对象满意度', '%', 90]],
    budget: [['功能分区改造', 260_000], ['设施设备', 80_000], ['运营补贴', 60_000]],
  },
  {
    title: (c) => `${c}社区“红色物业”联建共治`, focusArea: '党建引领',
    summary: (c) => `推动${c}社区物业企业成立党支部,建立“社区党委+物业企业+业委会+居民”四方联席会议,协同解决小区停车、维修、环境等问题。`,
    needs: (c) => `${c}社区物业纠纷投诉多,业委会、物业和居民之间缺少沟通协商平台。`,
    objectives: ['推动5家物业企业成立党支部', '建立四方联席会议制度', '物业纠纷投诉量下降30%'],
    activities: [['物业党建覆盖', '第1—3月', '指导物业企业组建党支部。'], ['四方联席会议', '第3—12月', '每月召开,协商小区事务。'], ['物业服务评议', '第6、12月', '居民评议物业服务。']],
    beneficiaries: (c) => `${c}社区商品房小区居民。`,
    targets: [['物业党支部', '个', 5], ['四方联席会议', '场', 20], ['服务对象满意度', '%', 90]],
    budget: [['联席会议及议事活动', 40_000], ['物业服务评议', 20_000], ['党建阵地建设', 60_000], ['宣传物料', 10_000]],
  },
  {
    title: (c) => `${c}社区健康驿站`, focusArea: '民生服务',
    summary: (c) => `联合社康中心在${c}社区设立健康驿站,提供血压血糖自测、慢病随访、家庭医生签约和健康讲座。`,
    needs: (c) => `${c}社区慢性病长者多,社康中心距离较远,长者日常健康监测不便。`,
    objectives: ['建成社区健康驿站', '为500名慢病长者建立健康档案', '每月开展健康讲座'],
    activities: [['驿站建设', '第1—3月', '配置自测设备和健康档案系统。'], ['慢病随访', '第3—12月', '家庭医生团队每周驻点。'], ['健康讲座', '第3—12月', '每月一次。']],
    beneficiaries: (c) => `${c}社区居民,特别是慢性病长者。`,
    targets: [['慢病长者健康档案', '份', 500], ['健康服务', '人次', 10000], ['服务对象满意度', '%', 90]],
    budget: [['驿站建设及设备', 120_000], ['家庭医生驻点服务', 60_000], ['健康讲座', 15_000]],
  },
  {
    title: (c) => `${c}社区微型消防站提质`, focusArea: '平安建设',
    summary: (c) => `升级${c}社区微型消防站装备,组建由保安、物业和居民志愿者组成的义务消防队,开展常态化培训演练,实现“1分钟响应、3分钟到场”。`,
    needs: (c) => `${c}社区城中村、老旧小区多,道路狭窄,消防车难以进入,初起火灾需要就近快速处置。`,
    objectives: ['微型消防站装备达标', '组建50人的义务消防队', '每季度开展消防演练'],
    activities: [['装备升级', '第1—3月', '补充消防摩托、灭火器材和防护装备。'], ['义务消防队组建培训', '第2—4月', '开展初起火灾扑救培训。'], ['演练与巡查', '第4—12月', '季度演练,每月巡查。']],
    beneficiaries: (c) => `${c}社区居民和商户。`,
    targets: [['义务消防队员', '名', 50], ['消防演练', '场', 4], ['消防巡查', '次', 48]],
    budget: [['消防装备', 150_000], ['培训演练', 30_000], ['巡查补贴', 36_000]],
  },
  {
    title: (c) => `${c}社区居民议事厅`, focusArea: '社区治理',
    summary: (c) => `建设${c}社区居民议事厅,制定议事规则,定期组织居民代表、物业、驻区单位协商社区公共事务,议事结果公开、办理过程可查。`,
    needs: (c) => `${c}社区居民参与公共事务的渠道少,诉求多通过投诉表达,协商解决机制不健全。`,
    objectives: ['建成居民议事厅并制定议事规则', '每月召开居民议事会', '议事事项办结率达到90%'],
    activities: [['议事厅建设', '第1—2月', '改造场地,配置议事设备。'], ['居民议事会', '第2—12月', '每月一次,结果公示。'], ['议事员培训', '第2—4月', '培训居民议事员。']],
    beneficiaries: (c) => `${c}社区全体居民。`,
    targets: [['居民议事会', '场', 12], ['议事事项办结', '项', 30], ['服务对象满意度', '%', 90]],
    budget: [['议事厅改造', 90_000], ['议事活动', 24_000], ['议事员培训', 12_000]],
  },
  {
    title: (c) => `${c}社区“文化客厅”邻里节`, focusArea: '文化教育',
    summary: (c) => `打造${c}社区“文化客厅”,常态开展书法、粤剧、手工等文化活动,每年举办邻里节,促进新老居民交往融合。`,
    needs: (c) => `${c}社区外来人口比例高,邻里关系淡漠,居民文化活动场所和内容不足。`,
    objectives: ['建成社区“文化客厅”', '培育10支居民文化团队', '举办社区邻里节'],
    activities: [['文化客厅建设', '第1—3月', '改造活动室,配置文化设施。'], ['文化团队培育', '第3—12月', '书法、粤剧、手工等团队常态活动。'], ['邻里节', '第10月', '文艺汇演、百家宴和邻里市集。']],
    beneficiaries: (c) => `${c}社区居民约10000人次。`,
    targets: [['居民文化团队', '支', 10], ['文化活动', '场', 100], ['服务人次', '人次', 10000]],
    budget: [['文化客厅改造', 100_000], ['文化团队活动', 40_000], ['邻里节', 30_000]],
  },
  {
    title: (c) => `${c}社区“错峰共享”停车治理`, focusArea: '民生服务',
    summary: (c) => `协调${c}社区周边单位、商场停车场夜间向居民错峰开放,规范小区内部停车秩序,缓解居民停车难。`,
    needs: (c) => `${c}社区车位缺口大,夜间占道停车严重,影响消防通道和居民出行。`,
    objectives: ['协调5个单位停车场错峰共享', '新增错峰车位300个', '规范小区内部停车秩序'],
    activities: [['资源摸底与协商', '第1—3月', '摸清周边停车资源,与单位签订共享协议。'], ['错峰共享运营', '第3—12月', '夜间和周末向居民开放。'], ['小区停车秩序整治', '第2—6月', '施划车位,清理僵尸车。']],
    beneficiaries: (c) => `${c}社区有车居民。`,
    targets: [['错峰共享停车场', '个', 5], ['新增错峰车位', '个', 300], ['服务对象满意度', '%', 90]],
    budget: [['车位施划及标识', 60_000], ['智能道闸', 90_000], ['协调运营', 30_000]],
  },
];

/** The four 布吉 projects the source names, with the proposals their communities might have written. */
const NAMED: Record<string, { title: string; focusArea: string; summary: string; needs: string; objectives: string[]; targets: [string, string, number][]; budget: [string, number][] }> = {
  jinpai: {
    title: '打造党建+特色支部绘就多彩社区', focusArea: '党建引领',
    summary: '以“一支部一特色”为抓手,在金排社区的小区、园区、商圈党支部中打造各具特色的党建品牌,由支部牵头认领社区治理难题,党员带头参与志愿服务,绘就多彩社区。',
    needs: '金排社区党组织数量多、类型杂,部分支部活动形式单一,党员参与社区治理的作用发挥不充分。',
    objectives: ['打造10个特色党支部', '每个支部认领1项社区治理难题', '党员志愿服务常态化'],
    targets: [['特色党支部', '个', 10], ['认领治理难题', '项', 10], ['党员志愿服务', '小时', 6000]],
    budget: [['特色支部阵地建设', 150_000], ['党员志愿服务活动', 60_000], ['宣传展示', 30_000]],
  },
  dafen: {
    title: '党建+文化志愿治理模式', focusArea: '文化教育',
    summary: '依托大芬油画村的艺术资源,组建画家、画商党员和居民组成的文化志愿队,以墙绘美化街巷、公益艺术课堂和艺术市集参与社区治理,形成“党建+文化志愿”治理模式。',
    needs: '大芬社区外来画工和商户多,街巷环境和社区融合有待改善;艺术资源丰富,但参与社区治理的渠道不多。',
    objectives: ['组建100人的文化志愿队', '完成街巷墙绘美化', '开设公益艺术课堂'],
    targets: [['文化志愿者', '名', 100], ['街巷墙绘', '处', 20], ['公益艺术课堂', '场', 48]],
    budget: [['街巷墙绘', 120_000], ['公益艺术课堂', 48_000], ['志愿者保障', 30_000], ['艺术市集', 40_000]],
  },
  maoye: {
    title: '“四单制”激活社区自治“新引擎”', focusArea: '社区治理',
    summary: '推行居民“点单”、社区“派单”、党员和社会组织“接单”、群众“评单”的“四单制”服务机制,把居民的急难愁盼转化为服务清单,激活茂业社区居民自治。',
    needs: '茂业社区居民诉求多样,服务供给与需求对接不精准,居民参与自治的积极性有待激发。',
    objectives: ['建立“四单制”服务平台和流程', '办结居民点单事项300项', '群众评单满意率90%以上'],
    targets: [['居民点单事项办结', '项', 300], ['接单党员和社会组织', '个', 40], ['群众评单满意率', '%', 90]],
    budget: [['“四单制”平台建设', 80_000], ['接单服务补贴', 90_000], ['宣传推广', 20_000]],
  },
  guozhan: {
    title: '党建引领社区教育资源联建共享', focusArea: '文化教育',
    summary: '由国展社区党委牵头,联合辖区学校、幼儿园和企业党组织,共享场地、师资和课程,建设社区学校,为居民提供终身学习和青少年课后服务。',
    needs: '国展社区教育资源分散在各单位,居民学习需求旺盛但社区课程供给不足。',
    objectives: ['建立社区教育联建共享机制', '开设社区学校课程', '青少年课后服务常态化'],
    targets: [['联建单位', '家', 12], ['社区学校课程', '门', 30], ['服务人次', '人次', 12000]],
    budget: [['社区学校建设', 100_000], ['课程及师资', 80_000], ['青少年课后服务', 40_000]],
  },
};

export interface MinshengProject {
  key: string;
  title: string;
  /** Person key of the community's applicant. */
  applicant: string;
  focusArea: string;
  communityServed: string;
  revision: RevisionContent;
  /** The three evaluators' weighted totals (demo values); the API's mean of them is the project's score. */
  totals: [number, number, number];
}

/** Ways three evaluators' totals spread around a project's score; each adds up to nothing. */
const SPREADS: [number, number, number][] = [
  [-0.8, 0.2, 0.6], [0.4, -1.2, 0.8], [1, -0.4, -0.6], [-1.5, 0.5, 1], [0.3, 0.3, -0.6], [-0.2, 1.4, -1.2], [0.9, -1.8, 0.9],
];

const tenths = (value: number) => Math.round(value * 10) / 10;
const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** The 58 other projects of the round, in the order they were submitted. */
export function minshengProjects(): MinshengProject[] {
  const random = randomSequence(2019_0109);
  // The four named projects score near the top; the rest spread from 93.8 down to about 71.
  const namedScores: Record<string, number> = { jinpai: 95.6, dafen: 95.1, maoye: 94.7, guozhan: 94.2 };
  const generatedScores = Array.from({ length: 54 }, (_, j) => tenths(93.8 - j * 0.42 + (random() - 0.5) * 0.4));
  // Shuffle them, so that score does not follow submission order.
  for (let i = generatedScores.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [generatedScores[i], generatedScores[j]] = [generatedScores[j], generatedScores[i]];
  }

  const projects: MinshengProject[] = [];
  let themeCursor = 0;
  COMMUNITIES.forEach((c, i) => {
    const count = NAMED[c.key] ? 2 : i === 4 ? 4 : 3;
    const base = { applicant: applicantKey(c), communityServed: `龙岗区${c.street}${c.name}社区` };
    const named = NAMED[c.key];
    if (named) {
      projects.push({
        ...base,
        key: `ms.${c.key}.named`,
        title: named.title,
        focusArea: named.focusArea,
        revision: {
          summary: named.summary,
          needs: named.needs,
          objectives: named.objectives,
          activityPlan: [
            step('调研与方案细化', '2019-10至2019-12', '走访居民和驻区单位,细化实施方案。'),
            step('组织实施', '2020-01至2020-10', '按计划推进各项服务和建设内容。'),
            step('总结评估', '2020-11至2020-12', '开展居民满意度评估,总结可推广经验。'),
          ],
          beneficiaries: `${c.name}社区居民、党员和驻区单位。`,
          indicatorTargets: [...named.targets.map(([name, unit, value]) => target(name, unit, value)), ...(named.targets.some(([n]) => n.includes('满意')) ? [] : [target('服务对象满意度', '%', 90)])],
          budgetLines: named.budget.map(([item, amount]) => line(item, amount)),
          team: [member(c.applicant, '项目负责人'), member(`${c.name}社区党委`, '牵头单位')],
          changeNote: null,
        },
        totals: spread(namedScores[c.key], projects.length),
      });
    }
    for (let j = 0; j < count; j++) {
      const theme = THEMES[themeCursor % THEMES.length];
      themeCursor += 1;
      // Budgets vary between communities, within the programme's maximum grant.
      const themeTotal = theme.budget.reduce((sum, [, amount]) => sum + amount, 0);
      const scale = Math.min(0.7 + random() * 0.6, 480_000 / themeTotal);
      projects.push({
        ...base,
        key: `ms.${c.key}.${j}`,
        title: theme.title(c.name),
        focusArea: theme.focusArea,
        revision: {
          summary: theme.summary(c.name),
          needs: theme.needs(c.name),
          objectives: theme.objectives,
          activityPlan: theme.activities.map(([title, period, description]) => step(title, period, description)),
          beneficiaries: theme.beneficiaries(c.name),
          indicatorTargets: theme.targets.map(([name, unit, value]) => target(name, unit, value)),
          budgetLines: theme.budget.map(([item, amount]) => line(item, roundTo(amount * scale, 1000))),
          team: [member(c.applicant, '项目负责人'), member(`${c.name}社区工作站`, '实施单位')],
          changeNote: null,
        },
        totals: spread(generatedScores.pop()!, projects.length),
      });
    }
  });
  if (projects.length !== 58) throw new Error(`The 民生实事 round needs 58 projects besides 龙岭花开, not ${projects.length}`);
  return projects;
}

function spread(score: number, index: number): [number, number, number] {
  const [a, b, c] = SPREADS[index % SPREADS.length];
  return [tenths(score + a), tenths(score + b), tenths(score + c)];
}
