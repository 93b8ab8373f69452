import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/node-id.js';
import { amount, instant, newestFirst, staffProjects } from './export-rows.js';
import type { ExportColumn } from './export-table.js';

interface ProjectRow {
  id: string;
  title: string;
  status: string;
  focus_area: string;
  community_served: string;
  program: string;
  organization: string;
  park: string | null;
  district: string | null;
  requested_amount: string | null;
  approved_grant: string | null;
  final_score: string | null;
  final_grade: string | null;
  /** As PostgreSQL writes it (to the microsecond; a Date would keep milliseconds and break the keyset). */
  submitted_at: string | null;
  created_at: string;
}


export const PROJECT_COLUMNS: ExportColumn<ProjectRow>[] = [
  { key: 'id', en: 'ID', zh: '编号', value: (row) => toGlobalId('Project', row.id) },
  { key: 'title', en: 'Title', zh: '项目名称', value: (row) => row.title },
  { key: 'status', en: 'Status', zh: '状态', value: (row) => row.status },
  { key: 'program', en: 'Programme', zh: '所属计划', value: (row) => row.program },
  { key: 'organization', en: 'Organisation', zh: '申报机构', value: (row) => row.organization },
  { key: 'focusArea', en: 'Focus area', zh: '服务领域', value: (row) => row.focus_area },
  { key: 'communityServed', en: 'Community served', zh: '服务社区', value: (row) => row.community_served },
  { key: 'park', en: 'Park', zh: '所属园区', value: (row) => row.park },
  { key: 'district', en: 'District', zh: '所属区', value: (row) => row.district },
  { key: 'requestedAmount', en: 'Requested (yuan)', zh: '申请金额(元)', value: (row) => amount(row.requested_amount), kind: 'amount' },
  { key: 'approvedGrant', en: 'Grant (yuan)', zh: '资助金额(元)', value: (row) => amount(row.approved_grant), kind: 'amount' },
  { key: 'finalScore', en: 'Closing score', zh: '结项评分', value: (row) => amount(row.final_score), kind: 'amount' },
  { key: 'finalGrade', en: 'Closing grade', zh: '结项等级', value: (row) => row.final_grade },
  { key: 'submittedAt', en: 'Submitted at', zh: '提交时间', value: (row) => instant(row.submitted_at), kind: 'instant' },
  { key: 'createdAt', en: 'Created at', zh: '创建时间', value: (row) => instant(row.created_at), kind: 'instant' },
];

/** The projects the viewer is staff over (an administrator: all), newest first, with what their rows show. */
export function projectRows(ctx: Context): AsyncIterable<ProjectRow[]> {
  const visible = staffProjects(ctx);
  return newestFirst<ProjectRow>(ctx, {
    text: `select e.id, e.title, e.status, e.focus_area, e.community_served, e.approved_grant, e.final_score, e.final_grade, e.submitted_at, e.created_at,
                  pr.name as program, o.name as organization, pk.name as park, d.name as district, r.requested_amount
             from (${visible.text}) e
             join program pr on pr.id = e.program_id
             join organization o on o.id = e.organization_id
             left join park pk on pk.id = e.park_id
             left join place d on d.id = e.district_id
             left join proposal_revision r on r.id = e.current_revision_id`,
    params: visible.params,
  }, 'created_at');
}
