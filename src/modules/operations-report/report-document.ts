/**
 * An operations report as plain data: what the Word and HTML renderers take. It knows nothing of the
 * database or GraphQL, so a report can be rendered (and tested) from figures alone.
 */

export type Language = 'zh' | 'en';

export interface ReportFigureRow {
  label: string;
  values: (string | number)[];
}

export interface ReportTable {
  caption: string;
  /** The header row, first the label column's heading, then one per value. */
  columns: string[];
  rows: ReportFigureRow[];
}

export interface ReportChartSeries {
  name: string;
  values: number[];
}

export type ReportChart =
  | { kind: 'funnel'; title: string; stages: { label: string; value: number }[] }
  /** Grouped bars per month. */
  | { kind: 'monthly'; title: string; months: string[]; series: ReportChartSeries[] }
  /** Bars per category, e.g. person-times by area. */
  | { kind: 'bars'; title: string; categories: string[]; series: ReportChartSeries[] };

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

export interface ReportDocument {
  language: Language;
  /** e.g. 横岗创新园2022年度运营工作报告 */
  title: string;
  /** Scope and period, e.g. 龙岗区 · 横岗创新园 · 2022-01-01 至 2022-12-31 */
  subtitle: string;
  /** e.g. 第2版; null for a draft. */
  version: string | null;
  /** ISO instant the version was issued; null for a draft. */
  issuedAt: string | null;
  /** The generated sentences stating the figures, one paragraph each. */
  summary: string[];
  /** Narrative written by staff: plain text, never markup. */
  sections: ReportSection[];
  tables: ReportTable[];
  charts: ReportChart[];
}

/** The words a renderer adds around the document's own text. */
export interface ReportLabels {
  summary: string;
  tables: string;
  charts: string;
  draft: string;
  issued: (version: string, date: string | null) => string;
  figure: (index: number, title: string) => string;
}

const LABELS: Record<Language, ReportLabels> = {
  zh: {
    summary: '摘要',
    tables: '主要数据',
    charts: '图表',
    draft: '草稿（未发布）',
    issued: (version, date) => (date ? `${version} · ${date} 发布` : version),
    figure: (index, title) => `图${index} ${title}`,
  },
  en: {
    summary: 'Summary',
    tables: 'Key figures',
    charts: 'Charts',
    draft: 'Draft (not issued)',
    issued: (version, date) => (date ? `${version} · issued ${date}` : version),
    figure: (index, title) => `Figure ${index}. ${title}`,
  },
};

export const reportLabels = (language: Language): ReportLabels => LABELS[language];

/** The version line, or null for a draft (which renderers mark as such). */
export function versionStamp(doc: ReportDocument): string | null {
  if (doc.version === null) return null;
  return reportLabels(doc.language).issued(doc.version, doc.issuedAt && issuedDate(doc.issuedAt));
}

/** The calendar day of an instant in China, where the parks are, whatever the server's time zone. */
function issuedDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** A table cell as printed: numbers with digit grouping, text as written. */
export function cellText(value: string | number, language: Language): string {
  return typeof value === 'number' ? value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US') : value;
}
