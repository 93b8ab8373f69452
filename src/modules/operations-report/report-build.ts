import type { ReportChart, ReportDocument, ReportTable, Language } from './report-document.js';
import type { NarrativeSection } from './operations-report.entity.js';
import type { ReportFigures } from './report-figures.js';
import { summarySentences, type ReportNames } from './report-sentences.js';

const KIND_NAMES: Record<string, Record<Language, string>> = {
  TRAINING_COURSE: { zh: '培训课程', en: 'Training courses' },
  COACHING_WORKSHOP: { zh: '辅导会', en: 'Coaching workshops' },
  THEME_DAY: { zh: '主题日', en: 'Theme days' },
  EXCHANGE: { zh: '交流活动', en: 'Exchanges' },
  LECTURE: { zh: '讲座宣讲', en: 'Lectures' },
  SITE_OBSERVATION: { zh: '观摩会', en: 'Site observations' },
  VOLUNTEER_TEAM_FORMATION: { zh: '志愿队组建', en: 'Volunteer teams formed' },
};

const t = (language: Language, zh: string, en: string) => (language === 'zh' ? zh : en);

/** A report's title, e.g. 横岗创新园2022年度运营工作报告. */
export const reportTitle = (names: ReportNames, language: Language) => t(language, `${names.scope}${names.period}运营工作报告`, `${names.scope} operations report, ${names.period}`);

/** The report as a document: the summary sentences, tables of the figures, charts, then the staff's sections. */
export function reportDocument(figures: ReportFigures, sections: NarrativeSection[], names: ReportNames, meta: { version: number | null; issuedAt: Date | null; period: string }, language: Language): ReportDocument {
  const tables: ReportTable[] = [
    {
      caption: t(language, '培育孵化与项目发展', 'Coaching and project development'),
      columns: [t(language, '项目', 'Item'), t(language, '数量', 'Count')],
      rows: [
        { label: t(language, '辅导项目', 'Projects coached'), values: [figures.coaching.projectsCoached] },
        { label: t(language, '成功申报', 'Of which applied'), values: [figures.coaching.projectsApplied] },
        { label: t(language, '一对一辅导', 'Coaching sessions'), values: [figures.coaching.sessions] },
        { label: t(language, '方案修订', 'Proposal revisions'), values: [figures.revisions.revisions] },
        { label: t(language, '走访督导', 'Supervision visits'), values: [figures.supervision.visits] },
        { label: t(language, '月度服务资料报送', 'Monthly reports submitted'), values: [figures.serviceReports.submitted] },
        { label: t(language, '月度服务资料通过', 'Monthly reports accepted'), values: [figures.serviceReports.accepted] },
        { label: t(language, '通过结项评估', 'Closings passed'), values: [figures.closings.length] },
        { label: t(language, '资源对接', 'Resources brokered'), values: [figures.resources.matchesDelivered] },
      ],
    },
    {
      caption: t(language, '评审排名(前三名)', 'Review rankings (top three)'),
      columns: [t(language, '项目', 'Project'), t(language, '评审', 'Round'), t(language, '名次', 'Rank'), t(language, '得分', 'Score'), t(language, '参评项目', 'Projects ranked')],
      rows: figures.rankings.map((won) => ({ label: won.title, values: [won.roundName, won.rank, won.score, won.fieldSize] })),
    },
    {
      caption: t(language, '活动开展情况', 'Activities'),
      columns: [t(language, '类型', 'Kind'), t(language, '活动', 'Activities'), t(language, '场次', 'Sessions'), t(language, '人次', 'Person-times')],
      rows: figures.activities.byKind.map((kind) => ({ label: KIND_NAMES[kind.kind][language], values: [kind.activities, kind.sessions, kind.personTimes] })),
    },
    {
      caption: t(language, '参与者来源街道', 'Where participants came from'),
      columns: [t(language, '街道', 'Street'), t(language, '人次', 'Person-times')],
      rows: figures.activities.streets.map((street) => ({ label: street.name, values: [street.personTimes] })),
    },
    {
      caption: t(language, '领域分布', 'By area of work'),
      columns: [t(language, '领域', 'Area'), t(language, '项目', 'Projects'), t(language, '服务人次', 'Person-times served')],
      rows: figures.areas.map((area) => ({ label: area.name ?? t(language, '未分类', 'Unclassified'), values: [area.projects, area.personTimes] })),
    },
    {
      caption: t(language, '类型分布', 'By project type'),
      columns: [t(language, '类型', 'Type'), t(language, '项目', 'Projects'), t(language, '服务人次', 'Person-times served')],
      rows: figures.types.map((type) => ({ label: type.name ?? t(language, '未分类', 'Unclassified'), values: [type.projects, type.personTimes] })),
    },
  ].filter((table) => table.rows.length > 0);
  const charts: ReportChart[] = [
    {
      kind: 'funnel',
      title: t(language, '项目进展', 'Projects through the lifecycle'),
      stages: [
        { label: t(language, '新建', 'Created'), value: figures.funnel.created },
        { label: t(language, '申报', 'Submitted'), value: figures.funnel.submitted },
        { label: t(language, '立项', 'Approved'), value: figures.funnel.approved },
        { label: t(language, '实施', 'Started'), value: figures.funnel.started },
        { label: t(language, '结项', 'Closed'), value: figures.funnel.closed },
      ],
    },
  ];
  if (figures.monthly.length) {
    charts.push({
      kind: 'monthly',
      title: t(language, '每月工作', 'Work by month'),
      months: figures.monthly.map((month) => month.month),
      series: [
        { name: t(language, '活动人次', 'Activity person-times'), values: figures.monthly.map((month) => month.personTimes) },
        { name: t(language, '走访督导', 'Visits'), values: figures.monthly.map((month) => month.visits) },
        { name: t(language, '一对一辅导', 'Coaching sessions'), values: figures.monthly.map((month) => month.coachingSessions) },
      ],
    });
  }
  if (figures.activities.streets.length) {
    charts.push({
      kind: 'bars',
      title: t(language, '各街道参与人次', 'Person-times by street'),
      categories: figures.activities.streets.map((street) => street.name),
      series: [{ name: t(language, '人次', 'Person-times'), values: figures.activities.streets.map((street) => street.personTimes) }],
    });
  }
  if (figures.areas.some((area) => area.personTimes > 0)) {
    charts.push({
      kind: 'bars',
      title: t(language, '各领域项目服务人次', 'Person-times served by area'),
      categories: figures.areas.map((area) => area.name ?? t(language, '未分类', 'Unclassified')),
      series: [{ name: t(language, '服务人次', 'Person-times served'), values: figures.areas.map((area) => area.personTimes) }],
    });
  }
  return {
    language,
    title: reportTitle(names, language),
    subtitle: meta.period,
    version: meta.version === null ? null : t(language, `第${meta.version}版`, `Version ${meta.version}`),
    issuedAt: meta.issuedAt?.toISOString() ?? null,
    summary: summarySentences(figures, names, language),
    sections: sections.map((section) => ({ heading: section.heading, paragraphs: section.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) })),
    tables,
    charts,
  };
}
