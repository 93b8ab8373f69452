import type { Writable } from 'node:stream';
import { isStaff } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { writeTable, type ExportColumn, type ExportFormat, type HeaderLanguage } from './export-table.js';
import { PROJECT_COLUMNS, projectRows } from './project-export.js';
import { ACTIVITY_COLUMNS, ATTENDANCE_COLUMNS, activityRows, attendanceRows } from './activity-exports.js';
import { RANKING_COLUMNS, SCORECARD_COLUMNS, rankingRows, scorecardRows } from './review-exports.js';
import { SERVICE_REPORT_COLUMNS, serviceReportRows, VISIT_COLUMNS, visitRows } from './supervision-exports.js';

interface ExportDefinition<Row> {
  sheet: string;
  columns: ExportColumn<Row>[];
  rows: (ctx: Context) => AsyncIterable<Row[]>;
}

/** Each export keeps its own row type; the registry only passes rows from its reader to its columns. */
const defineExport = <Row>(definition: ExportDefinition<Row>) => definition as unknown as ExportDefinition<unknown>;

/** The exports, by the name in their address (`/exports/<name>`). */
const EXPORTS: Record<string, ExportDefinition<unknown>> = {
  projects: defineExport({ sheet: '项目 Projects', columns: PROJECT_COLUMNS, rows: projectRows }),
  'service-reports': defineExport({ sheet: '月度服务资料 Service reports', columns: SERVICE_REPORT_COLUMNS, rows: serviceReportRows }),
  scorecards: defineExport({ sheet: '评分表 Scorecards', columns: SCORECARD_COLUMNS, rows: scorecardRows }),
  visits: defineExport({ sheet: '督导走访 Visits', columns: VISIT_COLUMNS, rows: visitRows }),
  rankings: defineExport({ sheet: '评审排名 Rankings', columns: RANKING_COLUMNS, rows: rankingRows }),
  activities: defineExport({ sheet: '园区活动 Activities', columns: ACTIVITY_COLUMNS, rows: activityRows }),
  attendance: defineExport({ sheet: '活动签到 Attendance', columns: ATTENDANCE_COLUMNS, rows: attendanceRows }),
};

export const isExport = (name: string) => Object.hasOwn(EXPORTS, name);

/** Exports are the work of staff: the rows are those the viewer is staff over. */
export const canExport = isStaff;

/** Streams the export `name` for the context's viewer, who may export (see canExport), to `out`. */
export function writeExport(ctx: Context, name: string, format: ExportFormat, language: HeaderLanguage, out: Writable): Promise<number> {
  const { sheet, columns, rows } = EXPORTS[name];
  return writeTable(out, format, language, sheet, columns, rows(ctx));
}
