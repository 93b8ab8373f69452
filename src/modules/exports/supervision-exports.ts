import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/node-id.js';
import { amount, instant, newestFirst, projectColumns, staffProjectIds } from './export-rows.js';
import type { ExportColumn } from './export-table.js';

interface ServiceReportRow {
  id: string;
  project_id: string;
  project_title: string;
  period: string;
  sessions_held: number;
  person_times: number;
  volunteers: number;
  volunteer_hours: string;
  satisfaction_rate: string;
  spending: string;
  status: string;
  submitted_at: string;
  reviewed_at: string | null;
}

export const SERVICE_REPORT_COLUMNS: ExportColumn<ServiceReportRow>[] = [
  { key: 'id', en: 'ID', zh: '编号', value: (row) => toGlobalId('ServiceReport', row.id) },
  ...projectColumns<ServiceReportRow>(),
  { key: 'period', en: 'Month', zh: '月份', value: (row) => row.period },
  { key: 'sessionsHeld', en: 'Sessions held', zh: '开展场次', value: (row) => row.sessions_held },
  { key: 'personTimes', en: 'Person-times served', zh: '服务人次', value: (row) => row.person_times },
  { key: 'volunteers', en: 'Volunteers', zh: '志愿者人数', value: (row) => row.volunteers },
  { key: 'volunteerHours', en: 'Volunteer hours', zh: '志愿服务时长(小时)', value: (row) => amount(row.volunteer_hours) },
  { key: 'satisfactionRate', en: 'Satisfaction (%)', zh: '满意度(%)', value: (row) => amount(row.satisfaction_rate) },
  { key: 'spending', en: 'Spending (yuan)', zh: '支出(元)', value: (row) => amount(row.spending), kind: 'amount' },
  { key: 'status', en: 'Status', zh: '状态', value: (row) => row.status },
  { key: 'submittedAt', en: 'Submitted at', zh: '提交时间', value: (row) => instant(row.submitted_at), kind: 'instant' },
  { key: 'reviewedAt', en: 'Reviewed at', zh: '审核时间', value: (row) => instant(row.reviewed_at), kind: 'instant' },
];

/** The monthly service reports (月度服务资料) of the projects the viewer is staff over, latest submitted first. */
export function serviceReportRows(ctx: Context): AsyncIterable<ServiceReportRow[]> {
  const projects = staffProjectIds(ctx);
  return newestFirst<ServiceReportRow>(ctx, {
    text: `select s.id, s.project_id, p.title as project_title, s.period, s.sessions_held, s.person_times, s.volunteers, s.volunteer_hours,
                  s.satisfaction_rate, s.spending, s.status, s.submitted_at, s.reviewed_at
             from service_report s join project p on p.id = s.project_id
            where s.project_id in (${projects.text})`,
    params: projects.params,
  }, 'submitted_at');
}

interface VisitRow {
  id: string;
  project_id: string;
  project_title: string;
  visited_at: string;
  kind: string;
  risk_level: string;
  visitor: string;
  findings: string;
}

export const VISIT_COLUMNS: ExportColumn<VisitRow>[] = [
  { key: 'id', en: 'ID', zh: '编号', value: (row) => toGlobalId('SupervisionVisit', row.id) },
  ...projectColumns<VisitRow>(),
  { key: 'visitedAt', en: 'Visited at', zh: '走访时间', value: (row) => instant(row.visited_at), kind: 'instant' },
  { key: 'kind', en: 'Kind', zh: '方式', value: (row) => row.kind },
  { key: 'riskLevel', en: 'Risk', zh: '风险等级', value: (row) => row.risk_level },
  { key: 'visitor', en: 'Visitor', zh: '督导人员', value: (row) => row.visitor },
  { key: 'findings', en: 'Findings', zh: '督导发现', value: (row) => row.findings },
];

/** The supervision visits (督导走访) of the projects the viewer is staff over, latest first. */
export function visitRows(ctx: Context): AsyncIterable<VisitRow[]> {
  const projects = staffProjectIds(ctx);
  return newestFirst<VisitRow>(ctx, {
    text: `select v.id, v.project_id, p.title as project_title, v.visited_at, v.kind, v.risk_level, v.findings, who.name as visitor
             from supervision_visit v join project p on p.id = v.project_id join person who on who.id = v.visitor_id
            where v.project_id in (${projects.text})`,
    params: projects.params,
  }, 'visited_at');
}
