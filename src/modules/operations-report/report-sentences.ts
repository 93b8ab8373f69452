import type { Language } from './report-document.js';
import type { ReportFigures } from './report-figures.js';

export interface ReportNames {
  /** The park's or the district's name, e.g. 横岗创新园. */
  scope: string;
  /** The period as people say it, e.g. 2022年度 / 2022. */
  period: string;
}

/** How many projects a sentence names before it only counts them. */
const MAX_NAMED = 3;

const GRADES: Record<string, Record<Language, string>> = {
  EXCELLENT: { zh: '优秀', en: 'excellent' },
  GOOD: { zh: '良好', en: 'good' },
  PASS: { zh: '合格', en: 'pass' },
  FAIL: { zh: '不合格', en: 'fail' },
};

const yuan = (value: number, language: Language) => value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
const month = (iso: string) => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date(iso)));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The report's summary: one sentence per kind of work, each stating the figures exactly as computed
 * (every number in them is a figure of `figures`), in Chinese as the park writes it, or in English.
 * A kind of work with nothing in the period says nothing.
 */
export function summarySentences(figures: ReportFigures, names: ReportNames, language: Language): string[] {
  const zh = language === 'zh';
  const sentences: string[] = [];
  const { coaching, revisions, supervision, serviceReports, activities, resources } = figures;
  for (const program of coaching.byProgram) {
    sentences.push(zh
      ? `${names.period},${names.scope}围绕“${program.name}”累计辅导${program.coached}个项目,成功申报${program.applied}个项目。`
      : `In ${names.period}, ${names.scope} coached ${plural(program.coached, 'project')} for “${program.name}”, of which ${program.applied} applied.`);
  }
  if (coaching.sessions > 0) {
    sentences.push(zh ? `开展一对一辅导${coaching.sessions}次。` : `It held ${plural(coaching.sessions, 'one-to-one coaching session')}.`);
  }
  // First places are news; the report's table lists the other top-three places.
  for (const won of figures.rankings.filter((entry) => entry.rank === 1)) {
    sentences.push(zh
      ? `《${won.title}》获得${won.roundName}评分第${won.rank}名(${won.score}分,共${won.fieldSize}个项目参评)。`
      : `“${won.title}” placed ${ordinal(won.rank)} in ${won.roundName} with ${won.score} points, of ${won.fieldSize} projects.`);
  }
  for (const recommended of figures.recommendations) {
    sentences.push(zh ? `《${recommended.title}》被推荐至${recommended.library}。` : `“${recommended.title}” was recommended to ${recommended.library}.`);
  }
  if (revisions.revisions > 0) {
    sentences.push(zh
      ? `项目方案共形成${revisions.revisions}版,其中${revisions.projectsRevised}个项目经过修改完善,单个项目最多${revisions.mostRevisions}版。`
      : `Proposals went through ${plural(revisions.revisions, 'revision')}; ${plural(revisions.projectsRevised, 'project was', 'projects were')} revised; the most revised reached version ${revisions.mostRevisions}.`);
  }
  if (supervision.visits > 0) {
    sentences.push(zh
      ? `走访督导${supervision.visits}轮,覆盖${supervision.projectsVisited}个项目。`
      : `Staff and mentors made ${plural(supervision.visits, 'supervision visit')} to ${plural(supervision.projectsVisited, 'project')}.`);
  }
  if (serviceReports.submitted > 0 || serviceReports.accepted > 0) {
    // Named per project while they are few, as a park's report names them; a district's lists them in its table.
    const submitting = serviceReports.byProject.filter((row) => row.submitted > 0);
    const each = submitting.length <= MAX_NAMED ? submitting : [];
    const detail = zh ? each.map((row) => `《${row.title}》${row.submitted}份`).join('、') : each.map((row) => `${row.submitted} for “${row.title}”`).join(', ');
    sentences.push(zh
      ? `报送月度服务资料${serviceReports.submitted}份${detail ? `(${detail})` : ''},审核通过${serviceReports.accepted}份,项目服务${serviceReports.personTimes}人次。`
      : `Projects submitted ${plural(serviceReports.submitted, 'monthly service report')}${detail ? ` (${detail})` : ''}; ${serviceReports.accepted} were accepted, serving ${plural(serviceReports.personTimes, 'person-time')}.`);
  }
  for (const closing of figures.closings) {
    const grade = closing.grade ? GRADES[closing.grade]?.[language] ?? closing.grade : null;
    sentences.push(zh
      ? `《${closing.title}》于${month(closing.closedAt)}月通过结项评估${closing.score === null ? '' : `(${closing.score}分${grade ? `,${grade}` : ''})`}。`
      : `“${closing.title}” passed its closing evaluation in ${MONTHS[month(closing.closedAt) - 1]}${closing.score === null ? '' : ` with ${closing.score} points${grade ? ` (${grade})` : ''}`}.`);
  }
  if (activities.activities > 0) {
    sentences.push(zh
      ? `举办活动${activities.activities}场,共${activities.sessions}场次,${activities.personTimes}人次参与,其中培训${activities.trainingPersonTimes}人次;参与者来自${activities.streets.length}个街道。`
      : `The park held ${plural(activities.activities, 'activity', 'activities')} in ${plural(activities.sessions, 'session')}, with ${plural(activities.personTimes, 'person-time')}, ${activities.trainingPersonTimes} of them in training; people came from ${plural(activities.streets.length, 'street')}.`);
    // The observations that drew the most, as the park's report tells each; a district's table lists the rest.
    const observations = activities.perActivity.filter((row) => row.kind === 'SITE_OBSERVATION').sort((a, b) => b.personTimes - a.personTimes).slice(0, MAX_NAMED);
    for (const observation of observations) {
      sentences.push(zh
        ? `${observation.title}分${observation.sessions}批次共接待${observation.streets}个街道${observation.personTimes}人次参与观摩。`
        : `${observation.title} received ${plural(observation.personTimes, 'visitor')} from ${plural(observation.streets, 'street')} in ${plural(observation.sessions, 'batch', 'batches')}.`);
    }
    if (activities.averageSatisfaction !== null) {
      sentences.push(zh
        ? `活动满意度平均${activities.averageSatisfaction}分(5分制,${activities.satisfactionResponses}人评价)。`
        : `Average satisfaction was ${activities.averageSatisfaction} out of 5 (${plural(activities.satisfactionResponses, 'response')}).`);
    }
  }
  if (resources.matchesDelivered > 0) {
    sentences.push(zh
      ? `对接资源${resources.matchesDelivered}项,撮合价值${yuan(resources.valueBrokered, language)}元,惠及${resources.projectsServed}个项目。`
      : `It brokered ${plural(resources.matchesDelivered, 'resource')} worth ¥${yuan(resources.valueBrokered, language)} for ${plural(resources.projectsServed, 'project')}.`);
  }
  return sentences;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
